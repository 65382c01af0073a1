using OttobonJobs.Domain.Resumes;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>Reads a PDF's text with PdfPig, page by page, keeping line breaks and reading order (see <see cref="PdfPageText"/>).</summary>
internal static class PdfText
{
    /// <summary>The text of the first <see cref="DocumentLimits.MaxPdfPages"/> pages; Pages is the document's real page count.</summary>
    /// <exception cref="UnreadableDocumentException">Password-protected, damaged, truncated, nested too deeply,
    /// or streams that decode beyond <see cref="DocumentLimits.MaxPdfDecodedBytes"/>.</exception>
    public static ExtractedDocument Read(byte[] content, DocumentLimits limits, CancellationToken cancellationToken)
    {
        if (PdfNesting.Exceeds(content, limits.MaxPdfNesting)) throw DocumentProblems.Because(DocumentProblems.PdfNestedTooDeeply);

        // Lenient parsing recovers from the small damage real-world PDFs often carry (wrong xref offsets,
        // bytes before the header); a missing font loses that font's text instead of the whole document.
        var filters = new PdfFilters(limits.MaxPdfDecodedBytes);
        var options = new ParsingOptions
        {
            UseLenientParsing = true,
            SkipMissingFonts = true,
            MaxStackDepth = limits.MaxPdfNesting,
            FilterProvider = filters,
        };
        try
        {
            // A PDF that is encrypted only to restrict printing or copying opens with the empty user password and is read;
            // one that needs a password to open throws PdfDocumentEncryptedException.
            using var document = PdfDocument.Open(content, options);

            var pageCount = document.NumberOfPages;
            var pages = new List<string>(Math.Min(pageCount, limits.MaxPdfPages));
            var layoutBudget = limits.MaxLayoutGlyphs;
            for (var number = 1; number <= Math.Min(pageCount, limits.MaxPdfPages); number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = document.GetPage(number);
                var layoutGlyphs = Math.Min(limits.MaxLayoutGlyphsPerPage, layoutBudget);
                pages.Add(PdfPageText.Read(page, layoutGlyphs));
                layoutBudget -= Math.Min(page.Letters.Count, layoutBudget);
            }

            // Lenient parsing may have swallowed the refusal and carried on without that stream.
            if (filters.Exceeded) throw DocumentProblems.Because(DocumentProblems.PdfTooLarge);
            return new ExtractedDocument(ExtractedText.Normalise(string.Join("\n\n", pages)), pageCount);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw DocumentProblems.Because(DocumentProblems.PasswordProtectedPdf, e);
        }
        catch (Exception e) when (filters.Exceeded && e is not OperationCanceledException and not UnreadableDocumentException)
        {
            throw DocumentProblems.Because(DocumentProblems.PdfTooLarge, e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not UnreadableDocumentException)
        {
            // PdfPig reports damage with many exception types (format, index, null reference, invalid cast…);
            // whichever it is, the user's remedy is the same.
            throw DocumentProblems.Because(DocumentProblems.DamagedPdf, e);
        }
    }
}
