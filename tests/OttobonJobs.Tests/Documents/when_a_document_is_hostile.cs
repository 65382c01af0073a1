using System.Diagnostics;
using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Documents;

/// <summary>
/// Files built to take the parser down. Each is refused with a reason, quickly, and without recursing into the
/// nesting: a stack overflow would end the test runner (and the API) instead of failing a test.
/// </summary>
public class when_a_document_is_hostile
{
    private static async Task<string> Refusal(byte[] content, string format, DocumentLimits? limits = null)
    {
        var clock = Stopwatch.StartNew();
        var refusal = await Should.ThrowAsync<UnreadableDocumentException>(() => Extraction.Of(content, format, limits));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        return refusal.Message;
    }

    [Fact]
    public async Task a_main_document_under_another_name_is_depth_checked_like_any_other()
    {
        var bomb = ResumeFiles.NamedPartDocxBomb();

        bomb.Length.ShouldBeLessThan(20_000);
        (await Refusal(bomb, ResumeFormat.Docx)).ShouldBe(DocumentProblems.DamagedWordDocument);
    }

    [Fact]
    public async Task a_header_part_under_a_binary_looking_name_is_depth_checked_too() =>
        (await Refusal(ResumeFiles.DocxWithDeepHeaderUnderAnOddName(), ResumeFormat.Docx)).ShouldBe(DocumentProblems.DamagedWordDocument);

    [Fact]
    public async Task a_main_document_that_is_not_xml_is_refused() =>
        (await Refusal(ResumeFiles.DocxWhoseMainPartIsNotXml(), ResumeFormat.Docx)).ShouldBe(DocumentProblems.DamagedWordDocument);

    [Fact]
    public async Task the_same_shapes_within_the_depth_limit_are_read()
    {
        (await Extraction.Docx(ResumeFiles.NamedPartDocxBomb(levels: 20))).Text.ShouldBe("Priya Sharma");
        (await Extraction.Docx(ResumeFiles.DocxWithDeepHeaderUnderAnOddName(levels: 20))).Text.ShouldBe("Priya Sharma");
    }

    [Fact]
    public async Task a_pdf_nested_a_hundred_thousand_levels_deep_is_refused() =>
        (await Refusal(ResumeFiles.PdfWithDeepNesting(), ResumeFormat.Pdf)).ShouldBe(DocumentProblems.PdfNestedTooDeeply);

    [Fact]
    public async Task a_pdf_with_ordinary_nesting_is_read() =>
        (await Extraction.Pdf(ResumeFiles.PdfWithDeepNesting(levels: 5))).Text.ShouldContain("Priya Sharma");

    [Fact]
    public async Task brackets_inside_strings_and_comments_are_not_mistaken_for_nesting() =>
        (await Extraction.Pdf(ResumeFiles.PdfWithBracketsInItsText())).Text.ShouldContain(new string('[', 300));

    [Fact]
    public async Task deeply_nested_page_content_is_refused() =>
        (await Refusal(ResumeFiles.PdfWithDeeplyNestedContent(), ResumeFormat.Pdf)).ShouldBe(DocumentProblems.DamagedPdf);

    [Fact]
    public async Task a_stream_that_inflates_past_the_budget_is_refused_before_it_is_unpacked()
    {
        var pdf = ResumeFiles.PdfWithHugeStream();
        pdf.Length.ShouldBeLessThan(1024 * 1024);
        var before = GC.GetTotalAllocatedBytes();

        (await Refusal(pdf, ResumeFormat.Pdf)).ShouldBe(DocumentProblems.PdfTooLarge);

        // The 400 MB stream was counted, not held: far less than that was allocated.
        (GC.GetTotalAllocatedBytes() - before).ShouldBeLessThan(200L * 1024 * 1024);
    }

    [Fact]
    public async Task a_stream_within_the_budget_is_read() =>
        (await Extraction.Pdf(ResumeFiles.PdfWithHugeStream(unpackedBytes: 1024 * 1024))).Text.ShouldContain("Priya Sharma");

    [Fact]
    public async Task a_stream_that_lies_about_its_length_is_read_or_refused_as_damaged()
    {
        try
        {
            (await Extraction.Pdf(ResumeFiles.PdfWithLyingStreamLength())).Text.ShouldContain("Priya Sharma");
        }
        catch (UnreadableDocumentException refusal)
        {
            refusal.Message.ShouldBe(DocumentProblems.DamagedPdf);
        }
    }

    [Fact]
    public async Task a_document_that_takes_longer_than_the_time_limit_is_refused()
    {
        var limits = DocumentLimits.Default with { MaxParseTime = TimeSpan.FromTicks(1) };

        (await Refusal(ResumeFiles.FivePagePdf(), ResumeFormat.Pdf, limits)).ShouldBe(DocumentProblems.TookTooLong);
        (await Refusal(ResumeFiles.Docx(), ResumeFormat.Docx, limits)).ShouldBe(DocumentProblems.TookTooLong);
    }
}
