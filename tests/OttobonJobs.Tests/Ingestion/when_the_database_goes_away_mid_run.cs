using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>The API reaching its database through a relay the test can cut: connections refused for seconds mid-run.</summary>
public class when_the_database_goes_away_mid_run : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DatabaseProxy _proxy = null!;
    private IAlbaHost _host = null!;
    private readonly ScriptedScraper _site = new("omega", "Omega Audit");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _proxy = DatabaseProxy.InFrontOf(_database.ConnectionString);
        _host = await ApiFixture.StartHostAsync(_proxy.ConnectionStringFor(_database.ConnectionString),
            new Dictionary<string, string?>
            {
                ["Ottobon:Ingestion:BatchSize"] = "2",
                ["Ottobon:Ingestion:LeaseRenewal"] = "00:00:00.200",
            },
            s => ApiWithScriptedSites.Register(s, new ScriptedEnricher(), _site));
    }

    public async Task DisposeAsync()
    {
        await ApiFixture.StopQuietly(_host);
        await _proxy.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task a_database_refusing_connections_for_four_seconds_neither_sticks_the_source_nor_loses_the_run()
    {
        var admin = await _host.SignedInAdmin();
        var postings = Enumerable.Range(1, 6).Select(i => ScriptedScraper.Posting($"O-{i}")).ToArray();
        var outage = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
        _site.Respond(async ct =>
        {
            // The database goes away while the site is read: the listing and its batches meet refused connections.
            if (!outage.Task.IsCompleted) outage.TrySetResult(_proxy.RefuseConnectionsFor(TimeSpan.FromSeconds(4)));
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            return new ScrapeResult(postings, [], []);
        });

        var accepted = await _host.Scenario(s => { s.Post.Url("/api/admin/ingest/omega"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Accepted); });
        var runId = accepted.Json().GetProperty("run_id").GetGuid();
        await (await outage.Task.WaitAsync(TimeSpan.FromSeconds(30)));

        var run = await WaitForRun(runId, finished: true);
        // Retried through the outage, the run completes; were it given up, it would say why.
        run.Status.ShouldBe(SourceRunStatus.Completed, run.Sources.Single().StatusReason);
        await using (var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            (await session.Query<JobDetails>().CountAsync(j => j.Source == "omega")).ShouldBe(6);
            (await session.LoadAsync<SourceLease>("omega")).ShouldBeNull();
        }

        _site.Lists(postings);
        var next = await _host.Scenario(s => { s.Post.Url("/api/admin/ingest/omega"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Accepted); });
        var again = await WaitForRun(next.Json().GetProperty("run_id").GetGuid(), finished: true);
        (again.Status, again.Sources.Single().DedupHits).ShouldBe((SourceRunStatus.Completed, 6));
    }

    private async Task<IngestionRunLog> WaitForRun(Guid runId, bool finished)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await _host.RunLog(runId) is { } run && (run.CompletedAt is not null) == finished) return run;
            }
            catch (Npgsql.NpgsqlException)
            {
                // Still inside the outage.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Run {runId} did not finish in time.");
    }
}
