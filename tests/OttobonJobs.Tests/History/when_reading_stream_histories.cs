using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using OttobonJobs.Tests.Ingestion;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.History;

/// <summary>
/// One of every kind of stream, made once for the class: a seeker with an embedded resume, a provider's job
/// (enriched and embedded), a chat about it that an admin took over and handed back, and an ingestion run.
/// </summary>
public class ApiWithEveryStream : ApiWithScriptedSites
{
    public SignedIn Admin { get; private set; } = null!;
    public SignedIn Seeker { get; private set; } = null!;
    public Guid JobId { get; private set; }
    public Guid ChatId { get; private set; }
    public Guid RunId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = await Host.SignedInAdmin();
        Seeker = await Host.SignedUpSeeker();
        await Host.UploadedResume(Seeker, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "cv.pdf");
        JobId = await Host.PostedJob(await Host.SignedUpProvider(), title: "Stream kinds role");

        var chat = await Host.Scenario(s => { s.Post.Json(new { job_id = JobId }).ToUrl("/api/chat/sessions"); s.As(Seeker); });
        ChatId = chat.Json().GetProperty("id").GetGuid();
        await Host.Scenario(s => { s.Post.Json(new { session_id = ChatId }).ToUrl("/api/admin/takeover"); s.As(Admin); });
        await Host.Scenario(s => { s.Post.Json(new { content = "Hello from a human coach" }).ToUrl($"/api/admin/sessions/{ChatId}/messages"); s.As(Admin); });
        await Host.Scenario(s => { s.Post.Url($"/api/admin/sessions/{ChatId}/handback"); s.As(Admin); });

        Alpha.Lists(ScriptedScraper.Posting($"H-{Guid.NewGuid():N}"));
        RunId = await Host.IngestedAsync(Admin, "alpha");
    }
}

public class when_reading_stream_histories(ApiWithEveryStream api) : IClassFixture<ApiWithEveryStream>
{
    private async Task<string> History(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var result = await api.Host.Scenario(s => { s.Get.Url(url); s.As(api.Admin); s.StatusCodeShouldBe(expected); });
        return result.ReadAsText();
    }

    [Fact]
    public async Task each_history_answers_404_for_a_stream_of_another_kind()
    {
        foreach (var other in new[] { api.Seeker.Id, api.ChatId, api.RunId })
        {
            (await History($"/api/admin/jobs/{other}/history", HttpStatusCode.NotFound)).ShouldContain("No such job.");
            await History($"/api/admin/jobs/{other}/state", HttpStatusCode.NotFound);
        }
        foreach (var other in new[] { api.Seeker.Id, api.JobId, api.RunId })
            (await History($"/api/admin/sessions/{other}/history", HttpStatusCode.NotFound)).ShouldContain("No such chat session.");
        foreach (var other in new[] { api.Seeker.Id, api.JobId, api.ChatId })
            (await History($"/api/admin/ingest/runs/{other}/history", HttpStatusCode.NotFound)).ShouldContain("No such ingestion run.");
    }

    [Fact]
    public async Task the_chat_history_is_the_sessions_events_under_their_stable_names_with_typed_data()
    {
        var entries = JsonDocument.Parse(await History($"/api/admin/sessions/{api.ChatId}/history")).RootElement.EnumerateArray().ToList();

        entries.Select(e => e.GetProperty("type").GetString()).ShouldBe(
            ["chat_session_started", "chat_taken_over", "chat_message_posted", "chat_handed_back"]);
        entries.Select(e => e.GetProperty("version").GetInt64()).ShouldBe([1L, 2L, 3L, 4L]);
        foreach (var entry in entries) entry.GetProperty("data").GetProperty("type").GetString().ShouldBe(entry.GetProperty("type").GetString());

        var started = entries[0].GetProperty("data");
        started.GetProperty("seeker_id").GetGuid().ShouldBe(api.Seeker.Id);
        started.GetProperty("job").GetProperty("title").GetString().ShouldBe("Stream kinds role");
        started.GetProperty("job").TryGetProperty("description", out _).ShouldBeFalse();
        entries[1].GetProperty("data").GetProperty("admin_id").GetGuid().ShouldBe(api.Admin.Id);
        var message = entries[2].GetProperty("data");
        (message.GetProperty("role").GetString(), message.GetProperty("content").GetString()).ShouldBe(("admin", "Hello from a human coach"));
    }

    [Fact]
    public async Task the_ingestion_run_history_is_the_runs_events_under_their_stable_names()
    {
        var entries = JsonDocument.Parse(await History($"/api/admin/ingest/runs/{api.RunId}/history")).RootElement.EnumerateArray().ToList();

        var types = entries.Select(e => e.GetProperty("type").GetString()).ToList();
        types[0].ShouldBe("ingestion_run_started");
        types.ShouldContain("source_scrape_finished");
        types[^1].ShouldBe("ingestion_run_finished");
        entries[0].GetProperty("data").GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(["alpha"]);
        var finished = entries.Single(e => e.GetProperty("type").GetString() == "source_scrape_finished").GetProperty("data");
        (finished.GetProperty("source").GetString(), finished.GetProperty("jobs_new").GetInt32()).ShouldBe(("alpha", 1));
    }

    [Fact]
    public async Task no_history_response_carries_a_password_hash_a_vector_or_resume_text()
    {
        var urls = new List<string>();
        foreach (var id in new[] { api.Seeker.Id, api.JobId, api.ChatId, api.RunId })
            urls.AddRange([$"/api/admin/jobs/{id}/history", $"/api/admin/sessions/{id}/history", $"/api/admin/ingest/runs/{id}/history"]);

        var bodies = new List<string>();
        foreach (var url in urls)
        {
            var result = await api.Host.Scenario(s => { s.Get.Url(url); s.As(api.Admin); s.IgnoreStatusCode(); });
            bodies.Add(result.ReadAsText());
        }
        var jobHistory = await History($"/api/admin/jobs/{api.JobId}/history");
        jobHistory.ShouldContain("\"job_embedded\"");

        foreach (var body in bodies.Append(jobHistory))
        {
            body.ShouldNotContain("password", Case.Insensitive);
            body.ShouldNotContain("\"vector\"");
            Regex.IsMatch(body, @"\[\s*-?\d+(\.\d+)?([eE][-+]?\d+)?(\s*,\s*-?\d+(\.\d+)?([eE][-+]?\d+)?){15,}").ShouldBeFalse("a long array of numbers is a vector");
            body.ShouldNotContain("Campus events API");
        }
    }

    [Theory]
    [InlineData("/api/admin/jobs/{id}/history", "JobHistoryEntry", "job")]
    [InlineData("/api/admin/sessions/{id}/history", "ChatHistoryEntry", "chat")]
    [InlineData("/api/admin/ingest/runs/{id}/history", "IngestionRunHistoryEntry", "ingestion_run")]
    [InlineData("/api/admin/applications/{id}/history", "ApplicationHistoryEntry", "application")]
    public async Task the_openapi_document_names_the_entries_and_one_data_schema_per_stable_event_name(string path, string entry, string kind)
    {
        var document = JsonDocument.Parse((await api.Host.Scenario(s => s.Get.Url("/api/openapi/v1.json"))).ReadAsText()).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");
        JsonElement Named(string reference) => schemas.GetProperty(reference.Replace("#/components/schemas/", ""));

        var ok = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200");
        ok.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("items").GetProperty("$ref").GetString()
            .ShouldBe($"#/components/schemas/{entry}");
        var data = schemas.GetProperty(entry).GetProperty("properties").GetProperty("data").GetProperty("oneOf").EnumerateArray()
            .Single(s => s.TryGetProperty("$ref", out _)).GetProperty("$ref").GetString()!;
        var discriminator = Named(data).GetProperty("discriminator");
        discriminator.GetProperty("propertyName").GetString().ShouldBe("type");

        var mapping = discriminator.GetProperty("mapping").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        mapping.Keys.ShouldBe(history_mappings.ContractOf(kind).Select(c => c.Name), ignoreOrder: true);
        foreach (var (name, reference) in mapping)
            Named(reference).GetProperty("properties").GetProperty("type").GetProperty("enum")[0].GetString().ShouldBe(name);
        if (kind == "job")
        {
            var embedded = Named(mapping["job_embedded"]).GetProperty("properties");
            embedded.TryGetProperty("vector", out _).ShouldBeFalse();
            (embedded.TryGetProperty("model", out _), embedded.TryGetProperty("dimensions", out _)).ShouldBe((true, true));
        }
    }
}
