using System.Diagnostics;
using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>The scripted sites with a two-second scrape timeout.</summary>
public class ApiWithAShortScrapeTimeout : ApiWithScriptedSites
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>(base.Settings())
    {
        ["Ottobon:Ingestion:ScrapeTimeout"] = "00:00:02",
        ["Ottobon:Ingestion:LeaseRenewal"] = "00:00:00.250",
    };
}

public class when_a_scrape_stalls(ApiWithAShortScrapeTimeout api) : IClassFixture<ApiWithAShortScrapeTimeout>
{
    [Fact]
    public async Task a_site_that_sends_nothing_past_the_timeout_fails_the_source_with_the_reason_and_frees_it()
    {
        var admin = await api.Host.SignedInAdmin();
        // A scraper that ignores its cancellation token, as a socket read with no timeout would.
        var never = new TaskCompletionSource<ScrapeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Alpha.Respond(_ => never.Task);

        var runId = await api.Host.IngestedAsync(admin, "alpha");

        var run = await api.Host.RunLog(runId);
        var alpha = run.Sources.Single();
        alpha.Status.ShouldBe(SourceRunStatus.Failed);
        alpha.StatusReason.ShouldNotBeNull().ShouldContain("did not finish within 00:00:02");
        run.CompletedAt.ShouldNotBeNull();
        await using (var session = api.Store.QuerySession())
            (await session.LoadAsync<SourceLease>("alpha")).ShouldBeNull();

        api.Alpha.Lists(ScriptedScraper.Posting($"T-{Guid.NewGuid():N}"));
        var next = await api.Host.IngestedAsync(admin, "alpha");
        (await api.Host.RunLog(next)).Sources.Single().Status.ShouldBe(SourceRunStatus.Completed);
        never.SetResult(new ScrapeResult([], [], []));
    }
}

/// <summary>The scripted sites with leases renewed every 200 ms.</summary>
public class ApiWithQuickLeaseRenewal : ApiWithScriptedSites
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>(base.Settings())
    {
        ["Ottobon:Ingestion:LeaseRenewal"] = "00:00:00.200",
        ["Ottobon:Ingestion:LeaseDuration"] = "00:00:30",
    };
}

public class when_runs_are_cancelled_or_abandoned(ApiWithQuickLeaseRenewal api) : IClassFixture<ApiWithQuickLeaseRenewal>
{
    [Fact]
    public async Task cancelling_a_running_run_stops_its_scrape_records_why_and_frees_its_source()
    {
        var admin = await api.Host.SignedInAdmin();
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Beta.Respond(async ct =>
        {
            reading.TrySetResult();
            await using var _ = ct.Register(() => stopped.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
            return null!;
        });
        var started = await api.Host.Scenario(s => { s.Post.Url("/api/admin/ingest/beta"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Accepted); });
        var runId = started.Json().GetProperty("run_id").GetGuid();
        await reading.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var cancelled = await api.Host.Scenario(s => { s.Post.Url($"/api/admin/ingest/runs/{runId}/cancel"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.OK); });

        cancelled.Json().GetProperty("status").GetString().ShouldBe(SourceRunStatus.Cancelled);
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10)); // noticed at the next lease renewal
        var run = await api.Host.RunLog(runId);
        (run.Status, run.Sources.Single().Status).ShouldBe((SourceRunStatus.Cancelled, SourceRunStatus.Cancelled));
        run.StatusReason.ShouldNotBeNull().ShouldStartWith("Cancelled by");
        run.CompletedAt.ShouldNotBeNull();
        await using (var session = api.Store.QuerySession())
            (await session.LoadAsync<SourceLease>("beta")).ShouldBeNull();

        var again = await api.Host.Scenario(s => { s.Post.Url($"/api/admin/ingest/runs/{runId}/cancel"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Conflict); });
        again.Detail().ShouldContain("already cancelled");
        api.Beta.Lists();
        var next = await api.Host.IngestedAsync(admin, "beta");
        (await api.Host.RunLog(next)).Status.ShouldBe(SourceRunStatus.Completed);
    }

    [Fact]
    public async Task cancel_is_404_for_an_unknown_run_409_for_a_finished_one_and_for_admins_only()
    {
        var admin = await api.Host.SignedInAdmin();
        var provider = await api.Host.SignedUpProvider();
        api.Alpha.Lists();
        var finished = await api.Host.IngestedAsync(admin, "alpha");

        var unknown = await api.Host.Scenario(s => { s.Post.Url($"/api/admin/ingest/runs/{Guid.NewGuid()}/cancel"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        unknown.Detail().ShouldContain("No such ingestion run");
        var done = await api.Host.Scenario(s => { s.Post.Url($"/api/admin/ingest/runs/{finished}/cancel"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Conflict); });
        done.Detail().ShouldContain("already finished");
        await api.Host.Scenario(s => { s.Post.Url($"/api/admin/ingest/runs/{finished}/cancel"); s.As(provider); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
    }

    [Fact]
    public async Task a_lease_left_by_a_dead_node_blocks_until_it_expires_then_the_next_trigger_takes_over_and_abandons_the_old_run()
    {
        var admin = await api.Host.SignedInAdmin();
        var now = DateTimeOffset.UtcNow;
        var deadRun = Guid.NewGuid();
        // What a process killed mid-scrape leaves behind: its run's stream and its lease, never renewed again.
        await using (var session = api.Store.LightweightSession())
        {
            session.Events.StartStream<IngestionRun>(deadRun, new IngestionRunStarted(deadRun, ["alpha"], RunTrigger.Scheduled, null, now.AddMinutes(-10)));
            session.Store(new SourceLease("alpha", deadRun, "dead-node", now.AddMinutes(-10), now.AddMinutes(10)));
            await session.SaveChangesAsync();
        }

        var blocked = await api.Host.Scenario(s => { s.Post.Url("/api/admin/ingest/alpha"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Conflict); });
        blocked.Json().GetProperty("run_id").GetGuid().ShouldBe(deadRun);

        await using (var session = api.Store.LightweightSession())
        {
            session.Delete<SourceLease>("alpha");
            session.Insert(new SourceLease("alpha", deadRun, "dead-node", now.AddMinutes(-10), now.AddSeconds(-1)));
            await session.SaveChangesAsync();
        }
        api.Alpha.Lists(ScriptedScraper.Posting($"X-{Guid.NewGuid():N}"));
        var next = await api.Host.IngestedAsync(admin, "alpha");

        var abandoned = await api.Host.RunLog(deadRun);
        abandoned.Status.ShouldBe(SourceRunStatus.Abandoned);
        abandoned.CompletedAt.ShouldNotBeNull();
        var source = abandoned.Sources.Single();
        source.Status.ShouldBe(SourceRunStatus.Abandoned);
        source.StatusReason.ShouldNotBeNull().ShouldContain("lease expired");
        source.StatusReason.ShouldContain(next.ToString());
        (await api.Host.RunLog(next)).Sources.Single().Status.ShouldBe(SourceRunStatus.Completed);
    }

    [Fact]
    public async Task two_simultaneous_runs_of_all_sources_answer_one_202_and_one_409_naming_it()
    {
        var admin = await api.Host.SignedInAdmin();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Alpha.Respond(async ct => { await gate.Task.WaitAsync(ct); return new ScrapeResult([], [], []); });
        api.Beta.Respond(async ct => { await gate.Task.WaitAsync(ct); return new ScrapeResult([], [], []); });

        var triggers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => api.Host.Scenario(s =>
        {
            s.Post.Url("/api/admin/ingest/all");
            s.As(admin);
            s.IgnoreStatusCode();
        })));

        triggers.Select(t => t.Context.Response.StatusCode).Order().ShouldBe([202, 409]);
        var runId = triggers.Single(t => t.Context.Response.StatusCode == 202).Json().GetProperty("run_id").GetGuid();
        var loser = triggers.Single(t => t.Context.Response.StatusCode == 409);
        loser.Json().GetProperty("run_id").GetGuid().ShouldBe(runId);
        loser.Detail().ShouldContain("already in progress");

        gate.SetResult();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await api.Host.RunLog(runId)).CompletedAt is null && DateTime.UtcNow < deadline) await Task.Delay(200);
        (await api.Host.RunLog(runId)).Status.ShouldBe(SourceRunStatus.Completed);
    }
}

/// <summary>The real scrapers, in live mode, against a fake career site on loopback, with short HTTP timeouts.</summary>
public class ApiAgainstAFakeCareerSite : ApiFixture
{
    public FakeCareerSite Site { get; private set; } = null!;
    public ScriptedEnricher Ai { get; } = new();

    public override async Task InitializeAsync()
    {
        Site = await FakeCareerSite.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Site.DisposeAsync();
    }

    protected override IDictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ottobon:Scrapers:Mode"] = ScraperModes.Live,
            ["Ottobon:Scrapers:Http:IdleReadTimeout"] = "00:00:01",
            ["Ottobon:Scrapers:Http:TotalRequestTimeout"] = "00:00:20",
            ["Ottobon:Scrapers:Http:AttemptTimeout"] = "00:00:05",
            ["Ottobon:Scrapers:Http:RetryDelay"] = "00:00:00.010",
            ["Ottobon:Ingestion:ArchiveAfterMissedRuns"] = "1",
            ["Ottobon:Ingestion:LeaseRenewal"] = "00:00:00.250",
        };
        foreach (var source in new[] { "Deloitte", "Pwc", "Kpmg", "Ey" })
            settings[$"Ottobon:Scrapers:{source}:BaseUrl"] = Site.BaseUrl.ToString();
        return settings;
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IJobEnricher>(Ai);
}

public class when_a_career_site_answers_badly(ApiAgainstAFakeCareerSite api) : IClassFixture<ApiAgainstAFakeCareerSite>
{
    private static bool IsEyListing(SiteRequest r) => r.Path == "/ey/search/";
    private static bool IsDeloitteListing(SiteRequest r) => r.Path.Contains("/SearchJobs");

    [Fact]
    public async Task a_listing_cut_off_fails_the_run_naming_the_url_and_archives_nothing()
    {
        var admin = await api.Host.SignedInAdmin();
        var first = await api.Host.IngestedAsync(admin, Sources.Ey);
        var complete = (await api.Host.RunLog(first)).Sources.Single();
        complete.Status.ShouldBe(SourceRunStatus.Completed);
        complete.JobsNew.ShouldBe(30);

        // Before, the half page parsed into fewer rows, the run completed, and the rows it lost were archived.
        api.Site.WhenSample(r => IsEyListing(r) && r.Query.EndsWith("startrow=0"), sample => sample.CutOff(0.5), times: 1);
        var second = await api.Host.IngestedAsync(admin, Sources.Ey);

        var failed = (await api.Host.RunLog(second)).Sources.Single();
        failed.Status.ShouldBe(SourceRunStatus.Failed);
        failed.StatusReason.ShouldNotBeNull().ShouldContain("was cut off");
        failed.StatusReason.ShouldContain($"{api.Site.BaseUrl}ey/search/");
        failed.JobsArchived.ShouldBe(0);
        await using var session = api.Store.QuerySession();
        var archived = await session.Query<JobDetails>().Where(j => j.Source == Sources.Ey && j.Status == JobStatus.Archived).CountAsync();
        archived.ShouldBe(0);
    }

    [Fact]
    public async Task the_runs_api_says_which_postings_were_skipped_and_why()
    {
        var admin = await api.Host.SignedInAdmin();
        var runId = await api.Host.IngestedAsync(admin, Sources.Deloitte);

        var run = await api.Host.Scenario(s => { s.Get.Url($"/api/admin/ingest/runs/{runId}"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.OK); });

        var source = run.Json().GetProperty("sources")[0];
        source.GetProperty("jobs_skipped").GetInt32().ShouldBe(6);
        source.GetProperty("listing_complete").GetBoolean().ShouldBeTrue();
        var skipped = source.GetProperty("skipped_postings").EnumerateArray().ToList();
        skipped.Count.ShouldBe(6);
        skipped.ShouldAllBe(s => s.GetProperty("external_id").GetString()!.Length > 0 && s.GetProperty("title").GetString()!.Length > 0);
        var reasons = skipped.Select(s => s.GetProperty("reason").GetString()!).ToList();
        reasons.Count(r => r.StartsWith("title says")).ShouldBe(4);
        reasons.Count(r => r.StartsWith("the listing places it in") && r.EndsWith("outside India")).ShouldBe(2);
    }

    [Fact]
    public async Task a_listing_that_stalls_after_its_headers_fails_within_the_idle_timeout_and_frees_the_source()
    {
        var admin = await api.Host.SignedInAdmin();
        api.Site.When(IsDeloitteListing, SiteReply.HeadersThenStall(TimeSpan.FromSeconds(60)), times: 1);
        var clock = Stopwatch.StartNew();

        var stalled = await api.Host.IngestedAsync(admin, Sources.Deloitte);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30)); // not the 60 s stall, nor the 20 s total timeout plus work
        var run = await api.Host.RunLog(stalled);
        run.CompletedAt.ShouldNotBeNull();
        var source = run.Sources.Single();
        source.Status.ShouldBe(SourceRunStatus.Failed);
        source.StatusReason.ShouldNotBeNull().ShouldContain("timed out: no data for 1 s");
        source.StatusReason.ShouldContain($"{api.Site.BaseUrl}en_US/careers/SearchJobs/");
        await using (var session = api.Store.QuerySession())
            (await session.LoadAsync<SourceLease>(Sources.Deloitte)).ShouldBeNull();

        var next = await api.Host.IngestedAsync(admin, Sources.Deloitte);
        (await api.Host.RunLog(next)).Sources.Single().Status.ShouldBe(SourceRunStatus.Completed);
    }
}
