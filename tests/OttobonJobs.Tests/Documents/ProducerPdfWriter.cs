using System.Globalization;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Fonts.Standard14Fonts;

namespace OttobonJobs.Tests.Documents;

/// <summary>
/// A small PDF writer that draws text the way real producers do, which <see cref="UglyToad.PdfPig.Writer.PdfDocumentBuilder"/>
/// cannot (it always shows a whole string with its spaces): words placed by TJ offsets with no space glyph (LuaTeX,
/// XeTeX), one text matrix per glyph (WPS Writer), ligature glyphs and icon-font glyphs whose ToUnicode maps say what
/// they stand for. Fonts are simple 8-bit fonts with Helvetica's widths and a ToUnicode map; no font program is
/// embedded, so PdfPig takes each glyph's width from /Widths and its value from /ToUnicode, as it does for real subsets.
/// </summary>
internal sealed class ProducerPdfWriter
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;

    private static readonly Dictionary<char, int> HelveticaWidths = LoadHelveticaWidths();

    private readonly List<PdfFontSpec> _fonts = [];
    private readonly List<string> _pages = [];

    /// <summary>A font whose glyphs are assigned codes as they are first drawn. Symbolic fonts (icons) are flagged as such.</summary>
    public PdfFontSpec AddFont(string baseFont, bool symbolic = false)
    {
        var font = new PdfFontSpec($"F{_fonts.Count + 1}", baseFont, symbolic);
        _fonts.Add(font);
        return font;
    }

    /// <summary>Adds a page whose content stream is the operators given (between BT/ET as the caller writes them).</summary>
    public void AddPage(string operators) => _pages.Add(operators);

    public byte[] Build(bool compress = false)
    {
        var pdf = new MemoryStream();
        var offsets = new SortedDictionary<int, long>();
        void Write(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        void StartObject(int number)
        {
            offsets[number] = pdf.Position;
            Write($"{number} 0 obj\n");
        }
        void WriteStream(int number, byte[] data, bool deflate)
        {
            var body = data;
            if (deflate)
            {
                var packed = new MemoryStream();
                using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
                body = packed.ToArray();
            }
            StartObject(number);
            Write($"<< /Length {body.Length}{(deflate ? " /Filter /FlateDecode" : "")} >>\nstream\n");
            pdf.Write(body);
            Write("\nendstream\nendobj\n");
        }

        // 1 catalog, 2 pages, then three objects per font (dictionary, descriptor, ToUnicode), then two per page.
        var firstFont = 3;
        var firstPage = firstFont + 3 * _fonts.Count;
        var fontResources = string.Join(" ", _fonts.Select((font, i) => $"/{font.ResourceName} {firstFont + 3 * i} 0 R"));

        Write("%PDF-1.5\n%\u00E2\u00E3\u00CF\u00D3\n");
        StartObject(1); Write("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        StartObject(2);
        Write($"<< /Type /Pages /Kids [{string.Join(" ", _pages.Select((_, i) => $"{firstPage + 2 * i} 0 R"))}] /Count {_pages.Count} >>\nendobj\n");

        for (var i = 0; i < _fonts.Count; i++)
        {
            var font = _fonts[i];
            var number = firstFont + 3 * i;
            var widths = string.Join(" ", font.Glyphs.Select(glyph => glyph.Width));
            StartObject(number);
            Write($"<< /Type /Font /Subtype /Type1 /BaseFont /{font.BaseFont} /FirstChar 1 /LastChar {Math.Max(1, font.Glyphs.Count)} " +
                  $"/Widths [{(widths.Length > 0 ? widths : "0")}] /FontDescriptor {number + 1} 0 R /ToUnicode {number + 2} 0 R >>\nendobj\n");
            StartObject(number + 1);
            Write($"<< /Type /FontDescriptor /FontName /{font.BaseFont} /Flags {(font.Symbolic ? 4 : 32)} /FontBBox [-166 -225 1000 931] " +
                  "/ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 88 >>\nendobj\n");
            WriteStream(number + 2, Encoding.Latin1.GetBytes(font.ToUnicodeCMap()), deflate: false);
        }

        for (var i = 0; i < _pages.Count; i++)
        {
            var number = firstPage + 2 * i;
            StartObject(number);
            Write($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] /Resources << /Font << {fontResources} >> >> /Contents {number + 1} 0 R >>\nendobj\n");
            WriteStream(number + 1, Encoding.Latin1.GetBytes(_pages[i]), compress);
        }

        var crossReference = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets.Values) Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{crossReference}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>Helvetica's advance width (thousandths of an em) of a character; other characters get an average width.</summary>
    public static int WidthOf(char c) => HelveticaWidths.TryGetValue(c, out var width) ? width : 556;

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static Dictionary<char, int> LoadHelveticaWidths()
    {
        var metrics = Standard14.GetAdobeFontMetrics(Standard14Font.Helvetica);
        var widths = new Dictionary<char, int>();
        foreach (var metric in metrics.CharacterMetrics.Values)
        {
            // Standard encoding agrees with ASCII for letters, digits and most punctuation.
            if (metric.CharacterCode is >= 32 and <= 126) widths[(char)metric.CharacterCode] = (int)metric.Width.X;
        }
        widths['\''] = 191;
        widths['`'] = 333;
        return widths;
    }
}

/// <summary>One glyph of a <see cref="PdfFontSpec"/>: what its ToUnicode map says it is, and its advance width.</summary>
internal sealed record PdfGlyph(string Unicode, int Width);

internal sealed class PdfFontSpec(string resourceName, string baseFont, bool symbolic)
{
    private readonly Dictionary<string, int> _codes = [];

    public string ResourceName { get; } = resourceName;
    public string BaseFont { get; } = baseFont;
    public bool Symbolic { get; } = symbolic;
    public List<PdfGlyph> Glyphs { get; } = [];

    /// <summary>The one-byte code of a glyph standing for <paramref name="unicode"/> (a letter, a ligature, an icon's name…).</summary>
    public int Code(string unicode, int? width = null)
    {
        if (_codes.TryGetValue(unicode, out var code)) return code;
        if (Glyphs.Count == 255) throw new InvalidOperationException($"Font {BaseFont} has no codes left.");
        // A ligature is as wide as its letters.
        Glyphs.Add(new PdfGlyph(unicode, width ?? unicode.Normalize(NormalizationForm.FormKC).Sum(ProducerPdfWriter.WidthOf)));
        code = Glyphs.Count;
        _codes[unicode] = code;
        return code;
    }

    public int WidthOf(string unicode) => Glyphs[Code(unicode) - 1].Width;

    /// <summary>The hex string showing these glyphs, one per element.</summary>
    public string Hex(IEnumerable<string> glyphs) => "<" + string.Concat(glyphs.Select(glyph => Code(glyph).ToString("X2"))) + ">";

    public string ToUnicodeCMap()
    {
        var map = new StringBuilder(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
            "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
        foreach (var chunk in Glyphs.Select((glyph, i) => (glyph, code: i + 1)).Chunk(100))
        {
            map.Append(chunk.Length).Append(" beginbfchar\n");
            foreach (var (glyph, code) in chunk)
                map.Append('<').Append(code.ToString("X2")).Append("> <").Append(Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(glyph.Unicode))).Append(">\n");
            map.Append("endbfchar\n");
        }
        map.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return map.ToString();
    }
}
