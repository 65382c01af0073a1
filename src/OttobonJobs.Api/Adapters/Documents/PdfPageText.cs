using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// One page's text from where its glyphs are, not from the spaces in its content stream: LuaTeX and XeTeX place words
/// by offsets with no space glyph, WPS Writer places every glyph on its own, and a two-column layout may be drawn row by
/// row across both columns. Glyphs become words where the gaps are (PdfPig's nearest-neighbour word extractor), words
/// become lines and blocks (Docstrum), and blocks are read column by column, top to bottom (unsupervised reading order).
/// Icon glyphs are dropped first, so an icon's name or private-use code point never becomes a word.
/// </summary>
internal static class PdfPageText
{
    /// <summary>
    /// Below this share of space glyphs a page is taken to place its words by position alone (LuaTeX, XeTeX, WPS);
    /// real text has a space every six or seven glyphs.
    /// </summary>
    private const double SpacelessShare = 0.02;

    // Single-threaded: the parser already runs on a thread of its own within DocumentTextExtractor's limits.
    private static readonly NearestNeighbourWordExtractor Words = new(new NearestNeighbourWordExtractor.NearestNeighbourWordExtractorOptions
    {
        MaxDegreeOfParallelism = 1,
    });

    /// <summary>
    /// Where no space glyph tells words apart, a gap of a tenth of an em does: TeX's interword glue shrinks to about
    /// 0.13 em (Source Sans Pro's space is 0.2 em), below PdfPig's default of a fifth, while kerning moves glyphs by a few
    /// hundredths.
    /// </summary>
    private static readonly NearestNeighbourWordExtractor SpacelessWords = new(new NearestNeighbourWordExtractor.NearestNeighbourWordExtractorOptions
    {
        MaxDegreeOfParallelism = 1,
        // The widths stand in when a font reports no point size (as PdfPig's default does).
        MaximumDistance = (a, b) => 0.1 * Math.Max(Math.Max(a.PointSize, b.PointSize), Math.Max(a.Width, b.Width)),
    });

    private static readonly DocstrumBoundingBoxes Blocks = new(new DocstrumBoundingBoxes.DocstrumBoundingBoxesOptions
    {
        MaxDegreeOfParallelism = 1,
    });

    private static readonly UnsupervisedReadingOrderDetector ReadingOrder = new(
        T: 5, UnsupervisedReadingOrderDetector.SpatialReasoningRules.ColumnWise, useRenderingOrder: false);

    /// <summary>Edges within this many points are aligned.</summary>
    private const double AlignmentTolerance = 2;

    /// <summary>Beyond this many blocks they are read top to bottom, left to right: the reading-order graph is cubic in blocks.</summary>
    public const int MaxOrderedBlocks = 200;

    /// <param name="maxLayoutGlyphs">Beyond this many glyphs the page is read in content order instead (icon glyphs
    /// included, though private-use ones go later in <see cref="ExtractedText.Normalise"/>): layout analysis grows
    /// faster than linearly (see <see cref="DocumentLimits.MaxLayoutGlyphsPerPage"/>).</param>
    public static string Read(Page page, int maxLayoutGlyphs)
    {
        if (page.Letters.Count > maxLayoutGlyphs) return ContentOrderTextExtractor.GetText(page);
        try
        {
            return Layout([.. page.Letters.Where(IconGlyphs.IsText)]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Layout analysis has seen far fewer hostile files than PdfPig's parser: a page it cannot lay out (glyphs at
            // impossible positions, say) is still read, in content order, rather than the whole file refused as damaged.
            return ContentOrderTextExtractor.GetText(page);
        }
    }

    private static string Layout(List<Letter> letters)
    {
        var spaces = letters.Count(letter => letter.Value == " ");
        var words = (spaces < SpacelessShare * letters.Count ? SpacelessWords : Words).GetWords(letters).ToList();
        if (words.Count == 0) return "";
        var blocks = Blocks.GetBlocks(words);
        var (columns, tails) = RowTails(blocks);
        var ordered = columns.Count <= MaxOrderedBlocks
            ? ReadingOrder.Get(columns)
            : columns.OrderByDescending(block => block.BoundingBox.Top).ThenBy(block => block.BoundingBox.Left);
        return string.Join("\n", ordered.SelectMany(block => block.TextLines).Select(line =>
            tails.TryGetValue(line, out var after)
                ? string.Join(" ", [line.Text, .. after.OrderBy(tail => tail.BoundingBox.Left).Select(tail => tail.Text)])
                : line.Text));
    }

    /// <summary>
    /// Separates the blocks that are text of their own from row tails: lines standing to the right of another line on
    /// the same baseline, such as a job's location and dates right-aligned on its title lines (Word, Google Docs, and
    /// Awesome-CV's cventry). A tail is read at the end of its line, not as a column of its own after the whole page.
    /// A block is a tail when every line has a line to its left on the same baseline, its left edge starts no other
    /// block (a real column's heading and paragraphs share theirs), and it is one line, right-aligned (ragged left), or
    /// sparse (one line every few, as dates at a tab stop are).
    /// </summary>
    private static (List<TextBlock> Columns, Dictionary<TextLine, List<TextLine>> Tails) RowTails(IReadOnlyList<TextBlock> blocks)
    {
        var tails = new Dictionary<TextLine, List<TextLine>>();
        var isTail = new HashSet<TextBlock>();
        foreach (var block in blocks)
        {
            var partners = block.TextLines.Select(line => LeftPartner(line, block, blocks, isTail)).ToList();
            if (partners.Any(partner => partner is null) || StartsAColumn(block, blocks)) continue;
            if (block.TextLines.Count > 1 && !IsRaggedLeft(block) && !IsSparse(block)) continue;

            isTail.Add(block);
            for (var i = 0; i < partners.Count; i++)
            {
                if (!tails.TryGetValue(partners[i]!, out var list)) tails[partners[i]!] = list = [];
                list.Add(block.TextLines[i]);
            }
        }
        return ([.. blocks.Where(block => !isTail.Contains(block))], tails);
    }

    private static TextLine? LeftPartner(TextLine line, TextBlock own, IReadOnlyList<TextBlock> blocks, HashSet<TextBlock> tails)
    {
        var tolerance = 0.3 * LineSize(line);
        return blocks
            .Where(block => block != own && !tails.Contains(block))
            .SelectMany(block => block.TextLines)
            .Where(other => other.BoundingBox.Right < line.BoundingBox.Left && Math.Abs(Baseline(other) - Baseline(line)) <= tolerance)
            .MaxBy(other => other.BoundingBox.Right);
    }

    private static bool IsSparse(TextBlock block)
    {
        var baselines = block.TextLines.Select(Baseline).OrderDescending().ToList();
        var size = block.TextLines.Max(LineSize);
        return baselines.Zip(baselines.Skip(1), (upper, lower) => upper - lower).All(gap => gap > 1.8 * size);
    }

    private static bool IsRaggedLeft(TextBlock block)
    {
        var lefts = block.TextLines.Select(line => line.BoundingBox.Left).ToList();
        var rights = block.TextLines.Select(line => line.BoundingBox.Right).ToList();
        return lefts.Max() - lefts.Min() > AlignmentTolerance && rights.Max() - rights.Min() <= AlignmentTolerance;
    }

    private static bool StartsAColumn(TextBlock block, IReadOnlyList<TextBlock> blocks) =>
        blocks.Any(other => other != block && Math.Abs(other.BoundingBox.Left - block.BoundingBox.Left) <= AlignmentTolerance && other.TextLines.Count > 1);

    private static double Baseline(TextLine line) => line.Words[0].Letters[0].StartBaseLine.Y;

    private static double LineSize(TextLine line) => line.Words.SelectMany(word => word.Letters).Max(letter => letter.PointSize);
}
