using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Documents;

public class when_reading_a_pdf
{
    [Fact]
    public async Task a_one_page_resume_comes_out_line_by_line_in_reading_order()
    {
        var resume = await Extraction.Pdf(ResumeFiles.OnePagePdf());

        resume.Pages.ShouldBe(1);
        resume.Lines().ShouldBe(Extraction.Lines(ResumeTexts.ComputerScienceGraduate()));
    }

    [Fact]
    public async Task a_five_page_resume_keeps_its_line_order_within_and_across_pages()
    {
        var resume = await Extraction.Pdf(ResumeFiles.FivePagePdf());

        resume.Pages.ShouldBe(5);
        resume.Lines().ShouldBe(ResumeTexts.FivePages().SelectMany(Extraction.Lines));
        resume.Text.ShouldContain("Page 1 line 4: Full-stack developer with Node.js, React and SQL\n\nPage 2 line 1: Experience");
    }

    [Fact]
    public async Task the_text_given_to_the_fixture_is_the_text_read()
    {
        var text = ResumeTexts.AccountingGraduate(name: "Lakshmi Narayanan", city: "Chennai, Tamil Nadu");

        var resume = await Extraction.Pdf(ResumeFiles.OnePagePdf(text));

        resume.Lines().ShouldBe(Extraction.Lines(text));
        resume.Text.ShouldStartWith("Lakshmi Narayanan\nChennai, Tamil Nadu - lakshmi.narayanan@example.com");
        resume.Text.ShouldContain("Tax | GST returns (GSTR-1, GSTR-3B), TDS, income tax basics | Intermediate");
    }

    [Fact]
    public async Task only_the_first_pages_are_read_when_there_are_more_than_the_limit()
    {
        var resume = await Extraction.Pdf(ResumeFiles.FivePagePdf(), DocumentLimits.Default with { MaxPdfPages = 3 });

        resume.Pages.ShouldBe(5);
        resume.Text.ShouldContain("Page 3 line 4");
        resume.Text.ShouldNotContain("Page 4");
    }

    [Fact]
    public async Task greek_and_cyrillic_text_in_an_embedded_font_are_kept()
    {
        const string text = "Ирина Петрова\nРазработчик Node.js и React, Москва\nΕλληνικά: μηχανικός λογισμικού";

        var resume = await Extraction.Pdf(ResumeFiles.OnePagePdf(text));

        resume.Text.ShouldBe(text);
    }

    [Fact]
    public async Task a_scanned_resume_with_only_an_image_gives_almost_no_text()
    {
        var resume = await Extraction.Pdf(ResumeFiles.ImageOnlyPdf());

        resume.Pages.ShouldBe(1);
        resume.Text.Trim().Length.ShouldBeLessThan(50);
    }

    [Fact]
    public async Task bytes_before_the_header_do_not_stop_it_being_read()
    {
        var resume = await Extraction.Pdf(ResumeFiles.PdfWithLeadingBytes());

        resume.Lines().ShouldBe(Extraction.Lines(ResumeTexts.ComputerScienceGraduate()));
    }

    [Fact]
    public async Task a_pdf_encrypted_only_against_printing_and_copying_is_still_read()
    {
        var resume = await Extraction.Pdf(ResumeFiles.EncryptedPdf(userPassword: ""));

        resume.Text.ShouldStartWith("Priya Sharma\n");
        resume.Text.ShouldContain("Backend | Node.js, Express, REST APIs | Advanced");
    }

    [Fact]
    public async Task a_stream_that_cannot_seek_is_read_whole()
    {
        var extractor = new DocumentTextExtractor();

        var resume = await extractor.ExtractAsync(new ForwardOnlyStream(ResumeFiles.OnePagePdf()), ResumeFormat.Pdf, CancellationToken.None);

        resume.Text.ShouldStartWith("Priya Sharma\n");
    }

    [Fact]
    public async Task a_seekable_stream_is_read_from_its_start_wherever_it_was_left()
    {
        var extractor = new DocumentTextExtractor();
        var upload = new MemoryStream(ResumeFiles.OnePagePdf());
        upload.Seek(0, SeekOrigin.End); // as after hashing it

        var resume = await extractor.ExtractAsync(upload, ResumeFormat.Pdf, CancellationToken.None);

        resume.Text.ShouldStartWith("Priya Sharma\n");
        upload.CanRead.ShouldBeTrue("the caller's stream is left open");
    }

    [Fact]
    public async Task cancelling_stops_the_work()
    {
        var extractor = new DocumentTextExtractor();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            extractor.ExtractAsync(new MemoryStream(ResumeFiles.FivePagePdf()), ResumeFormat.Pdf, new CancellationToken(canceled: true)));
    }
}
