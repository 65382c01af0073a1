using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Excel = DocumentFormat.OpenXml.Spreadsheet;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace OttobonJobs.Tests.Support;

public static partial class ResumeFiles
{
    private const long ZipBombUnpackedBytes = 200L * 1024 * 1024;

    private static readonly Lazy<byte[]> ZipBomb = new(BuildZipBomb);

    /// <summary>
    /// A Word resume built with the Open XML SDK: one paragraph per line, and consecutive lines containing " | "
    /// as a bordered table (cells split on " | "), so the extracted text equals <paramref name="text"/>.
    /// The default is the CS graduate with a skills table and a languages line in Telugu, Devanagari and Tamil.
    /// </summary>
    /// <param name="header">Text for the page header, where many templates put the name and contact details.</param>
    public static byte[] Docx(string? text = null, string? header = null)
    {
        text ??= ResumeTexts.ComputerScienceGraduate(nativeScripts: true);

        using var file = new MemoryStream();
        using (var document = WordprocessingDocument.Create(file, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            Table? table = null;

            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                if (line.Contains(" | "))
                {
                    if (table is null) body.Append(table = NewTable());
                    table.Append(new TableRow(line.Split(" | ").Select(cell => new TableCell(Paragraph(cell.Trim())))));
                    continue;
                }
                table = null;
                body.Append(Paragraph(line));
            }

            var section = new SectionProperties(new PageSize { Width = 11906, Height = 16838 });
            if (header is not null)
            {
                var headerPart = main.AddNewPart<HeaderPart>();
                headerPart.Header = new Header(Paragraph(header));
                section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) });
            }
            body.Append(section);
            main.Document = new Document(body);
        }
        return file.ToArray();
    }

    /// <summary>
    /// A minimal .docx whose body is the given WordprocessingML (the w, wp, a, wps, v and mc prefixes are declared), for
    /// structures the builder above does not make: text boxes, content controls, tracked changes, nested tables.
    /// </summary>
    public static byte[] DocxFromBodyXml(string bodyXml) => Zip(PackageSkeleton(Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="wps"><w:body>{bodyXml}</w:body></w:document>""")));

    /// <summary>
    /// A .docx of a few kilobytes whose one paragraph sits inside <paramref name="levels"/> nested content controls
    /// (two XML elements per level). Tens of thousands of levels overflow the stack of a recursive XML loader.
    /// </summary>
    public static byte[] DeeplyNestedDocx(int levels = 50_000, string text = "Priya Sharma") => DocxFromBodyXml(
        string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", levels)) +
        $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" +
        string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", levels)));

    /// <summary>A zip with a text file and a photo in it, but no word/document.xml.</summary>
    public static byte[] ZipWithoutDocument() => Zip(
        ("resume.txt", Encoding.UTF8.GetBytes(ResumeTexts.ComputerScienceGraduate())),
        ("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0]));

    /// <summary>An Excel workbook (.xlsx): an Open XML package, but not a Word document.</summary>
    public static byte[] Spreadsheet()
    {
        using var file = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = workbook.AddWorkbookPart();
            workbookPart.Workbook = new Excel.Workbook();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Excel.Worksheet(new Excel.SheetData(new Excel.Row(
                new Excel.Cell { CellValue = new Excel.CellValue("Priya Sharma"), DataType = Excel.CellValues.String })));
            workbookPart.Workbook.AppendChild(new Excel.Sheets(
                new Excel.Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Resume" }));
        }
        return file.ToArray();
    }

    /// <summary>
    /// A .docx-shaped zip whose word/document.xml unpacks to 200 MB of zeros from about 200 KB.
    /// Built once per test run (about 0.1 s); each call returns a fresh copy.
    /// </summary>
    public static byte[] ZipBombDocx() => (byte[])ZipBomb.Value.Clone();

    /// <summary>
    /// The same bomb with its sizes rewritten to claim word/document.xml unpacks to only 10 KB,
    /// so a size check that trusts the zip directory lets it through.
    /// </summary>
    public static byte[] UnderstatedZipBombDocx()
    {
        var bomb = ZipBombDocx();
        ClaimUnpackedSize(bomb, WordDocumentEntry, 10_000);
        return bomb;
    }

    /// <summary>A .docx-shaped zip with <paramref name="entries"/> tiny extra entries.</summary>
    public static byte[] ZipWithTooManyEntries(int entries = 1500) => Zip(
        [.. PackageSkeleton(Encoding.UTF8.GetBytes(MinimalDocumentXml)),
         .. Enumerable.Range(0, entries).Select(i => ($"word/media/image{i}.png", new byte[] { 1 }))]);

    /// <summary>The first half of a real .docx: the zip's central directory, at its end, is missing.</summary>
    public static byte[] TruncatedDocx()
    {
        var whole = Docx();
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A well-formed package whose word/document.xml stops mid-element: a damaged Word file.</summary>
    public static byte[] DocxWithBrokenDocument() => Zip(PackageSkeleton(Encoding.UTF8.GetBytes(
        """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Priya Sharma""")));

    /// <summary>A zip holding only word/document.xml, without the package's content types and relationships.</summary>
    public static byte[] DocxWithoutPackageParts() => Zip((WordDocumentEntry, Encoding.UTF8.GetBytes(MinimalDocumentXml)));

    private const string WordDocumentEntry = "word/document.xml";

    private const string MinimalDocumentXml =
        """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Priya Sharma</w:t></w:r></w:p></w:body></w:document>""";

    private static Paragraph Paragraph(string text) =>
        text.Length == 0 ? new Paragraph() : new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table NewTable()
    {
        static T Border<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4 };
        return new Table(new TableProperties(
            new TableBorders(Border<TopBorder>(), Border<BottomBorder>(), Border<LeftBorder>(), Border<RightBorder>(),
                Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
    }

    private static (string Name, byte[] Content)[] PackageSkeleton(byte[] documentXml) =>
    [
        ("[Content_Types].xml", Encoding.UTF8.GetBytes(
            """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""")),
        ("_rels/.rels", Encoding.UTF8.GetBytes(
            """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""")),
        (WordDocumentEntry, documentXml),
    ];

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }
        return file.ToArray();
    }

    private static byte[] BuildZipBomb()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in PackageSkeleton([]).Where(entry => entry.Name != WordDocumentEntry))
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }

            // Optimal compresses zeros exactly as small as SmallestSize (deflate's ceiling is about 1032:1) and is ~5x faster.
            using var bomb = zip.CreateEntry(WordDocumentEntry, CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var written = 0L; written < ZipBombUnpackedBytes; written += zeros.Length)
                bomb.Write(zeros);
        }
        return file.ToArray();
    }

    /// <summary>Rewrites an entry's uncompressed size in both the central directory and its local header.</summary>
    private static void ClaimUnpackedSize(byte[] zip, string entryName, uint size)
    {
        const uint centralHeader = 0x02014b50;
        var endOfDirectory = zip.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        var position = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(endOfDirectory + 16));

        while (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(position)) == centralHeader)
        {
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(position + 28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(position + 30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(position + 32));
            var name = Encoding.UTF8.GetString(zip, position + 46, nameLength);

            if (name == entryName)
            {
                var localHeader = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(position + 42));
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(position + 24), size);
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(localHeader + 22), size);
                return;
            }
            position += 46 + nameLength + extraLength + commentLength;
        }
        throw new InvalidOperationException($"No entry {entryName} in the zip.");
    }
}
