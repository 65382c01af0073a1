using System.IO.Compression;
using OttobonJobs.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace OttobonJobs.Tests.Documents;

/// <summary>The fixtures are what their names say, so tests built on them prove something.</summary>
public class the_resume_files
{
    [Fact]
    public void the_encrypted_pdf_is_really_encrypted_and_opens_with_its_password()
    {
        using var document = PdfDocument.Open(ResumeFiles.EncryptedPdf("s3cret"), new ParsingOptions { Password = "s3cret" });

        document.IsEncrypted.ShouldBeTrue();
        ContentOrderTextExtractor.GetText(document.GetPage(1)).ShouldStartWith("Priya Sharma");
    }

    [Fact]
    public void the_zip_bomb_is_small_and_claims_200_mb()
    {
        var bomb = ResumeFiles.ZipBombDocx();
        using var zip = new ZipArchive(new MemoryStream(bomb));

        bomb.Length.ShouldBeLessThan(1024 * 1024);
        zip.GetEntry("word/document.xml")!.Length.ShouldBe(200L * 1024 * 1024);
    }

    [Fact]
    public void the_understated_zip_bomb_claims_10_kb_for_200_kb_of_compressed_data()
    {
        using var zip = new ZipArchive(new MemoryStream(ResumeFiles.UnderstatedZipBombDocx()));
        var document = zip.GetEntry("word/document.xml")!;

        document.Length.ShouldBe(10_000);
        document.CompressedLength.ShouldBeGreaterThan(100_000);
    }

    [Fact]
    public void the_truncated_pdf_is_the_first_half_of_a_real_one()
    {
        var truncated = ResumeFiles.TruncatedPdf();

        truncated.ShouldBe(ResumeFiles.FivePagePdf()[..truncated.Length]);
    }

    [Fact]
    public void the_pdf_fixture_refuses_text_no_installed_font_can_draw()
    {
        const string klingon = "\uF8D0\uF8D1";

        Should.Throw<InvalidOperationException>(() => ResumeFiles.OnePagePdf(klingon));
    }

    [Fact]
    public void the_hostile_file_names_include_traversal_controls_and_markup()
    {
        ResumeTexts.HostileFileNames.ShouldContain("../../etc/passwd");
        ResumeTexts.HostileFileNames.ShouldContain(name => name.Contains('\n'));
        ResumeTexts.HostileFileNames.ShouldContain(name => name.Contains("<script>"));
    }
}
