using System.Net;
using System.Text.Json;
using Marten;
using Npgsql;
using OttobonJobs.Projections;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Jobs;

public class when_replaying_job_history(ApiWithScriptedAi api) : IClassFixture<ApiWithScriptedAi>
{
    [Fact]
    public async Task admins_see_every_event_in_order()
    {
        var provider = await api.Host.SignedUpProvider();
        var admin = await api.Host.SignedInAdmin();
        var id = await api.Host.PostedJob(provider, title: "History role");

        var result = await api.Host.Scenario(s => { s.Get.Url($"/api/admin/jobs/{id}/history"); s.As(admin); });
        var events = result.Json().EnumerateArray().ToList();
        events.Select(e => e.GetProperty("type").GetString()).ShouldBe(["job_posted", "job_enriched", "job_embedded", "job_activated"]);
        events.Select(e => e.GetProperty("version").GetInt64()).ShouldBe([1L, 2L, 3L, 4L]);
        events.Select(e => e.GetProperty("data").GetProperty("type").GetString()).ShouldBe(["job_posted", "job_enriched", "job_embedded", "job_activated"]);
        events[0].GetProperty("data").GetProperty("title").GetString().ShouldBe("History role");
        events[0].GetProperty("data").GetProperty("posted_by").GetGuid().ShouldBe(provider.Id);
        var embedded = events[2].GetProperty("data");
        embedded.GetProperty("model").GetString().ShouldNotBeNullOrWhiteSpace();
        embedded.GetProperty("dimensions").GetInt32().ShouldBeGreaterThan(0);
        embedded.TryGetProperty("vector", out _).ShouldBeFalse();
        events.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBeInOrder();
    }

    [Fact]
    public async Task the_state_at_a_version_or_a_moment_is_the_job_as_it_was_then()
    {
        var provider = await api.Host.SignedUpProvider();
        var admin = await api.Host.SignedInAdmin();
        var id = await api.Host.PostedJob(provider, title: "Time travel role");
        var before = DateTimeOffset.UtcNow;
        await api.Host.Scenario(s => { s.Patch.Json(new { title = "Time travel role v2" }).ToUrl($"/api/jobs/{id}"); s.As(provider); });

        var atFirst = await api.Host.Scenario(s => { s.Get.Url($"/api/admin/jobs/{id}/state?version=1"); s.As(admin); });
        atFirst.Json().GetProperty("status").GetString().ShouldBe("processing");
        atFirst.Json().GetProperty("prep_guide_generated").GetProperty("prep_questions").GetArrayLength().ShouldBe(0);

        var atActivation = await api.Host.Scenario(s => { s.Get.Url($"/api/admin/jobs/{id}/state?version=4"); s.As(admin); });
        atActivation.Json().GetProperty("status").GetString().ShouldBe("active");
        atActivation.Json().GetProperty("title").GetString().ShouldBe("Time travel role");

        var atMoment = await api.Host.Scenario(s => { s.Get.Url($"/api/admin/jobs/{id}/state?at={Uri.EscapeDataString(before.ToString("O"))}"); s.As(admin); });
        atMoment.Json().GetProperty("title").GetString().ShouldBe("Time travel role");

        var now = await api.Host.Scenario(s => { s.Get.Url($"/api/admin/jobs/{id}/state"); s.As(admin); });
        now.Json().GetProperty("title").GetString().ShouldBe("Time travel role v2");
    }

    [Fact]
    public async Task history_is_for_admins_only()
    {
        var provider = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider, title: "Private history");
        await api.Host.Scenario(s => { s.Get.Url($"/api/admin/jobs/{id}/history"); s.As(provider); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
        var admin = await api.Host.SignedInAdmin();
        await api.Host.Scenario(s => { s.Get.Url($"/api/admin/jobs/{Guid.NewGuid()}/history"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
    }

    [Fact]
    public async Task a_users_stream_is_not_a_job_history()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var admin = await api.Host.SignedInAdmin();
        var result = await api.Host.Scenario(s => { s.Get.Url($"/api/admin/jobs/{seeker.Id}/history"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        result.Detail().ShouldBe("No such job.");
        await api.Host.Scenario(s => { s.Get.Url($"/api/admin/jobs/{seeker.Id}/state"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
    }

    [Fact]
    public async Task rebuilding_every_job_projection_from_the_events_gives_identical_read_models()
    {
        var provider = await api.Host.SignedUpProvider();
        var admin = await api.Host.SignedInAdmin();
        var edited = await api.Host.PostedJob(provider, title: "Rebuild A");
        await api.Host.Scenario(s => { s.Patch.Json(new { title = "Rebuild A2", location = "Pune" }).ToUrl($"/api/jobs/{edited}"); s.As(provider); });
        var archived = await api.Host.PostedJob(provider, title: "Rebuild B", description: "<ul><li>Reconcile ledgers</li><li>Support audits</li></ul>");
        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{archived}"); s.As(admin); });
        await api.Host.PostedJob(provider, title: "Rebuild C", description: "<ul><li>Reconcile ledgers</li><li>Support audits</li></ul>");

        var before = await Snapshot();

        foreach (var projection in new[] { "JobDetails", "JobFeedItem", "ProviderListing", "JobSearchIndex" })
            await ReadModelRebuild.RebuildAsync(api.Store, projection, CancellationToken.None);

        var after = await Snapshot();
        after.ShouldBe(before);
    }

    private async Task<string> Snapshot()
    {
        await using var session = api.Store.QuerySession();
        var details = await session.Query<JobDetails>().OrderBy(j => j.Id).ToListAsync();
        var feed = await session.Query<JobFeedItem>().OrderBy(j => j.Id).ToListAsync();
        var listings = await session.Query<ProviderListing>().OrderBy(j => j.Id).ToListAsync();

        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select job_id, title, company_name, location, description, search_text::text, active, embedding::text, embedding_model " +
            $"from ottobon.{JobSearchIndexProjection.TableName} order by job_id", connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));

        details.Count.ShouldBeGreaterThan(0);
        rows.Count.ShouldBe(details.Count);
        return JsonSerializer.Serialize(new { details, feed, listings, rows });
    }
}
