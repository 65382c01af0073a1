using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hosting;

/// <summary>
/// A database from before a release that changed a read model's shape: the start rebuilds what is old, once, so the
/// feed's filters and old chat sessions work without a hand-run rebuild.
/// </summary>
public class when_upgrading_read_models(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task feed_items_without_their_filter_columns_get_them_back()
    {
        var provider = await api.Host.SignedUpProvider();
        var jobId = await api.Host.PostedJob(provider, title: "Upgrade Analyst");
        await Sql("UPDATE ottobon.mt_doc_jobfeeditem SET search_text = NULL, location_key = NULL");
        await Forget("feed-filter-columns");

        await Upgrade("feed-filter-columns");

        var searchText = (string?)await Scalar($"SELECT search_text FROM ottobon.mt_doc_jobfeeditem WHERE id = '{jobId}'");
        searchText.ShouldNotBeNull().ShouldStartWith("upgrade analyst");
        (await Scalar("SELECT count(*) FROM ottobon.mt_doc_jobfeeditem WHERE search_text IS NULL")).ShouldBe(0L);
    }

    [Fact]
    public async Task jobs_from_before_posting_dates_get_them_from_their_events()
    {
        var jobId = Guid.NewGuid();
        var seen = new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero);
        var postedOn = new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.Zero);
        await using (var session = api.Store.LightweightSession())
        {
            session.Events.StartStream<Job>(jobId,
                new JobScraped(jobId, "ey", "EY", "1592076000", null, "Tax Analyst", "Kolkata", "<p>File returns.</p>", "hash", postedOn, null, seen),
                new JobActivated(seen));
            await session.SaveChangesAsync();
        }
        // The rows as the release before wrote them: no listed_at column value, no posting date in the documents.
        const string withoutDates = "data - 'postedOn' - 'PostedOn' - 'posted_on' - 'listedAt' - 'ListedAt' - 'listed_at'";
        await Sql($"UPDATE ottobon.mt_doc_jobfeeditem SET listed_at = NULL, data = {withoutDates}");
        await Sql($"UPDATE ottobon.mt_doc_jobdetails SET data = {withoutDates}");
        await Forget("feed-posting-dates");

        await Upgrade("feed-posting-dates");

        (await Scalar("SELECT count(*) FROM ottobon.mt_doc_jobfeeditem WHERE listed_at IS NULL")).ShouldBe(0L);
        ((DateTime)(await Scalar($"SELECT listed_at FROM ottobon.mt_doc_jobfeeditem WHERE id = '{jobId}'"))!).ShouldBe(postedOn.UtcDateTime);
        await using var query = api.Store.QuerySession();
        (await query.LoadAsync<JobDetails>(jobId))!.PostedOn.ShouldBe(postedOn);
        (await query.LoadAsync<JobFeedItem>(jobId))!.PostedOn.ShouldBe(postedOn);
    }

    [Fact]
    public async Task jobs_from_before_places_were_normalised_get_their_city_state_and_country()
    {
        var provider = await api.Host.SignedUpProvider();
        var jobId = await api.Host.PostedJob(provider, title: "Places Analyst", location: "Bangalore");
        await Sql($"UPDATE ottobon.mt_doc_jobfeeditem SET data = data - 'City' - 'State' - 'Country', location_key = 'bangalore' WHERE id = '{jobId}'");
        await Sql($"UPDATE ottobon.mt_doc_jobdetails SET data = data - 'City' - 'State' - 'Country' WHERE id = '{jobId}'");
        await Forget("job-places");

        await Upgrade("job-places");

        (await Scalar($"SELECT data ->> 'City' FROM ottobon.mt_doc_jobfeeditem WHERE id = '{jobId}'")).ShouldBe("Bengaluru");
        (await Scalar($"SELECT location_key FROM ottobon.mt_doc_jobfeeditem WHERE id = '{jobId}'")).ShouldBe("bangalore bengaluru karnataka india");
        (await Scalar($"SELECT data ->> 'State' FROM ottobon.mt_doc_jobdetails WHERE id = '{jobId}'")).ShouldBe("Karnataka");
    }

    [Fact]
    public async Task posted_descriptions_from_before_markdown_are_rendered_from_markdown()
    {
        var provider = await api.Host.SignedUpProvider();
        var jobId = await api.Host.PostedJob(provider, title: "Markdown Upgrade Analyst",
            description: "## Duties\n- Reconcile ledgers every month\n- Draft reports for the finance team");
        // The row as the release before wrote it: the Markdown shown as one paragraph, no description format.
        await Sql($"UPDATE ottobon.mt_doc_jobdetails SET data = data - 'DescriptionFormat' || '{{\"DescriptionHtml\": \"<p>## Duties</p>\"}}' WHERE id = '{jobId}'");
        await Forget("markdown-descriptions");

        await Upgrade("markdown-descriptions");

        var html = (string?)await Scalar($"SELECT data ->> 'DescriptionHtml' FROM ottobon.mt_doc_jobdetails WHERE id = '{jobId}'");
        html.ShouldNotBeNull().ShouldContain("<h2>Duties</h2>");
        html.ShouldContain("<li>Reconcile ledgers every month</li>");
    }

    [Fact]
    public async Task a_chat_session_without_its_snapshot_and_lines_is_readable_again()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var chat = (await api.Host.Scenario(s => { s.Post.Json(new { job_id = (Guid?)null }).ToUrl("/api/chat/sessions"); s.As(seeker); }))
            .Json().GetProperty("id").GetGuid();
        await Sql($"DELETE FROM ottobon.mt_doc_chatsession WHERE id = '{chat}'");
        await Forget("chat-snapshot-and-transcript");

        await Upgrade("chat-snapshot-and-transcript");

        (await Scalar($"SELECT count(*) FROM ottobon.mt_doc_chatsession WHERE id = '{chat}'")).ShouldBe(1L);
        await api.Host.Scenario(s => { s.Get.Url($"/api/chat/sessions/{chat}"); s.As(seeker); });
    }

    [Fact]
    public async Task a_takeover_from_before_timeline_notices_gets_its_notice()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var admin = await api.Host.SignedInAdmin();
        var chat = (await api.Host.Scenario(s => { s.Post.Json(new { job_id = (Guid?)null }).ToUrl("/api/chat/sessions"); s.As(seeker); }))
            .Json().GetProperty("id").GetGuid();
        await api.Host.Scenario(s => { s.Post.Json(new { session_id = chat }).ToUrl("/api/admin/takeover"); s.As(admin); });
        await Sql($"DELETE FROM ottobon.mt_doc_chattimelinenotice WHERE session_id = '{chat}'");
        await Forget("chat-timeline-notices");

        await Upgrade("chat-timeline-notices");

        (await Scalar($"SELECT data ->> 'Event' FROM ottobon.mt_doc_chattimelinenotice WHERE session_id = '{chat}'")).ShouldBe("chat_taken_over");
    }

    [Fact]
    public async Task a_finished_upgrade_is_not_run_again()
    {
        await Upgrade("feed-filter-columns");
        await Sql("UPDATE ottobon.mt_doc_jobfeeditem SET search_text = NULL");

        await Upgrades.StartAsync(CancellationToken.None);

        (await Scalar("SELECT count(*) FROM ottobon.mt_doc_jobfeeditem WHERE search_text IS NOT NULL")).ShouldBe(0L,
            "the marker says it was done: later starts do not scan again");
        await Forget("feed-filter-columns");
        await Upgrade("feed-filter-columns");
    }

    private ReadModelUpgrades Upgrades => api.Host.Services.GetServices<IHostedService>().OfType<ReadModelUpgrades>().Single();

    private Task Upgrade(string marker) =>
        Upgrades.RunAsync(ReadModelUpgrades.All.Single(u => u.Marker == marker), CancellationToken.None);

    private async Task Forget(string marker)
    {
        await using var session = api.Store.LightweightSession();
        session.Delete<CompletedMigration>(marker);
        await session.SaveChangesAsync();
    }

    private async Task Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
