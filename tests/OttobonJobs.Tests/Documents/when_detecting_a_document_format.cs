using System.Text;
using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Documents;

public class when_detecting_a_document_format
{
    private readonly DocumentTextExtractor extractor = new();

    private string? Detect(byte[] file) => extractor.DetectFormat(file.AsSpan(0, Math.Min(file.Length, DocumentTextExtractor.HeaderLength)));

    [Fact]
    public void a_pdf_is_a_pdf() => Detect(ResumeFiles.OnePagePdf()).ShouldBe(ResumeFormat.Pdf);

    [Fact]
    public void a_pdf_with_a_byte_order_mark_and_line_breaks_before_its_header_is_a_pdf() =>
        Detect(ResumeFiles.PdfWithLeadingBytes()).ShouldBe(ResumeFormat.Pdf);

    [Fact]
    public void a_word_file_is_docx() => Detect(ResumeFiles.Docx()).ShouldBe(ResumeFormat.Docx);

    [Fact]
    public void any_zip_looks_like_docx_until_it_is_opened() =>
        Detect(ResumeFiles.ZipWithoutDocument()).ShouldBe(ResumeFormat.Docx);

    [Fact]
    public void a_text_file_named_pdf_is_neither() => Detect(ResumeFiles.TextFileNamedPdf()).ShouldBeNull();

    [Fact]
    public void a_renamed_windows_program_is_neither() => Detect(ResumeFiles.RenamedExecutable()).ShouldBeNull();

    [Fact]
    public void a_renamed_linux_program_is_neither() => Detect(ResumeFiles.RenamedElfExecutable()).ShouldBeNull();

    [Fact]
    public void an_empty_or_tiny_header_is_neither()
    {
        extractor.DetectFormat([]).ShouldBeNull();
        extractor.DetectFormat("%PD"u8).ShouldBeNull();
        extractor.DetectFormat("PK"u8).ShouldBeNull();
    }

    [Fact]
    public void a_pdf_header_after_other_text_is_not_a_pdf() =>
        extractor.DetectFormat(Encoding.ASCII.GetBytes("My resume\n%PDF-1.7\n")).ShouldBeNull();

    [Fact]
    public void a_pdf_header_beyond_the_first_kilobyte_is_not_a_pdf() =>
        extractor.DetectFormat([.. Enumerable.Repeat((byte)' ', DocumentTextExtractor.HeaderLength), .. "%PDF-1.7"u8]).ShouldBeNull();

    [Fact]
    public void an_empty_zip_is_not_docx() =>
        extractor.DetectFormat([(byte)'P', (byte)'K', 5, 6, 0, 0, 0, 0]).ShouldBeNull();
}
