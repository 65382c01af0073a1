using System.Net;
using Alba;
using Marten;
using OttobonJobs.Api.Ingestion;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Ingestion;

public class when_ingesting_career_sites(ApiWithScriptedSites api) : IClassFixture<ApiWithScriptedSites>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task a_run_turns_new_postings_into_active_jobs_and_logs_the_counts()
    {
        var admin = await api.Host.SignedInAdmin();
        var ids = new[] { Unique("A"), Unique("A"), Unique("A") };
        api.Alpha.Respond(_ => Task.FromResult(new ScrapeResult(ids.Select(id => ScriptedScraper.Posting(id)).ToList(),
            [new("S-1", "Senior Analyst", "Pune", "title says \"senior\""), new("S-2", "Analyst", "39 Locations", "the detail page places it in New York, United States, outside India")],
            ["one detail page failed"])));

        var runId = await api.Host.IngestedAsync(admin, "alpha");

        var log = (await api.Host.RunLog(runId)).Sources.ShouldHaveSingleItem();
        log.SourceName.ShouldBe("alpha");
        log.Status.ShouldBe(SourceRunStatus.Partial);
        (log.JobsFetched, log.JobsNew, log.JobsSkipped, log.DedupHits, log.Errors).ShouldBe((3, 3, 2, 0, 1));
        log.ErrorMessages.ShouldBe(["one detail page failed"]);
        log.CompletedAt.ShouldNotBeNull();

        foreach (var externalId in ids)
        {
            var job = (await api.Host.JobDetails(JobIdentity.ForScrapedPosting("Alpha & Co", externalId)))!;
            job.Status.ShouldBe(JobStatus.Active);
            job.Origin.ShouldBe("scraped");
            job.Source.ShouldBe("alpha");
            job.ExternalApplyUrl.ShouldBe($"https://careers.example.com/job/{externalId}");
        }
    }

    [Fact]
    public async Task a_salary_the_employer_published_is_the_jobs_salary_and_the_ai_estimate_does_not_replace_it()
    {
        var admin = await api.Host.SignedInAdmin();
        var published = new SalaryRange("INR", 550_000m, 750_000m, "year", "₹5.5L – ₹7.5L per year");
        var (withSalary, without) = (Unique("S"), Unique("S"));
        api.Alpha.Lists(ScriptedScraper.Posting(withSalary) with { PublishedSalary = published }, ScriptedScraper.Posting(without));

        await api.Host.IngestedAsync(admin, "alpha");

        var job = (await api.Host.JobDetails(JobIdentity.ForScrapedPosting("Alpha & Co", withSalary)))!;
        (job.Status, job.EnrichmentStatus).ShouldBe((JobStatus.Active, EnrichmentStatus.Enriched));
        job.Salary.ShouldBe(published);
        job.PublishedSalary.ShouldBe(published);
        var estimated = (await api.Host.JobDetails(JobIdentity.ForScrapedPosting("Alpha & Co", without)))!;
        estimated.Salary.ShouldNotBeNull().Min.ShouldBe(400_000m); // the scripted AI's estimate
        estimated.PublishedSalary.ShouldBeNull();

        var page = await api.Host.GetAsJson<JobDetailsResponse>($"/api/jobs/{job.Id}/details");
        page!.SalaryRange.ShouldBe(published);
        await using var session = api.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<JobFeedItem>(job.Id))!.SalaryRange.ShouldBe(published);
    }

    [Fact]
    public async Task a_posting_dated_in_the_sites_own_offset_is_recorded_and_listed_in_utc()
    {
        var admin = await api.Host.SignedInAdmin();
        var id = Unique("TZ");
        var postedInNewYork = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.FromHours(-4)); // Greenhouse's first_published
        api.Alpha.Lists(ScriptedScraper.Posting(id) with { PostedOn = postedInNewYork });

        var runId = await api.Host.IngestedAsync(admin, "alpha");

        (await api.Host.RunLog(runId)).Sources.Single().Status.ShouldBe(SourceRunStatus.Completed);
        var job = (await api.Host.JobDetails(JobIdentity.ForScrapedPosting("Alpha & Co", id)))!;
        job.PostedOn.ShouldBe(postedInNewYork);
        job.PostedOn!.Value.Offset.ShouldBe(TimeSpan.Zero);
        await using var session = api.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<JobFeedItem>(job.Id))!.ListedAt.ShouldBe(postedInNewYork);
    }

    [Fact]
    public async Task a_batch_delivered_twice_is_recorded_once()
    {
        var admin = await api.Host.SignedInAdmin();
        var postings = Enumerable.Range(0, 4).Select(_ => ScriptedScraper.Posting(Unique("R"))).ToArray();
        api.Alpha.Lists(postings);
        var runId = await api.Host.IngestedAsync(admin, "alpha");

        // The first batch again, as a redelivery after a lost acknowledgement would bring it.
        await api.Host.InvokeMessageAndWaitAsync(new RecordScrapedBatch(runId, new ScrapedBatch("alpha", "Alpha & Co", 0, postings.Take(2).ToList())));

        var log = (await api.Host.RunLog(runId)).Sources.Single();
        (log.Status, log.JobsFetched, log.JobsNew, log.DedupHits).ShouldBe((SourceRunStatus.Completed, 4, 4, 0));
        foreach (var posting in postings)
        {
            var jobId = JobIdentity.ForScrapedPosting("Alpha & Co", posting.ExternalId);
            (await api.Host.JobDetails(jobId))!.Status.ShouldBe(JobStatus.Active);
            (await api.Host.JobEventTypes(jobId)).ShouldNotContain(typeof(JobSeenAgain));
        }
    }

    [Fact]
    public async Task a_posting_seen_again_is_a_dedup_hit_not_a_second_job()
    {
        var admin = await api.Host.SignedInAdmin();
        var id = Unique("D");
        api.Alpha.Lists(ScriptedScraper.Posting(id));
        await api.Host.IngestedAsync(admin, "alpha");
        var second = await api.Host.IngestedAsync(admin, "alpha");

        var log = (await api.Host.RunLog(second)).Sources.Single();
        (log.JobsNew, log.DedupHits).ShouldBe((0, 1));
        await using var session = api.Store.QuerySession();
        (await session.Query<JobDetails>().CountAsync(j => j.ExternalId == id)).ShouldBe(1);
        (await api.Host.JobEventTypes(JobIdentity.ForScrapedPosting("Alpha & Co", id))).ShouldContain(typeof(JobSeenAgain));
    }

    [Fact]
    public async Task a_failing_source_fails_its_own_log_and_the_other_sources_carry_on()
    {
        var admin = await api.Host.SignedInAdmin();
        api.Alpha.Respond(_ => throw new SourceUnavailableException("alpha answered HTTP 500 three times"));
        api.Beta.Lists(ScriptedScraper.Posting(Unique("B")));

        Guid runId = default;
        await api.Host.ExecuteAndWaitAsync(async () =>
        {
            var result = await api.Host.Scenario(s => { s.Post.Url("/api/admin/ingest/all"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Accepted); });
            result.Json().GetProperty("status").GetString().ShouldBe("processing_in_background");
            runId = result.Json().GetProperty("run_id").GetGuid();
        }, 60_000);

        var run = await api.Host.RunLog(runId);
        run.Status.ShouldBe(SourceRunStatus.Partial);
        var alpha = run.Sources.Single(s => s.SourceName == "alpha");
        alpha.Status.ShouldBe(SourceRunStatus.Failed);
        alpha.ErrorMessages.ShouldHaveSingleItem().ShouldContain("HTTP 500");
        run.Sources.Single(s => s.SourceName == "beta").Status.ShouldBe(SourceRunStatus.Completed);
        run.CompletedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task a_scrape_that_keeps_crashing_is_given_up_recorded_as_failed_and_frees_the_source()
    {
        var admin = await api.Host.SignedInAdmin();
        api.Beta.Respond(_ => throw new InvalidOperationException("The listing parser met a page it does not know."));

        var runId = Guid.Empty;
        await api.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
        {
            var accepted = await api.Host.Scenario(s => { s.Post.Url("/api/admin/ingest/beta"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Accepted); });
            runId = accepted.Json().GetProperty("run_id").GetGuid();
        }));

        // The dead-letter hook publishes the failure after the attempt was given up.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await api.Host.RunLog(runId)).CompletedAt is null && DateTime.UtcNow < deadline) await Task.Delay(200);
        var beta = (await api.Host.RunLog(runId)).Sources.Single();
        beta.Status.ShouldBe(SourceRunStatus.Failed);
        beta.StatusReason.ShouldNotBeNull().ShouldContain("Gave up on ScrapeSource after 2 attempts");
        beta.StatusReason.ShouldContain("parser met a page");
        api.Beta.Lists();
        await api.Host.IngestedAsync(admin, "beta");
    }

    [Fact]
    public async Task postings_missing_from_consecutive_successful_runs_are_archived_and_posted_jobs_are_not()
    {
        var admin = await api.Host.SignedInAdmin();
        var provider = await api.Host.SignedUpProvider();
        var posted = await api.Host.PostedJob(provider, title: "Provider job that must survive");
        var (stays, goes) = (Unique("S"), Unique("G"));

        api.Alpha.Lists(ScriptedScraper.Posting(stays), ScriptedScraper.Posting(goes));
        await api.Host.IngestedAsync(admin, "alpha");
        api.Alpha.Lists(ScriptedScraper.Posting(stays));
        await api.Host.IngestedAsync(admin, "alpha");
        (await api.Host.JobDetails(JobIdentity.ForScrapedPosting("Alpha & Co", goes)))!.Status.ShouldBe(JobStatus.Active);

        // A failed run does not count towards the missed runs.
        api.Alpha.Respond(_ => throw new SourceUnavailableException("down"));
        await api.Host.IngestedAsync(admin, "alpha");
        (await api.Host.JobDetails(JobIdentity.ForScrapedPosting("Alpha & Co", goes)))!.Status.ShouldBe(JobStatus.Active);

        api.Alpha.Lists(ScriptedScraper.Posting(stays));
        var third = await api.Host.IngestedAsync(admin, "alpha");

        (await api.Host.JobDetails(JobIdentity.ForScrapedPosting("Alpha & Co", goes)))!.Status.ShouldBe(JobStatus.Archived);
        (await api.Host.JobDetails(JobIdentity.ForScrapedPosting("Alpha & Co", stays)))!.Status.ShouldBe(JobStatus.Active);
        (await api.Host.JobDetails(posted))!.Status.ShouldBe(JobStatus.Active);
        (await api.Host.RunLog(third)).Sources.Single().JobsArchived.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task a_trigger_while_the_source_is_running_is_409_with_the_running_runs_id()
    {
        var admin = await api.Host.SignedInAdmin();
        var release = new TaskCompletionSource<ScrapeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Beta.Respond(_ => { started.TrySetResult(); return release.Task; });

        var tracking = api.Host.ExecuteAndWaitAsync(async () =>
        {
            var first = await api.Host.Scenario(s => { s.Post.Url("/api/admin/ingest/beta"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Accepted); });
            var runId = first.Json().GetProperty("run_id").GetGuid();
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var second = await api.Host.Scenario(s => { s.Post.Url("/api/admin/ingest/trigger?scraper_name=beta"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.Conflict); });
            second.Json().GetProperty("run_id").GetGuid().ShouldBe(runId);
            second.Detail().ShouldContain("already in progress");

            release.SetResult(new ScrapeResult([], [], []));
        }, 60_000);
        await tracking;

        // Once the run finished, the source can run again.
        api.Beta.Lists();
        await api.Host.IngestedAsync(admin, "beta");
    }

    [Fact]
    public async Task the_nightly_run_starts_every_source_and_skips_while_one_is_still_running()
    {
        var release = new TaskCompletionSource<ScrapeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Alpha.Respond(_ => release.Task);
        api.Beta.Lists();
        await using var session = api.Store.QuerySession();
        var before = await session.Query<IngestionRunLog>().CountAsync();

        // Invoked inline, as the schedule does; the scrape it queues stays blocked on alpha until released.
        await api.Host.MessageBus().InvokeAsync(new StartScheduledIngestion());
        var nightly = (await session.Query<IngestionRunLog>().OrderByDescending(r => r.StartedAt).FirstAsync());
        (nightly.Trigger, nightly.Sources.Count).ShouldBe((RunTrigger.Scheduled, 2));

        await api.Host.MessageBus().InvokeAsync(new StartScheduledIngestion());
        (await session.Query<IngestionRunLog>().CountAsync()).ShouldBe(before + 1);

        release.SetResult(new ScrapeResult([], [], []));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await api.Host.RunLog(nightly.Id)).CompletedAt is null && DateTime.UtcNow < deadline) await Task.Delay(200);
        (await api.Host.RunLog(nightly.Id)).Status.ShouldBe(SourceRunStatus.Completed);
    }

    [Fact]
    public void a_scrape_may_run_for_minutes_past_wolverines_default_execution_timeout()
    {
        var runtime = (WolverineRuntime)api.Host.Services.GetRequiredService<IWolverineRuntime>();

        // ScrapeTimeout (20 min) + LeaseRenewal (20 s) + 30 s to record the outcome, instead of Wolverine's 60 s.
        runtime.Handlers.ChainFor<ScrapeSource>()!.ExecutionTimeoutInSeconds.ShouldBe(20 * 60 + 20 + 30);
    }

    [Fact]
    public async Task an_unknown_source_is_404_and_only_admins_may_trigger()
    {
        var admin = await api.Host.SignedInAdmin();
        var provider = await api.Host.SignedUpProvider();
        var unknown = await api.Host.Scenario(s => { s.Post.Url("/api/admin/ingest/monster"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        unknown.Detail().ShouldContain("alpha");
        await api.Host.Scenario(s => { s.Post.Url("/api/admin/ingest/all"); s.As(provider); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
        await api.Host.Scenario(s => { s.Get.Url("/api/admin/ingest/runs"); s.StatusCodeShouldBe(HttpStatusCode.Unauthorized); });
    }

    [Fact]
    public async Task admins_read_runs_sources_and_daily_counts()
    {
        var admin = await api.Host.SignedInAdmin();
        api.Beta.Lists(ScriptedScraper.Posting(Unique("R")));
        var runId = await api.Host.IngestedAsync(admin, "beta");

        var runs = await api.Host.Scenario(s => { s.Get.Url("/api/admin/ingest/runs"); s.As(admin); });
        runs.Json().EnumerateArray().ShouldContain(r => r.GetProperty("id").GetGuid() == runId);

        var one = await api.Host.Scenario(s => { s.Get.Url($"/api/admin/ingest/runs/{runId}"); s.As(admin); });
        var source = one.Json().GetProperty("sources")[0];
        foreach (var field in new[] { "run_id", "source_name", "status", "jobs_fetched", "jobs_new", "jobs_skipped", "dedup_hits", "errors", "error_messages", "started_at", "completed_at" })
            source.TryGetProperty(field, out _).ShouldBeTrue(field);

        var sources = await api.Host.Scenario(s => { s.Get.Url("/api/admin/ingest/sources"); s.As(admin); });
        sources.Json().EnumerateArray().Select(s => s.GetProperty("source_name").GetString()).ShouldBe(["alpha", "beta"]);

        var daily = await api.Host.Scenario(s => { s.Get.Url("/api/admin/ingest/daily"); s.As(admin); });
        daily.Json().EnumerateArray().ShouldContain(d => d.GetProperty("source_name").GetString() == "beta" && d.GetProperty("jobs_new").GetInt32() >= 1);
        await api.Host.Scenario(s => { s.Get.Url($"/api/admin/ingest/runs/{Guid.NewGuid()}"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
    }
}
