using System.Net;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using OttobonJobs.Api.Ingestion;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>Two API instances on one database, as in a cluster: the single-run guarantee must hold across them.</summary>
public class when_two_servers_share_one_database : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly ScriptedScraper _siteSeenByFirst = new("gamma", "Gamma Partners");
    private readonly ScriptedScraper _siteSeenBySecond = new("gamma", "Gamma Partners");
    private IAlbaHost _first = null!;
    private IAlbaHost _second = null!;

    private static readonly ScrapedPosting[] Postings =
        Enumerable.Range(1, 5).Select(i => ScriptedScraper.Posting($"G-{i}")).ToArray();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _first = await ApiFixture.StartHostAsync(_database.ConnectionString,
            configureServices: s => ApiWithScriptedSites.Register(s, new ScriptedEnricher(), _siteSeenByFirst));
        _second = await ApiFixture.StartHostAsync(_database.ConnectionString,
            configureServices: s => ApiWithScriptedSites.Register(s, new ScriptedEnricher(), _siteSeenBySecond));
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task simultaneous_triggers_on_both_servers_start_exactly_one_run_and_no_duplicate_jobs()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _siteSeenByFirst.Respond(async ct => { await gate.Task.WaitAsync(ct); return new ScrapeResult(Postings, [], []); });
        _siteSeenBySecond.Respond(async ct => { await gate.Task.WaitAsync(ct); return new ScrapeResult(Postings, [], []); });
        var admin = await _first.SignedInAdmin();

        var triggers = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? _first : _second).Scenario(s =>
            {
                s.Post.Url("/api/admin/ingest/gamma");
                s.As(admin);
                s.IgnoreStatusCode();
            })));
        gate.SetResult();

        var statuses = triggers.Select(t => t.Context.Response.StatusCode).ToList();
        statuses.Count(s => s == 202).ShouldBe(1);
        statuses.Count(s => s == 409).ShouldBe(5);
        var runId = triggers.Single(t => t.Context.Response.StatusCode == 202).Json().GetProperty("run_id").GetGuid();
        triggers.Where(t => t.Context.Response.StatusCode == 409)
            .ShouldAllBe(t => t.Json().GetProperty("run_id").GetGuid() == runId);

        var run = await WaitForRunToFinish(runId);
        run.Sources.Single().JobsNew.ShouldBe(5);
        (_siteSeenByFirst.Calls + _siteSeenBySecond.Calls).ShouldBe(1);
        await using var session = _first.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<JobDetails>().CountAsync(j => j.Source == "gamma")).ShouldBe(5);
    }

    [Fact]
    public async Task a_redelivered_scrape_message_changes_nothing()
    {
        _siteSeenByFirst.Lists(Postings);
        _siteSeenBySecond.Lists(Postings);
        var admin = await _first.SignedInAdmin();
        var runId = await _first.IngestedAsync(admin, "gamma");
        var callsBefore = _siteSeenByFirst.Calls + _siteSeenBySecond.Calls;

        // The same message again, on the other server, as a redelivery after a lost acknowledgement would be.
        await _second.InvokeMessageAndWaitAsync(new ScrapeSource(runId, "gamma"));

        (_siteSeenByFirst.Calls + _siteSeenBySecond.Calls).ShouldBe(callsBefore);
        await using var session = _first.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<JobDetails>().CountAsync(j => j.Source == "gamma")).ShouldBe(5);
        (await session.Events.FetchStreamAsync(runId)).Count(e => e.Data is SourceScrapeFinished).ShouldBe(1);
    }

    private async Task<IngestionRunLog> WaitForRunToFinish(Guid runId)
    {
        // The run may be handled by either server, so watch the shared read model rather than one node's tracking.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var run = await _first.RunLog(runId);
            if (run?.CompletedAt is not null && (await JobsActive()) == 5) return run;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Run {runId} did not finish in time.");
    }

    private async Task<int> JobsActive()
    {
        await using var session = _first.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<JobDetails>().CountAsync(j => j.Source == "gamma" && j.Status == JobStatus.Active);
    }
}

public class when_a_server_dies_mid_run : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task the_next_start_completes_the_run_without_duplicates()
    {
        var postings = Enumerable.Range(1, 4).Select(i => ScriptedScraper.Posting($"C-{i}")).ToArray();
        var hanging = new ScriptedScraper("delta", "Delta Advisory");
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hanging.Respond(async ct => { reached.TrySetResult(); await Task.Delay(Timeout.Infinite, ct); return null!; });

        Guid runId;
        await using (var doomed = await ApiFixture.StartHostAsync(_database.ConnectionString,
                         configureServices: s => ApiWithScriptedSites.Register(s, new ScriptedEnricher(), hanging)))
        {
            var admin = await doomed.SignedInAdmin();
            var accepted = await doomed.Scenario(s => { s.Post.Url("/api/admin/ingest/delta"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Accepted); });
            runId = accepted.Json().GetProperty("run_id").GetGuid();
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        } // stopped while the site was being read

        var healthy = new ScriptedScraper("delta", "Delta Advisory");
        healthy.Lists(postings);
        await using var restarted = await ApiFixture.StartHostAsync(_database.ConnectionString,
            configureServices: s => ApiWithScriptedSites.Register(s, new ScriptedEnricher(), healthy));

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await restarted.RunLog(runId)).CompletedAt is null && DateTime.UtcNow < deadline) await Task.Delay(250);

        var log = (await restarted.RunLog(runId)).Sources.Single();
        log.Status.ShouldBe(SourceRunStatus.Completed);
        log.JobsNew.ShouldBe(4);
        await using var session = restarted.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<JobDetails>().CountAsync(j => j.Source == "delta")).ShouldBe(4);
        (await session.Query<SourceLease>().CountAsync()).ShouldBe(0);
        // The restarted node renewed the dead node's lease for the same run: nothing was abandoned, the site read once more.
        var events = await session.Events.FetchStreamAsync(runId);
        events.Count(e => e.Data is SourceScrapeFinished).ShouldBe(1);
        events.ShouldNotContain(e => e.Data is SourceScrapeAbandoned);
        healthy.Calls.ShouldBe(1);
    }
}
