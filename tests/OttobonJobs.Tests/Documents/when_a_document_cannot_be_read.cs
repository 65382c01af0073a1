using System.Diagnostics;
using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Documents;

public class when_a_document_cannot_be_read
{
    private static async Task<string> Refusal(byte[] content, string format, DocumentLimits? limits = null)
    {
        var refusal = await Should.ThrowAsync<UnreadableDocumentException>(() => Extraction.Of(content, format, limits));
        return refusal.Message;
    }

    [Fact]
    public async Task a_password_protected_pdf_asks_for_the_password_to_be_removed()
    {
        var message = await Refusal(ResumeFiles.EncryptedPdf(), ResumeFormat.Pdf);

        message.ShouldBe(DocumentProblems.PasswordProtectedPdf);
        message.ShouldStartWith("This PDF is password-protected.");
    }

    [Fact]
    public async Task a_truncated_pdf_is_damaged() =>
        (await Refusal(ResumeFiles.TruncatedPdf(), ResumeFormat.Pdf)).ShouldBe(DocumentProblems.DamagedPdf);

    [Fact]
    public async Task a_text_file_read_as_a_pdf_is_damaged() =>
        (await Refusal(ResumeFiles.TextFileNamedPdf(), ResumeFormat.Pdf)).ShouldBe(DocumentProblems.DamagedPdf);

    [Fact]
    public async Task a_program_read_as_a_pdf_is_damaged() =>
        (await Refusal(ResumeFiles.RenamedExecutable(), ResumeFormat.Pdf)).ShouldBe(DocumentProblems.DamagedPdf);

    [Fact]
    public async Task an_empty_file_is_damaged()
    {
        (await Refusal([], ResumeFormat.Pdf)).ShouldBe(DocumentProblems.DamagedPdf);
        (await Refusal([], ResumeFormat.Docx)).ShouldBe(DocumentProblems.DamagedWordDocument);
    }

    [Fact]
    public async Task a_zip_bomb_is_refused_as_too_large_within_two_seconds()
    {
        var bomb = ResumeFiles.ZipBombDocx();
        var clock = Stopwatch.StartNew();

        var message = await Refusal(bomb, ResumeFormat.Docx);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        message.ShouldBe(DocumentProblems.WordDocumentTooLarge);
    }

    [Fact]
    public async Task a_zip_bomb_that_understates_its_size_is_cut_off_at_the_size_it_claims()
    {
        var bomb = ResumeFiles.UnderstatedZipBombDocx();
        var clock = Stopwatch.StartNew();

        var message = await Refusal(bomb, ResumeFormat.Docx);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        message.ShouldBe(DocumentProblems.DamagedWordDocument);
    }

    [Fact]
    public async Task deeply_nested_xml_is_refused_before_it_can_overflow_the_stack()
    {
        var nested = ResumeFiles.DeeplyNestedDocx(levels: 100_000);

        nested.Length.ShouldBeLessThan(100_000);
        (await Refusal(nested, ResumeFormat.Docx)).ShouldBe(DocumentProblems.DamagedWordDocument);
    }

    [Fact]
    public async Task a_zip_with_too_many_entries_is_too_large() =>
        (await Refusal(ResumeFiles.ZipWithTooManyEntries(), ResumeFormat.Docx)).ShouldBe(DocumentProblems.WordDocumentTooLarge);

    [Fact]
    public async Task a_word_file_over_the_unpacked_limit_is_too_large() =>
        (await Refusal(ResumeFiles.Docx(), ResumeFormat.Docx, DocumentLimits.Default with { MaxUnpackedBytes = 1000 }))
            .ShouldBe(DocumentProblems.WordDocumentTooLarge);

    [Fact]
    public async Task a_zip_without_a_word_document_is_not_a_word_document() =>
        (await Refusal(ResumeFiles.ZipWithoutDocument(), ResumeFormat.Docx)).ShouldBe(DocumentProblems.NotAWordDocument);

    [Fact]
    public async Task a_spreadsheet_is_not_a_word_document() =>
        (await Refusal(ResumeFiles.Spreadsheet(), ResumeFormat.Docx)).ShouldBe(DocumentProblems.NotAWordDocument);

    [Fact]
    public async Task a_truncated_word_file_is_damaged() =>
        (await Refusal(ResumeFiles.TruncatedDocx(), ResumeFormat.Docx)).ShouldBe(DocumentProblems.DamagedWordDocument);

    [Fact]
    public async Task a_word_file_with_broken_xml_is_damaged() =>
        (await Refusal(ResumeFiles.DocxWithBrokenDocument(), ResumeFormat.Docx)).ShouldBe(DocumentProblems.DamagedWordDocument);

    [Fact]
    public async Task a_zip_with_a_document_but_no_package_parts_is_not_a_word_document() =>
        (await Refusal(ResumeFiles.DocxWithoutPackageParts(), ResumeFormat.Docx)).ShouldBe(DocumentProblems.NotAWordDocument);

    [Fact]
    public async Task a_pdf_read_as_a_word_file_is_damaged() =>
        (await Refusal(ResumeFiles.OnePagePdf(), ResumeFormat.Docx)).ShouldBe(DocumentProblems.DamagedWordDocument);

    [Fact]
    public async Task a_file_over_the_size_backstop_is_refused_before_parsing()
    {
        var limits = DocumentLimits.Default with { MaxFileBytes = 1000 };

        (await Refusal(ResumeFiles.OnePagePdf(), ResumeFormat.Pdf, limits)).ShouldBe(DocumentProblems.FileTooLarge);

        var refusal = await Should.ThrowAsync<UnreadableDocumentException>(() => new DocumentTextExtractor(limits)
            .ExtractAsync(new ForwardOnlyStream(ResumeFiles.Docx()), ResumeFormat.Docx, CancellationToken.None));
        refusal.Message.ShouldBe(DocumentProblems.FileTooLarge);
    }

    [Fact]
    public async Task a_format_other_than_pdf_or_docx_is_unsupported() =>
        (await Refusal(ResumeFiles.OnePagePdf(), "doc")).ShouldBe(DocumentProblems.UnsupportedFormat);

    [Fact]
    public async Task the_parser_error_is_kept_as_the_inner_exception_for_the_logs()
    {
        var refusal = await Should.ThrowAsync<UnreadableDocumentException>(() => Extraction.Pdf(ResumeFiles.TruncatedPdf()));

        refusal.InnerException.ShouldNotBeNull();
    }
}
