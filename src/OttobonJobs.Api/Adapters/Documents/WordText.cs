using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// Reads a .docx with the Open XML SDK: headers first (resume templates often put the name and contact details
/// there), then the body in document order. Paragraphs become lines; a table becomes one line per row with its
/// cells separated by " | ". Text boxes are read once (their fallback copy is skipped), deleted revisions not at all.
/// </summary>
internal static class WordText
{
    public const string CellSeparator = " | ";

    /// <param name="content">A seekable stream already passed through <see cref="WordArchive.Check"/>.</param>
    /// <exception cref="UnreadableDocumentException">Damaged, or not a Word document.</exception>
    public static ExtractedDocument Read(Stream content, DocumentLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            var settings = new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes };
            using var document = WordprocessingDocument.Open(content, isEditable: false, settings);

            var body = document.MainDocumentPart?.Document?.Body
                ?? throw DocumentProblems.Because(DocumentProblems.NotAWordDocument);
            cancellationToken.ThrowIfCancellationRequested();

            var text = new StringBuilder();
            foreach (var header in HeaderTexts(document.MainDocumentPart!))
                text.Append(header).Append("\n\n");
            Write(body, text);

            return new ExtractedDocument(ExtractedText.Normalise(text.ToString()), PageCount(document, body));
        }
        catch (Exception e) when (e is not OperationCanceledException and not UnreadableDocumentException)
        {
            // OpenXmlPackageException, FileFormatException, XmlException, InvalidDataException (a part cut off at its
            // declared size)… all mean the same thing to the user.
            throw DocumentProblems.Because(DocumentProblems.DamagedWordDocument, e);
        }
    }

    private static IEnumerable<string> HeaderTexts(MainDocumentPart main) =>
        main.HeaderParts
            .Select(part => part.Header)
            .OfType<Header>()
            .Select(header =>
            {
                var text = new StringBuilder();
                Write(header, text);
                return text.ToString().Trim();
            })
            .Where(text => text.Length > 0)
            .Distinct();

    // Recursive, which is safe because WordArchive.Check has bounded the XML's depth (DocumentLimits.MaxXmlDepth).
    private static void Write(OpenXmlElement element, StringBuilder text)
    {
        switch (element)
        {
            case Text run:
                text.Append(run.Text);
                return;
            case TabChar:
                text.Append('\t');
                return;
            case Break or CarriageReturn:
                text.Append('\n');
                return;
            case NoBreakHyphen:
                text.Append('-');
                return;
            case AlternateContentFallback:
                // The same content as the AlternateContentChoice beside it, for older readers.
                return;
            case Paragraph paragraph:
                EndLine(text);
                WriteChildren(paragraph, text);
                text.Append('\n');
                return;
            case Table table:
                EndLine(text);
                WriteTable(table, text);
                return;
            default:
                WriteChildren(element, text);
                return;
        }
    }

    private static void WriteChildren(OpenXmlElement element, StringBuilder text)
    {
        foreach (var child in element.ChildElements)
            Write(child, text);
    }

    private static void WriteTable(Table table, StringBuilder text)
    {
        // Rows and cells can sit inside content controls (w:sdt) or custom XML, so look for them below this
        // table rather than among its direct children, without reaching into tables nested in a cell.
        foreach (var row in table.Descendants<TableRow>().Where(row => row.Ancestors<Table>().First() == table))
        {
            var cells = row.Descendants<TableCell>()
                .Where(cell => cell.Ancestors<TableRow>().First() == row)
                .Select(CellText)
                .ToList();
            if (cells.All(cell => cell.Length == 0)) continue;

            text.Append(string.Join(CellSeparator, cells)).Append('\n');
        }
    }

    private static string CellText(TableCell cell)
    {
        var text = new StringBuilder();
        WriteChildren(cell, text);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" ", lines);
    }

    private static void EndLine(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
    }

    /// <summary>
    /// A .docx has no pages until it is laid out: use the count Word saved in docProps/app.xml,
    /// else one more than the explicit page breaks.
    /// </summary>
    private static int PageCount(WordprocessingDocument document, Body body)
    {
        var saved = document.ExtendedFilePropertiesPart?.Properties?.Pages?.Text;
        if (int.TryParse(saved, out var pages) && pages > 0) return pages;

        return 1 + body.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page);
    }
}
