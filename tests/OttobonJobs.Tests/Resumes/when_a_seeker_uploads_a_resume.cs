using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.Storage;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Projections.Resumes;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Resumes;

public class when_a_seeker_uploads_a_resume(ApiFixture api) : IClassFixture<ApiFixture>
{
    private string StorageRoot => api.Host.Services.GetRequiredService<IOptions<StorageSettings>>().Value.Root!;

    private async Task<SeekerResume?> ResumeOf(SignedIn seeker)
    {
        await using var session = api.Store.QuerySession();
        return await session.LoadAsync<SeekerResume>(seeker.Id);
    }

    private string[] FilesOf(SignedIn seeker)
    {
        var folder = Path.Combine(StorageRoot, "resumes", seeker.Id.ToString("N"));
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    [Fact]
    public async Task a_pdf_is_read_stored_recorded_and_embedded()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var result = await api.Host.UploadedResume(seeker, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "Priya Sharma CV.pdf");

        var body = result.Json();
        body.GetProperty("message").GetString().ShouldBe("Resume processed successfully");
        body.GetProperty("file_name").GetString().ShouldBe("Priya Sharma CV.pdf");
        body.GetProperty("characters_extracted").GetInt32().ShouldBeGreaterThan(300);

        var resume = (await ResumeOf(seeker))!;
        resume.Skills.ShouldContain("Node.js");
        resume.Skills.ShouldContain("PostgreSQL");
        resume.EmbeddingModel.ShouldBe("all-MiniLM-L6-v2");
        FilesOf(seeker).ShouldHaveSingleItem().ShouldEndWith($"{resume.Sha256}.pdf");

        await using var session = api.Store.QuerySession();
        var uploaded = (await session.Events.FetchStreamAsync(seeker.Id)).Select(e => e.Data).OfType<ResumeUploaded>().Single();
        (uploaded.FileName, uploaded.SizeBytes, uploaded.StorageKey).ShouldBe((resume.FileName, resume.SizeBytes, resume.StorageKey));
        uploaded.Sha256.Length.ShouldBe(64);
    }

    [Fact]
    public async Task a_docx_with_tables_and_non_latin_text_is_read()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var result = await api.Host.UploadedResume(seeker, ResumeFiles.Docx(ResumeScenarios.AccountantResume), "rahul.docx");
        result.Json().GetProperty("characters_extracted").GetInt32().ShouldBeGreaterThan(300);
        var resume = (await ResumeOf(seeker))!;
        resume.Skills.ShouldContain("GST");
        resume.Text.ShouldContain("Tally");
    }

    [Fact]
    public async Task replacing_the_resume_removes_the_old_file()
    {
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.UploadedResume(seeker, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "first.pdf");
        await api.Host.UploadedResume(seeker, ResumeFiles.Docx(ResumeScenarios.AccountantResume), "second.docx", method: "PUT");

        FilesOf(seeker).ShouldHaveSingleItem().ShouldEndWith(".docx");
        (await ResumeOf(seeker))!.FileName.ShouldBe("second.docx");
    }

    [Fact]
    public async Task twenty_uploads_at_once_take_turns_and_leave_one_resume_and_one_file()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var uploads = Enumerable.Range(0, 20).Select(i => api.Host.Scenario(s =>
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(ResumeFiles.OnePagePdf($"{ResumeScenarios.NodeDeveloperResume}\nVersion {i}")), "file", $"cv-{i}.pdf");
            s.Post.MultipartFormData(form).ToUrl("/api/users/resume");
            s.As(seeker);
            s.IgnoreStatusCode();
        }));

        var statuses = (await Task.WhenAll(uploads)).Select(r => r.Context.Response.StatusCode).ToList();

        statuses.ShouldAllBe(status => status == 200 || status == 409);
        statuses.ShouldContain(200);
        await using var session = api.Store.QuerySession();
        var stream = (await session.Events.FetchStreamAsync(seeker.Id)).Select(e => e.Data).ToList();
        stream.ShouldAllBe(e => e is UserRegistered || e is ResumeUploaded || e is ResumeEmbedded);
        var recorded = stream.OfType<ResumeUploaded>().ToList();
        recorded.Count.ShouldBe(statuses.Count(status => status == 200));
        var current = (await ResumeOf(seeker))!;
        current.Sha256.ShouldBe(recorded[^1].Sha256);
        FilesOf(seeker).ShouldHaveSingleItem().ShouldBe(Path.Combine(StorageRoot, current.StorageKey));
    }

    [Fact]
    public async Task a_vector_made_from_a_replaced_resume_is_not_recorded()
    {
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.UploadedResume(seeker, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "first.pdf");
        var first = (await ResumeOf(seeker))!.Sha256;
        await api.Host.UploadedResume(seeker, ResumeFiles.Docx(ResumeScenarios.AccountantResume), "second.docx", method: "PUT");

        // The embedding of the first resume arrives late, after the second one replaced it.
        await api.Host.InvokeMessageAndWaitAsync(new RecordResumeEmbedding(seeker.Id, first, "late-model", [0.5f, 0.5f]));

        await using var session = api.Store.QuerySession();
        var embedded = (await session.Events.FetchStreamAsync(seeker.Id)).Select(e => e.Data).OfType<ResumeEmbedded>().ToList();
        embedded.ShouldNotContain(e => e.Model == "late-model");
        embedded.Last().Sha256.ShouldBe((await ResumeOf(seeker))!.Sha256);
    }

    public static TheoryData<string, string, int, string> BadUploads => new()
    {
        { "renamed executable", "resume.pdf", 400, "not a PDF" },
        { "text file named pdf", "resume.pdf", 400, "not a PDF" },
        { "image only pdf", "scan.pdf", 400, "scanned/image-based" },
        { "truncated pdf", "broken.pdf", 400, "PDF" },
        { "encrypted pdf", "locked.pdf", 400, "password" },
        { "zip bomb", "bomb.docx", 400, "too large" },
        { "zip without document", "sheet.docx", 400, "Word" },
        { "wrong extension", "resume.txt", 400, "PDF (.pdf) and Word (.docx)" },
        { "oversized", "big.pdf", 413, "too large" },
    };

    private static byte[] Content(string kind) => kind switch
    {
        "renamed executable" => ResumeFiles.RenamedExecutable(),
        "text file named pdf" => ResumeFiles.TextFileNamedPdf(),
        "image only pdf" => ResumeFiles.ImageOnlyPdf(),
        "truncated pdf" => ResumeFiles.TruncatedPdf(),
        "encrypted pdf" => ResumeFiles.EncryptedPdf(),
        "zip bomb" => ResumeFiles.ZipBombDocx(),
        "zip without document" => ResumeFiles.ZipWithoutDocument(),
        "wrong extension" => ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume),
        "oversized" => new byte[6 * 1024 * 1024],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory, MemberData(nameof(BadUploads))]
    public async Task a_bad_file_is_refused_with_a_clear_detail_and_the_previous_resume_is_kept(string kind, string fileName, int status, string detail)
    {
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.UploadedResume(seeker, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "good.pdf");
        var before = (await ResumeOf(seeker))!;

        var result = await api.Host.SendResume(seeker, Content(kind), fileName, (HttpStatusCode)status);

        result.Detail().ShouldContain(detail, Case.Insensitive);
        var after = (await ResumeOf(seeker))!;
        after.Sha256.ShouldBe(before.Sha256);
        FilesOf(seeker).ShouldHaveSingleItem().ShouldEndWith($"{before.Sha256}.pdf");
    }

    [Fact]
    public async Task no_file_is_422_and_stores_nothing()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var result = await api.Host.Scenario(s =>
        {
            s.Post.MultipartFormData(new MultipartFormDataContent { { new StringContent("hello"), "note" } }).ToUrl("/api/users/resume");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        result.Detail().ShouldContain("file");
        (await ResumeOf(seeker)).ShouldBeNull();
        FilesOf(seeker).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\..\\windows\\system32\\cv.pdf")]
    [InlineData("cv\u202Efdp.exe.pdf")]
    [InlineData("<script>alert(1)</script>.pdf")]
    public async Task a_hostile_file_name_is_sanitised(string hostileName)
    {
        var seeker = await api.Host.SignedUpSeeker();
        var result = await api.Host.UploadedResume(seeker, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), hostileName);
        var stored = result.Json().GetProperty("file_name").GetString()!;
        stored.ShouldNotContain("/");
        stored.ShouldNotContain("\\");
        stored.ShouldNotContain("..");
        stored.ShouldNotContain("<");
        stored.Any(char.IsControl).ShouldBeFalse();
        stored.ShouldEndWith(".pdf");
        Directory.GetFiles(StorageRoot, "*", SearchOption.AllDirectories).ShouldAllBe(f => f.StartsWith(StorageRoot));
    }

    [Fact]
    public async Task only_seekers_upload_resumes()
    {
        var provider = await api.Host.SignedUpProvider();
        await api.Host.SendResume(provider, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "cv.pdf", HttpStatusCode.Forbidden);
        await api.Host.SendResume(null, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "cv.pdf", HttpStatusCode.Unauthorized);
    }
}
