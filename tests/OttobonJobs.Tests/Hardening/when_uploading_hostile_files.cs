using System.Net;
using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Tests.Support;
using Xunit.Abstractions;

namespace OttobonJobs.Tests.Hardening;

/// <summary>
/// A self-registered seeker uploads files built to take the API down. Each is a 400 with a reason, and the very next
/// request is served. (The DOCX bombs are proven harmless in Documents/when_a_document_is_hostile without a host first:
/// a stack overflow here would end the test runner.)
/// </summary>
public class when_uploading_hostile_files(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string, string> HostileFiles => new()
    {
        { "named-part DOCX bomb (word/main.dat, 23,000 levels)", "bomb.docx", DocumentProblems.DamagedWordDocument },
        { "DOCX with a deep header under a .bin name", "header.docx", DocumentProblems.DamagedWordDocument },
        { "DOCX whose main part is not XML", "binary.docx", DocumentProblems.DamagedWordDocument },
        { "DOCX zip bomb", "zip-bomb.docx", DocumentProblems.WordDocumentTooLarge },
        { "PDF nested 100,000 levels deep", "deep.pdf", DocumentProblems.PdfNestedTooDeeply },
        { "PDF with deeply nested page content", "deep-content.pdf", DocumentProblems.DamagedPdf },
        { "PDF whose stream inflates to 400 MB", "huge-stream.pdf", DocumentProblems.PdfTooLarge },
    };

    private static byte[] Build(string fileName) => fileName switch
    {
        "bomb.docx" => ResumeFiles.NamedPartDocxBomb(),
        "header.docx" => ResumeFiles.DocxWithDeepHeaderUnderAnOddName(),
        "binary.docx" => ResumeFiles.DocxWhoseMainPartIsNotXml(),
        "zip-bomb.docx" => ResumeFiles.ZipBombDocx(),
        "deep.pdf" => ResumeFiles.PdfWithDeepNesting(),
        "deep-content.pdf" => ResumeFiles.PdfWithDeeplyNestedContent(),
        "huge-stream.pdf" => ResumeFiles.PdfWithHugeStream(),
        _ => throw new ArgumentOutOfRangeException(nameof(fileName)),
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task a_hostile_file_is_refused_with_a_reason_and_the_api_keeps_serving(string description, string fileName, string reason)
    {
        var seeker = await api.Host.SignedUpSeeker();

        var refused = await api.Host.SendResume(seeker, Build(fileName), fileName, HttpStatusCode.BadRequest);

        refused.Detail().ShouldBe(reason, description);
        output.WriteLine($"{description}: 400, {refused.Detail()}");

        // The next request is served, and the same seeker can still upload a real resume.
        await api.Host.Scenario(s => s.Get.Url("/api/health"));
        var accepted = await api.Host.UploadedResume(seeker, ResumeFiles.OnePagePdf(), "resume.pdf");
        accepted.Json().GetProperty("characters_extracted").GetInt32().ShouldBeGreaterThan(100);
    }
}
