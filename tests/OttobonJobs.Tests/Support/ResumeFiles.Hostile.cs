using System.IO.Compression;
using System.Text;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// Uploads built to hurt the parser, each a real (if hostile) file of its format: Word packages whose main document
/// is not called word/document.xml, and PDFs with deep nesting or streams that inflate to hundreds of megabytes.
/// </summary>
public static partial class ResumeFiles
{
    private const string WordMainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string WordNamespaces =
        """xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" """;

    /// <summary>
    /// The reported crash: the package's officeDocument relationship points at word/main.dat (declared a Word main
    /// document in [Content_Types].xml) holding <paramref name="levels"/> nested content controls, and an innocent
    /// word/document.xml sits beside it for any check that looks only at that name. A few kilobytes.
    /// </summary>
    public static byte[] NamedPartDocxBomb(int levels = 23_000) => Zip(
        ("[Content_Types].xml", Utf8(
            $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/main.dat" ContentType="{WordMainContentType}"/></Types>""")),
        ("_rels/.rels", Relationships(("officeDocument", "word/main.dat"))),
        ("word/document.xml", Utf8(MinimalDocumentXml)),
        ("word/main.dat", Utf8(DeepDocumentXml(levels))));

    /// <summary>
    /// A proper word/document.xml whose header lives in word/media/header.bin (declared as a header part, so the SDK
    /// parses it as XML) and nests <paramref name="levels"/> deep.
    /// </summary>
    public static byte[] DocxWithDeepHeaderUnderAnOddName(int levels = 23_000) => Zip(
        ("[Content_Types].xml", Utf8(
            $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{WordMainContentType}"/><Override PartName="/word/media/header.bin" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>""")),
        ("_rels/.rels", Relationships(("officeDocument", "word/document.xml"))),
        ("word/_rels/document.xml.rels", Relationships(("header", "media/header.bin"))),
        ("word/document.xml", Utf8(
            $"""<?xml version="1.0" encoding="UTF-8"?><w:document {WordNamespaces}><w:body><w:p><w:r><w:t>Priya Sharma</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>""")),
        ("word/media/header.bin", Utf8(
            $"""<?xml version="1.0" encoding="UTF-8"?><w:hdr {WordNamespaces}>{string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", levels))}<w:p/>{string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", levels))}</w:hdr>""")));

    /// <summary>A package whose main document is declared WordprocessingML but holds bytes that are not XML at all.</summary>
    public static byte[] DocxWhoseMainPartIsNotXml() => Zip(
        ("[Content_Types].xml", Utf8(
            $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/main.bin" ContentType="{WordMainContentType}"/></Types>""")),
        ("_rels/.rels", Relationships(("officeDocument", "word/main.bin"))),
        ("word/main.bin", [0x00, 0x01, 0x02, 0xFF, 0xFE, .. RenamedExecutable()]));

    /// <summary>A readable one-page resume whose page dictionary carries an array nested <paramref name="levels"/> deep.</summary>
    public static byte[] PdfWithDeepNesting(int levels = 100_000) => HandWrittenPdf(
        ResumeTexts.ComputerScienceGraduate(), pageExtra: $"/Nested {new string('[', levels)}{new string(']', levels)}");

    /// <summary>
    /// An honest resume, written uncompressed, whose text holds 300 opening brackets and a comment full of them: syntax
    /// that looks nested to a careless scanner but is only string content.
    /// </summary>
    public static byte[] PdfWithBracketsInItsText() => HandWrittenPdf(
        ResumeTexts.ComputerScienceGraduate() + "\n" + new string('[', 300) + " <<<< (nested) \\",
        contentPrefix: "% [[[[[[[[ << << a comment, not syntax\n", compress: false, pageExtra: "/Note (" + new string('[', 300) + ")");

    /// <summary>A resume whose (Flate-compressed) page content nests dictionaries <paramref name="levels"/> deep in a marked-content operator.</summary>
    public static byte[] PdfWithDeeplyNestedContent(int levels = 100_000) => HandWrittenPdf(
        ResumeTexts.ComputerScienceGraduate(),
        contentPrefix: $"/Span {string.Concat(Enumerable.Repeat("<</A ", levels))}{string.Concat(Enumerable.Repeat(">>", levels))} BDC EMC\n");

    /// <summary>
    /// A resume whose page content is padded with <paramref name="unpackedBytes"/> of spaces, Flate-compressed to about a
    /// thousandth of that: a file within the upload limit whose one stream inflates to hundreds of megabytes.
    /// </summary>
    public static byte[] PdfWithHugeStream(long unpackedBytes = 400L * 1024 * 1024) => HandWrittenPdf(
        ResumeTexts.ComputerScienceGraduate(), contentPadding: unpackedBytes);

    /// <summary>A resume whose page content claims to be about a gigabyte long (<c>/Length</c>) but is a few hundred bytes.</summary>
    public static byte[] PdfWithLyingStreamLength() => HandWrittenPdf(ResumeTexts.ComputerScienceGraduate(), compress: false, declaredLength: 1_073_741_824);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string DeepDocumentXml(int levels) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><w:document {WordNamespaces}><w:body>{string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", levels))}<w:p><w:r><w:t>Priya Sharma</w:t></w:r></w:p>{string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", levels))}</w:body></w:document>""";

    private static byte[] Relationships(params (string Type, string Target)[] relationships) => Utf8(
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        string.Concat(relationships.Select((r, i) =>
            $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{r.Type}" Target="{r.Target}"/>""")) +
        "</Relationships>");

    /// <summary>
    /// A one-page PDF written object by object (PDF 1.4, Helvetica), the text drawn line by line, with room for the
    /// hostile parts: extra page-dictionary entries, operators before the text, padding inside the content stream.
    /// </summary>
    private static byte[] HandWrittenPdf(
        string text, string pageExtra = "", string contentPrefix = "", long contentPadding = 0, bool compress = true, long? declaredLength = null)
    {
        var operators = new StringBuilder(contentPrefix).Append("BT /F1 10 Tf 14 TL 50 800 Td\n");
        foreach (var line in text.Split('\n'))
            operators.Append('(').Append(line.Replace(@"\", @"\\").Replace("(", @"\(").Replace(")", @"\)")).Append(") Tj T*\n");
        operators.Append("ET\n");

        var content = new MemoryStream();
        using (Stream sink = compress ? new ZLibStream(content, CompressionLevel.Optimal, leaveOpen: true) : content)
        {
            sink.Write(Encoding.Latin1.GetBytes(operators.ToString()));
            var spaces = Enumerable.Repeat((byte)' ', 1024 * 1024).ToArray();
            for (var written = 0L; written < contentPadding; written += spaces.Length)
                sink.Write(spaces, 0, (int)Math.Min(spaces.Length, contentPadding - written));
            if (!compress) sink.Flush();
        }
        var contentBytes = content.ToArray();

        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        void StartObject() => offsets.Add(pdf.Position);

        Write("%PDF-1.4\n");
        StartObject(); Write("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        StartObject(); Write("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        StartObject(); Write($"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R {pageExtra} >>\nendobj\n");
        StartObject(); Write($"4 0 obj\n<< /Length {declaredLength ?? contentBytes.Length}{(compress ? " /Filter /FlateDecode" : "")} >>\nstream\n");
        pdf.Write(contentBytes);
        Write("\nendstream\nendobj\n");
        StartObject(); Write("5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");

        var crossReference = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{crossReference}\n%%EOF\n");
        return pdf.ToArray();
    }
}
