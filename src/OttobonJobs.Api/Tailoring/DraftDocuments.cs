using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;

namespace OttobonJobs.Api.Tailoring;

public enum DraftBlockKind { Title, Heading, Paragraph, Bullet }

public sealed record DraftRun(string Text, bool Bold, bool Italic);

/// <summary>One block of a draft as both documents lay it out: the Markdown's headings, paragraphs and list items.</summary>
public sealed record DraftBlock(DraftBlockKind Kind, IReadOnlyList<DraftRun> Runs)
{
    public string Text => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>
/// A tailored draft's Markdown as a Word document (Open XML SDK: Heading1/Heading2 styles, real bullets) or a PDF
/// (PdfPig's builder with the standard Helvetica fonts, lines wrapped to the page, new pages as needed). Both read the
/// Markdown through Markdig's syntax tree, so the two downloads hold the same text in the same order.
/// </summary>
public static class DraftDocuments
{
    public static IReadOnlyList<DraftBlock> Blocks(string markdown)
    {
        var blocks = new List<DraftBlock>();
        foreach (var block in Markdown.Parse(markdown ?? ""))
            Add(block, blocks);
        return blocks;
    }

    private static void Add(Block block, List<DraftBlock> blocks)
    {
        switch (block)
        {
            case HeadingBlock heading:
                blocks.Add(new DraftBlock(heading.Level == 1 ? DraftBlockKind.Title : DraftBlockKind.Heading, Runs(heading.Inline)));
                break;
            case ParagraphBlock paragraph:
                blocks.Add(new DraftBlock(DraftBlockKind.Paragraph, Runs(paragraph.Inline)));
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                    foreach (var inner in item)
                        if (inner is ParagraphBlock p) blocks.Add(new DraftBlock(DraftBlockKind.Bullet, Runs(p.Inline)));
                        else Add(inner, blocks);
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                blocks.Add(new DraftBlock(DraftBlockKind.Paragraph, [new DraftRun(leaf.Lines.ToString(), false, false)]));
                break;
            case ContainerBlock container:
                foreach (var child in container) Add(child, blocks);
                break;
        }
    }

    private static IReadOnlyList<DraftRun> Runs(ContainerInline? inline)
    {
        var runs = new List<DraftRun>();
        Walk(inline, false, false, runs);
        return runs;
    }

    private static void Walk(Inline? inline, bool bold, bool italic, List<DraftRun> runs)
    {
        switch (inline)
        {
            case LiteralInline literal: runs.Add(new DraftRun(literal.Content.ToString(), bold, italic)); break;
            case CodeInline code: runs.Add(new DraftRun(code.Content, bold, italic)); break;
            case LineBreakInline: runs.Add(new DraftRun(" ", bold, italic)); break;
            case EmphasisInline emphasis:
                foreach (var child in emphasis) Walk(child, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1, runs);
                break;
            case ContainerInline container:
                foreach (var child in container) Walk(child, bold, italic, runs);
                break;
            case HtmlInline html: runs.Add(new DraftRun(html.Tag, bold, italic)); break;
        }
    }

    public static byte[] Docx(string markdown)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = BulletNumbering();
            var body = new Body();
            foreach (var block in Blocks(markdown)) body.Append(WordParagraph(block));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    public const string TitleStyle = "Title";
    public const string HeadingStyle = "Heading1";
    public const string BulletStyle = "ListBullet";
    private const int BulletNumberingId = 1;

    private static Paragraph WordParagraph(DraftBlock block)
    {
        var properties = new ParagraphProperties();
        switch (block.Kind)
        {
            case DraftBlockKind.Title: properties.ParagraphStyleId = new ParagraphStyleId { Val = TitleStyle }; break;
            case DraftBlockKind.Heading: properties.ParagraphStyleId = new ParagraphStyleId { Val = HeadingStyle }; break;
            case DraftBlockKind.Bullet:
                properties.ParagraphStyleId = new ParagraphStyleId { Val = BulletStyle };
                properties.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId });
                break;
        }
        var paragraph = new Paragraph(properties);
        foreach (var run in block.Runs)
        {
            var runProperties = new RunProperties();
            if (run.Bold) runProperties.Bold = new Bold();
            if (run.Italic) runProperties.Italic = new Italic();
            paragraph.Append(new Run(runProperties, new Text(run.Text) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return paragraph;
    }

    private static Styles WordStyles()
    {
        static Style Paragraph(string id, string name, int halfPoints, bool bold) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "160", After = "80" }),
            new StyleRunProperties(bold ? new Bold() : new Bold { Val = false }, new FontSize { Val = halfPoints.ToString() }))
        { Type = StyleValues.Paragraph, StyleId = id };

        return new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
                    new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }))
                { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph(TitleStyle, "Title", 36, true),
            Paragraph(HeadingStyle, "heading 1", 28, true),
            Paragraph(BulletStyle, "List Bullet", 22, false));
    }

    private static Numbering BulletNumbering() => new(
        new AbstractNum(
            new Level(
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 1 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });

    // A4 in points, with 2 cm margins.
    private const double Margin = 56.7;
    private const double BodySize = 10.5;

    public static byte[] Pdf(string markdown)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddTrueTypeFont(RegularFont.Value);
        var bold = builder.AddTrueTypeFont(BoldFont.Value);
        var page = builder.AddPage(PdfPageSize.A4);
        var width = page.PageSize.Width - 2 * Margin;
        var y = page.PageSize.Top - Margin;

        foreach (var block in Blocks(markdown))
        {
            var (size, font, indent, gapBefore) = block.Kind switch
            {
                DraftBlockKind.Title => (18.0, bold, 0.0, 0.0),
                DraftBlockKind.Heading => (13.0, bold, 0.0, 8.0),
                DraftBlockKind.Bullet => (BodySize, regular, 14.0, 0.0),
                _ => (BodySize, regular, 0.0, 4.0),
            };
            y -= gapBefore;
            var lines = Wrap(page, Drawable(block.Text), size, font, width - indent);
            for (var i = 0; i < lines.Count; i++)
            {
                var lineHeight = size * 1.35;
                if (y - lineHeight < Margin)
                {
                    page = builder.AddPage(PdfPageSize.A4);
                    y = page.PageSize.Top - Margin;
                }
                y -= lineHeight;
                if (block.Kind == DraftBlockKind.Bullet && i == 0) page.AddText("•", size, new PdfPoint(Margin + 3, y), regular);
                page.AddText(lines[i], size, new PdfPoint(Margin + indent, y), font);
            }
        }
        return builder.Build();
    }

    private static List<string> Wrap(PdfPageBuilder page, string text, double size, PdfDocumentBuilder.AddedFont font, double width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && Width(page, candidate, size, font) > width)
            {
                lines.Add(line.ToString());
                line.Clear().Append(word);
            }
            else line.Clear().Append(candidate);
            // A single word wider than the line (a long URL) is cut where it overflows.
            while (Width(page, line.ToString(), size, font) > width && line.Length > 1)
            {
                var fits = line.Length - 1;
                while (fits > 1 && Width(page, line.ToString(0, fits), size, font) > width) fits--;
                lines.Add(line.ToString(0, fits));
                line.Remove(0, fits);
            }
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }

    private static double Width(PdfPageBuilder page, string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        if (text.Length == 0) return 0;
        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    // DejaVu Sans, embedded in the build (PdfPig puts only the glyphs used into each PDF): the standard PDF fonts have no
    // rupee sign and PdfPig writes their accented letters in the wrong encoding ("café" read back as "cafØ").
    private static readonly Lazy<byte[]> RegularFont = new(() => FontBytes("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> BoldFont = new(() => FontBytes("DejaVuSans-Bold.ttf"));

    // Both fonts cover the same characters; the regular one's cmap says which.
    private static readonly Lazy<TrueTypeFont> RegularGlyphs = new(() => TrueTypeFontParser.Parse(new TrueTypeDataBytes(RegularFont.Value)));

    private static bool HasGlyph(Rune rune) =>
        rune.IsBmp && RegularGlyphs.Value.TableRegister.CMapTable.TryGetGlyphIndex(rune.Value, out var glyph) && glyph != 0;

    private static byte[] FontBytes(string name)
    {
        using var stream = typeof(DraftDocuments).Assembly.GetManifestResourceStream($"Fonts/{name}")
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the build.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>What the font draws stays; a character it has no glyph for (Devanagari: no shaping here either) becomes "?" rather than fail the download. The DOCX keeps every character.</summary>
    public static string Drawable(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\t' or '\n' or '\r') safe.Append(' ');
            else if (Rune.IsControl(rune) || !HasGlyph(rune)) safe.Append('?');
            else safe.Append(rune.ToString());
        }
        return safe.ToString();
    }
}
