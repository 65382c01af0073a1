using System.Net;
using System.Text.Json;
using Alba;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Marten;
using Npgsql;
using OttobonJobs.Api.Tailoring;
using OttobonJobs.Domain.Tailoring;
using OttobonJobs.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Tailoring;

/// <summary>Tailoring without OpenAI (the embedded default): the coverage report, local drafts, edits, downloads and erasure.</summary>
public class when_tailoring_a_resume_to_a_job(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task<(SignedIn Seeker, Guid JobId)> SeekerAndJob()
    {
        var provider = await Host.SignedUpProvider();
        var jobId = await Host.NodeJob(provider);
        return (await Host.SeekerWithResume(), jobId);
    }

    private Task<IScenarioResult> Call(SignedIn user, string method, string url, HttpStatusCode expected, object? body = null, string? ifMatch = null) =>
        Host.Scenario(s =>
        {
            switch (method)
            {
                case "GET": s.Get.Url(url); break;
                case "POST": s.Post.Url(url); break;
                case "PUT": s.Put.Json(body!).ToUrl(url); break;
            }
            if (ifMatch is not null) s.WithRequestHeader("If-Match", ifMatch);
            s.As(user);
            s.StatusCodeShouldBe(expected);
        });

    [Fact]
    public async Task the_coverage_report_shows_where_the_resume_names_each_skill_and_what_is_missing()
    {
        var (seeker, jobId) = await SeekerAndJob();

        var report = (await Call(seeker, "GET", $"/api/jobs/{jobId}/tailoring/coverage", HttpStatusCode.OK)).Json();

        var present = report.GetProperty("present").EnumerateArray().ToList();
        var node = present.Single(p => p.GetProperty("keyword").GetString() == "Node.js");
        node.GetProperty("source").GetString().ShouldBe(KeywordSource.JobSkills);
        node.GetProperty("found_at").EnumerateArray().Select(l => l.GetProperty("section").GetString()).ShouldContain("Skills");
        var missing = report.GetProperty("missing").EnumerateArray().ToList();
        var kubernetes = missing.Single(m => m.GetProperty("keyword").GetString() == "Kubernetes");
        kubernetes.GetProperty("score_gain").GetDouble().ShouldBeGreaterThan(0);
        var strengthen = report.GetProperty("strengthen").EnumerateArray().ToList();
        strengthen.ShouldNotBeEmpty();
        strengthen.Select(s => s.GetProperty("score_gain").GetDouble()).ShouldBeInOrder(SortDirection.Descending);
        // The resume and the job are embedded by now: the report carries the fit page's score.
        report.GetProperty("fit_score").GetDouble().ShouldBeLessThan(report.GetProperty("fit_score_with_all").GetDouble());
    }

    [Fact]
    public async Task without_a_resume_tailoring_is_refused_naming_the_resume_and_an_unknown_job_is_not_found()
    {
        var provider = await Host.SignedUpProvider();
        var jobId = await Host.NodeJob(provider);
        var seeker = await Host.SignedUpSeeker();

        var noResume = await Call(seeker, "GET", $"/api/jobs/{jobId}/tailoring/coverage", HttpStatusCode.UnprocessableEntity);
        noResume.Json().GetProperty("detail").GetString()!.ShouldContain("resume");
        await Call(seeker, "POST", $"/api/jobs/{jobId}/tailoring/drafts", HttpStatusCode.UnprocessableEntity);
        await Call(seeker, "GET", $"/api/jobs/{Guid.NewGuid()}/tailoring/coverage", HttpStatusCode.NotFound);
        await Call(seeker, "POST", $"/api/jobs/{Guid.NewGuid()}/tailoring/drafts", HttpStatusCode.NotFound);
        await Call(seeker, "GET", $"/api/jobs/{Guid.NewGuid()}/tailoring/drafts", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task only_seekers_tailor()
    {
        var provider = await Host.SignedUpProvider();
        var jobId = await Host.NodeJob(provider);

        await Call(provider, "GET", $"/api/jobs/{jobId}/tailoring/coverage", HttpStatusCode.Forbidden);
        await Call(provider, "POST", $"/api/jobs/{jobId}/tailoring/drafts", HttpStatusCode.Forbidden);
        await Call(provider, "GET", $"/api/jobs/{jobId}/tailoring/drafts", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_local_tailor_writes_a_labelled_draft_kept_as_a_version_newest_first()
    {
        var (seeker, jobId) = await SeekerAndJob();

        var first = await Host.WrittenDraft(seeker, jobId);
        var second = await Host.WrittenDraft(seeker, jobId);

        first.GetProperty("author").GetString().ShouldBe(DraftAuthor.Local);
        first.GetProperty("local_draft").GetBoolean().ShouldBeTrue();
        first.GetProperty("resume_markdown").GetString()!.ShouldStartWith("# Priya Sharma");
        first.GetProperty("cover_letter_markdown").GetString()!.ShouldContain("Razorpay");
        first.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ShouldContain(c => c!.StartsWith("Not added") && c.Contains("Kubernetes"));
        first.GetProperty("resume_markdown").GetString()!.ShouldNotContain("Kubernetes");

        var list = (await Call(seeker, "GET", $"/api/jobs/{jobId}/tailoring/drafts", HttpStatusCode.OK)).Json();
        list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("id").GetGuid())
            .ShouldBe([second.GetProperty("id").GetGuid(), first.GetProperty("id").GetGuid()]);
        list.GetProperty("stream_version").GetInt64().ShouldBe(2);

        var one = (await Call(seeker, "GET", $"/api/jobs/{jobId}/tailoring/drafts/{first.GetProperty("id").GetGuid()}", HttpStatusCode.OK)).Json();
        one.GetProperty("resume_markdown").GetString().ShouldBe(first.GetProperty("resume_markdown").GetString());
    }

    [Fact]
    public async Task another_seekers_versions_are_not_found()
    {
        var (seeker, jobId) = await SeekerAndJob();
        var version = (await Host.WrittenDraft(seeker, jobId)).GetProperty("id").GetGuid();
        var stranger = await Host.SeekerWithResume();
        var url = $"/api/jobs/{jobId}/tailoring/drafts/{version}";

        await Call(stranger, "GET", url, HttpStatusCode.NotFound);
        await Call(stranger, "PUT", url, HttpStatusCode.NotFound, new { resume_markdown = "# Mine now" });
        await Call(stranger, "GET", $"{url}/download?document=resume&format=pdf", HttpStatusCode.NotFound);
        var theirs = (await Call(stranger, "GET", $"/api/jobs/{jobId}/tailoring/drafts", HttpStatusCode.OK)).Json();
        theirs.GetProperty("versions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task an_edit_is_saved_at_the_version_the_seeker_saw_and_a_stale_one_is_refused()
    {
        var (seeker, jobId) = await SeekerAndJob();
        var version = (await Host.WrittenDraft(seeker, jobId)).GetProperty("id").GetGuid();
        var url = $"/api/jobs/{jobId}/tailoring/drafts/{version}";

        var saved = await Call(seeker, "PUT", url, HttpStatusCode.OK, new { resume_markdown = "# Priya Sharma\n\n## Skills\n\n- Node.js\n" }, "\"1\"");
        saved.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
        saved.Json().GetProperty("edited_at").ValueKind.ShouldBe(JsonValueKind.String);
        saved.Json().GetProperty("cover_letter_markdown").GetString()!.ShouldContain("Razorpay");

        var stale = await Call(seeker, "PUT", url, HttpStatusCode.PreconditionFailed, new { resume_markdown = "# Lost edit" }, "\"1\"");
        stale.Json().GetProperty("detail").GetString()!.ShouldContain("the current version is 2");
        await Call(seeker, "PUT", url, HttpStatusCode.BadRequest, new { resume_markdown = "# x" }, "not-a-tag");
        await Call(seeker, "PUT", url, HttpStatusCode.UnprocessableEntity, new { resume_markdown = "   " });
        var current = (await Call(seeker, "GET", url, HttpStatusCode.OK)).Json();
        current.GetProperty("resume_markdown").GetString().ShouldBe("# Priya Sharma\n\n## Skills\n\n- Node.js\n");
    }

    [Fact]
    public async Task the_draft_downloads_as_a_word_document_with_headings_and_bullets_and_as_a_pdf()
    {
        var (seeker, jobId) = await SeekerAndJob();
        var version = (await Host.WrittenDraft(seeker, jobId)).GetProperty("id").GetGuid();
        var url = $"/api/jobs/{jobId}/tailoring/drafts/{version}/download";

        var docx = await Call(seeker, "GET", $"{url}?document=resume&format=docx", HttpStatusCode.OK);
        docx.Context.Response.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using (var word = WordprocessingDocument.Open(new MemoryStream(Bytes(docx)), false))
        {
            var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
            string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
            paragraphs.First().InnerText.ShouldBe("Priya Sharma");
            paragraphs.Where(p => StyleOf(p) == DraftDocuments.HeadingStyle).Select(p => p.InnerText).ShouldContain("Skills");
            var bullets = paragraphs.Where(p => p.ParagraphProperties?.NumberingProperties is not null).Select(p => p.InnerText).ToList();
            bullets.ShouldContain(b => b.Contains("Node.js"));
        }

        var pdf = await Call(seeker, "GET", $"{url}?document=cover_letter&format=pdf", HttpStatusCode.OK);
        pdf.Context.Response.ContentType.ShouldBe("application/pdf");
        using (var document = PdfDocument.Open(Bytes(pdf)))
        {
            var text = string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
            text.ShouldContain("Dear Hiring Team at Razorpay,");
            text.ShouldContain("Backend Developer (Node.js)");
        }

        await Call(seeker, "GET", $"{url}?document=letter&format=pdf", HttpStatusCode.UnprocessableEntity);
        await Call(seeker, "GET", $"{url}?document=resume&format=txt", HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task a_deleted_account_leaves_no_draft_text_and_gets_no_new_draft()
    {
        var (seeker, jobId) = await SeekerAndJob();
        await Host.WrittenDraft(seeker, jobId);
        var streamId = TailoringIds.For(seeker.Id, jobId);

        await Host.ExecuteAndWaitAsync(() => Host.Scenario(s =>
        {
            s.Delete.Json(new { password = "correct-horse-1" }).ToUrl("/api/users/me");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        }));

        await using var session = api.Store.QuerySession();
        var stream = await session.LoadAsync<TailoredResumes>(streamId);
        stream!.Erased.ShouldBeTrue();
        stream.Versions.ShouldBeEmpty();
        var events = await session.Events.FetchStreamAsync(streamId);
        events.Select(e => e.Data).OfType<TailoredDraftWritten>().ShouldHaveSingleItem().ResumeMarkdown.ShouldBeEmpty();
        (await RawEventData(streamId)).ShouldAllBe(data => !data.Contains("Priya"));
    }

    private static byte[] Bytes(IScenarioResult result)
    {
        var bytes = new MemoryStream();
        result.Context.Response.Body.CopyTo(bytes);
        return bytes.ToArray();
    }

    private async Task<List<string>> RawEventData(Guid streamId)
    {
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT data::text FROM ottobon.mt_events WHERE stream_id = @id ORDER BY version", connection);
        command.Parameters.AddWithValue("id", streamId);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
