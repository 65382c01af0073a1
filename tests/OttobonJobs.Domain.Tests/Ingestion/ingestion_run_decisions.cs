using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Domain.Tests.Ingestion;

public class ingestion_run_decisions
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly Guid RunId = Guid.NewGuid();
    private static readonly Actor Admin = new(Guid.NewGuid(), Role.Admin, "Asha");

    private static IngestionRun Given(params object[] events) =>
        events.Aggregate((IngestionRun?)null, IngestionRun.Evolve)!;

    private static IngestionRunStarted Started(params string[] sources) => new(RunId, sources, RunTrigger.Admin, null, Now);

    private static StartIngestionRun StartCommand(params string[] sources) => new(Guid.NewGuid(), sources, RunTrigger.Admin, Admin.Id, "node-b");

    private static SourceLease LeaseOf(string source, Guid runId, DateTimeOffset expiresAt) => new(source, runId, "node-a", Now.AddMinutes(-10), expiresAt);

    private static ScrapedPosting Posting(string id) => new(id, $"Analyst {id}", "Mumbai", $"<p>{id}</p>", $"https://jobs.example/{id}", null);

    private static ScrapedBatch Batch(int index, params string[] ids) => new("alpha", "Alpha & Co", index, ids.Select(Posting).ToList());

    private static Guid JobOf(string id) => JobIdentity.ForScrapedPosting("Alpha & Co", id);

    private static readonly Dictionary<Guid, Guid?> NoJobs = new();

    [Fact]
    public void a_run_of_free_sources_starts_and_takes_a_lease_on_each()
    {
        var command = StartCommand("alpha", "beta");

        var started = IngestionDecisions.Start(new Dictionary<string, SourceLease>(), command, Now, Lease).ShouldBeOfType<RunStart.Started>();

        started.Event.ShouldBe(new IngestionRunStarted(command.RunId, command.Sources, RunTrigger.Admin, Admin.Id, Now));
        started.Leases.Select(l => l.Lease).ShouldBe([
            new SourceLease("alpha", command.RunId, "node-b", Now, Now + Lease),
            new SourceLease("beta", command.RunId, "node-b", Now, Now + Lease),
        ]);
        started.Leases.ShouldAllBe(l => l.Expired == null);
    }

    [Fact]
    public void a_source_with_a_live_lease_refuses_the_start_naming_the_running_run()
    {
        var running = LeaseOf("beta", RunId, Now.AddSeconds(30));

        var refused = IngestionDecisions.Start(new Dictionary<string, SourceLease> { ["beta"] = running }, StartCommand("alpha", "beta"), Now, Lease)
            .ShouldBeOfType<RunStart.Refused>();

        refused.Refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refused.Refusal.Reason.ShouldContain("beta is already in progress");
        refused.Running.ShouldBe(running);
    }

    [Fact]
    public void an_expired_lease_is_taken_over_and_names_the_run_to_abandon()
    {
        var expired = LeaseOf("alpha", RunId, Now.AddSeconds(-1));
        var command = StartCommand("alpha");

        var started = IngestionDecisions.Start(new Dictionary<string, SourceLease> { ["alpha"] = expired }, command, Now, Lease)
            .ShouldBeOfType<RunStart.Started>();

        var taken = started.Leases.ShouldHaveSingleItem();
        taken.Expired.ShouldBe(expired);
        taken.Lease.RunId.ShouldBe(command.RunId);
        IngestionDecisions.AbandonReason(expired, command.RunId).ShouldContain("lease expired");
    }

    [Fact]
    public void no_sources_is_an_invalid_start()
    {
        IngestionDecisions.Start(new Dictionary<string, SourceLease>(), StartCommand(), Now, Lease)
            .ShouldBeOfType<RunStart.Refused>().Refusal.Kind.ShouldBe(RefusalKind.Invalid);
    }

    [Fact]
    public void a_working_run_renews_its_lease_on_the_node_doing_the_work_even_after_it_expired()
    {
        var run = Given(Started("alpha"));
        var lease = LeaseOf("alpha", RunId, Now.AddSeconds(-5));

        var renewed = IngestionDecisions.Renew(run, lease, "alpha", "node-c", Now, Lease).ShouldBeOfType<LeaseRenewal.Renewed>();

        renewed.Lease.ShouldBe(lease with { Node = "node-c", ExpiresAt = Now + Lease });
    }

    [Fact]
    public void a_run_whose_source_was_taken_over_cancelled_or_finished_stops()
    {
        var run = Given(Started("alpha"));
        IngestionDecisions.Renew(run, LeaseOf("alpha", Guid.NewGuid(), Now.AddMinutes(1)), "alpha", "n", Now, Lease)
            .ShouldBeOfType<LeaseRenewal.Stop>().Reason.ShouldContain("took alpha over");
        IngestionDecisions.Renew(run, null, "alpha", "n", Now, Lease).ShouldBeOfType<LeaseRenewal.Stop>();

        var cancelled = Given(Started("alpha"), new IngestionRunCancelled(Admin.Id, "Cancelled by Asha.", Now));
        IngestionDecisions.Renew(cancelled, LeaseOf("alpha", RunId, Now.AddMinutes(1)), "alpha", "n", Now, Lease)
            .ShouldBeOfType<LeaseRenewal.Stop>().Reason.ShouldContain("cancelled");
    }

    [Fact]
    public void reading_a_listing_cuts_it_into_batches_and_a_second_reading_changes_nothing()
    {
        var run = Given(Started("alpha"));
        SkippedPosting[] skipped = [new("6", "Senior Analyst", "Pune", "title says \"senior\""), new("7", "Analyst", "London", "the listing places it in London, United Kingdom, outside India")];
        var result = new ScrapeResult(new[] { "1", "2", "3", "4", "5" }.Select(Posting).ToList(), skipped, ["one page failed"]);

        var outcome = IngestionDecisions.ReadListing(run, "alpha", "Alpha & Co", result, batchSize: 2, Now);

        outcome.Run.Events.ShouldHaveSingleItem().ShouldBeEquivalentTo(new SourceListingRead("alpha", 5, 3, 2, ["one page failed"], Now, skipped.ToList(), 0, true));
        outcome.Batches.Select(b => (b.Batch, b.Postings.Count)).ShouldBe([(0, 2), (1, 2), (2, 1)]);
        var again = IngestionDecisions.ReadListing(Given(Started("alpha"), outcome.Run.Events[0]), "alpha", "Alpha & Co", result, 2, Now);
        (again.Run.Events.Count, again.Batches.Count).ShouldBe((0, 0));
    }

    [Fact]
    public void a_batch_starts_new_jobs_sees_known_ones_again_and_counts_both()
    {
        var run = Given(Started("alpha"), new SourceListingRead("alpha", 3, 2, 0, [], Now));
        var known = new Dictionary<Guid, Guid?> { [JobOf("old")] = Guid.NewGuid() };

        var outcome = IngestionDecisions.RecordBatch(run, Batch(0, "new", "old"), known, Now);

        outcome.NewJobs.ShouldHaveSingleItem().JobId.ShouldBe(JobOf("new"));
        outcome.SeenAgain.ShouldBe([JobOf("old")]);
        outcome.Run.Events.ShouldBe([new SourceScrapeProgressed("alpha", 2, 1, 1, Now, 0)]);
        outcome.SourceComplete.ShouldBeFalse();
    }

    [Fact]
    public void a_new_job_keeps_the_salary_its_employer_published()
    {
        var run = Given(Started("alpha"), new SourceListingRead("alpha", 2, 1, 0, [], Now));
        var published = new SalaryRange("INR", 600_000m, 900_000m, "year", "₹6L – ₹9L per year");
        var batch = new ScrapedBatch("alpha", "Alpha & Co", 0, [Posting("paid") with { PublishedSalary = published }, Posting("unpaid")]);

        var outcome = IngestionDecisions.RecordBatch(run, batch, NoJobs, Now);

        outcome.NewJobs.Select(job => job.PublishedSalary).ShouldBe([published, null]);
    }

    [Fact]
    public void a_new_job_keeps_its_posting_date_in_utc_whatever_offset_the_site_gave()
    {
        var run = Given(Started("alpha"), new SourceListingRead("alpha", 1, 1, 0, [], Now));
        var postedInNewYork = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.FromHours(-4));
        var batch = new ScrapedBatch("alpha", "Alpha & Co", 0, [Posting("ny") with { PostedOn = postedInNewYork }]);

        var job = IngestionDecisions.RecordBatch(run, batch, NoJobs, Now).NewJobs.ShouldHaveSingleItem();

        job.PostedOn.ShouldBe(postedInNewYork);
        job.PostedOn!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void the_last_batch_completes_the_source()
    {
        var run = Given(Started("alpha"), new SourceListingRead("alpha", 3, 2, 0, [], Now), new SourceScrapeProgressed("alpha", 2, 2, 0, Now, 0));

        var outcome = IngestionDecisions.RecordBatch(run, Batch(1, "c"), NoJobs, Now);

        outcome.Run.Events.ShouldBe([new SourceScrapeProgressed("alpha", 3, 3, 0, Now, 1)]);
        outcome.SourceComplete.ShouldBeTrue();
    }

    [Fact]
    public void a_redelivered_batch_or_a_batch_after_the_source_finished_changes_nothing()
    {
        var recorded = Given(Started("alpha"), new SourceListingRead("alpha", 2, 1, 0, [], Now), new SourceScrapeProgressed("alpha", 2, 2, 0, Now, 0));
        var redelivered = IngestionDecisions.RecordBatch(recorded, Batch(0, "a", "b"), NoJobs, Now);
        (redelivered.Run.Events.Count, redelivered.NewJobs.Count, redelivered.SourceComplete).ShouldBe((0, 0, false));

        var abandoned = Given(Started("alpha"), new SourceListingRead("alpha", 2, 1, 0, [], Now), new SourceScrapeAbandoned("alpha", "expired", null, Now));
        IngestionDecisions.RecordBatch(abandoned, Batch(0, "a", "b"), NoJobs, Now).NewJobs.ShouldBeEmpty();
    }

    [Fact]
    public void a_posting_this_run_already_recorded_is_a_dedup_hit_without_a_second_job()
    {
        var run = Given(Started("alpha"), new SourceListingRead("alpha", 3, 2, 0, [], Now));

        var outcome = IngestionDecisions.RecordBatch(run, Batch(1, "twice", "twice"), new Dictionary<Guid, Guid?>(), Now);

        outcome.NewJobs.ShouldHaveSingleItem();
        outcome.Run.Events.ShouldBe([new SourceScrapeProgressed("alpha", 2, 1, 1, Now, 1)]);
        var listedAgainLater = IngestionDecisions.RecordBatch(run, Batch(1, "twice"), new Dictionary<Guid, Guid?> { [JobOf("twice")] = RunId }, Now);
        (listedAgainLater.NewJobs.Count, listedAgainLater.SeenAgain.Count).ShouldBe((0, 0));
    }

    [Fact]
    public void a_source_with_every_batch_recorded_finishes_archives_the_unseen_jobs_and_finishes_the_run()
    {
        var run = Given(Started("alpha"), new SourceListingRead("alpha", 2, 1, 1, ["a detail page failed"], Now), new SourceScrapeProgressed("alpha", 2, 1, 1, Now, 0));
        var unseen = new[] { Guid.NewGuid() };

        var outcome = IngestionDecisions.FinishSource(run, "alpha", "Alpha & Co", null, unseen, 3, Now);

        outcome.Run.Events.Count.ShouldBe(2);
        var finished = outcome.Run.Events[0].ShouldBeOfType<SourceScrapeFinished>();
        finished.ErrorMessages.ShouldBe(["a detail page failed"]);
        finished.ShouldBe(new SourceScrapeFinished("alpha", SourceRunStatus.Partial, 2, 1, 1, 1, 1, finished.ErrorMessages, Now));
        outcome.Run.Events[1].ShouldBe(new IngestionRunFinished(Now));
        outcome.Archive.ShouldBe(unseen);
    }

    [Fact]
    public void the_skipped_postings_recorded_are_capped_and_the_rest_counted()
    {
        var skipped = Enumerable.Range(0, IngestionDecisions.MaxSkippedStored + 5)
            .Select(i => new SkippedPosting($"S-{i}", "Senior Analyst", null, "title says \"senior\"")).ToList();

        var outcome = IngestionDecisions.ReadListing(Given(Started("alpha")), "alpha", "Alpha & Co", new ScrapeResult([], skipped, []), 2, Now);

        var read = outcome.Run.Events.ShouldHaveSingleItem().ShouldBeOfType<SourceListingRead>();
        (read.Skipped, read.SkippedPostings!.Count, read.SkippedNotListed).ShouldBe((IngestionDecisions.MaxSkippedStored + 5, IngestionDecisions.MaxSkippedStored, 5));
        read.SkippedPostings[0].ExternalId.ShouldBe("S-0");
    }

    [Fact]
    public void a_listing_not_read_to_its_end_completes_the_source_but_archives_nothing()
    {
        var run = Given(Started("alpha"), new SourceListingRead("alpha", 2, 1, 0, [], Now, [], 0, ListingComplete: false),
            new SourceScrapeProgressed("alpha", 2, 2, 0, Now, 0));

        IngestionDecisions.MayArchive(run, "alpha", null).ShouldBeFalse();
        var outcome = IngestionDecisions.FinishSource(run, "alpha", "Alpha & Co", null, [Guid.NewGuid()], 3, Now);

        outcome.Run.Events[0].ShouldBeOfType<SourceScrapeFinished>().Status.ShouldBe(SourceRunStatus.Completed);
        outcome.Archive.ShouldBeEmpty();
    }

    [Fact]
    public void a_listing_read_to_its_end_may_archive_and_an_event_from_before_the_flag_counts_as_read_to_its_end()
    {
        var complete = Given(Started("alpha"), new SourceListingRead("alpha", 2, 1, 0, [], Now, [], 0, ListingComplete: true), new SourceScrapeProgressed("alpha", 2, 2, 0, Now, 0));
        var older = Given(Started("alpha"), new SourceListingRead("alpha", 2, 1, 0, [], Now), new SourceScrapeProgressed("alpha", 2, 2, 0, Now, 0));

        IngestionDecisions.MayArchive(complete, "alpha", null).ShouldBeTrue();
        IngestionDecisions.MayArchive(older, "alpha", null).ShouldBeTrue();
        IngestionDecisions.MayArchive(complete, "alpha", "the listing was cut off").ShouldBeFalse();
        IngestionDecisions.MayArchive(Given(Started("alpha")), "alpha", null).ShouldBeFalse();
    }

    [Fact]
    public void the_archive_cutoff_counts_only_runs_that_read_the_whole_listing()
    {
        SourceRunSummary Run(int hoursAgo, string status, bool complete = true) => new(Guid.NewGuid(), Now.AddHours(-hoursAgo), status, complete);
        var current = new SourceRunSummary(RunId, Now, SourceRunStatus.Running, true);
        var goodOne = Run(2, SourceRunStatus.Partial);
        var goodTwo = Run(5, SourceRunStatus.Completed);
        List<SourceRunSummary> history =
        [
            current,
            Run(1, SourceRunStatus.Failed), // a truncated listing fails the source
            Run(1, SourceRunStatus.Completed, complete: false), // stopped at MaxJobsPerRun
            goodOne,
            Run(3, SourceRunStatus.Cancelled),
            Run(4, SourceRunStatus.Abandoned),
            goodTwo,
        ];

        IngestionDecisions.ArchiveCutoff(RunId, history, 2).ShouldBe(goodOne.StartedAt);
        IngestionDecisions.ArchiveCutoff(RunId, history, 3).ShouldBe(goodTwo.StartedAt);
        IngestionDecisions.ArchiveCutoff(RunId, history, 4).ShouldBeNull();
        IngestionDecisions.ArchiveCutoff(RunId, history.Where(r => r != goodOne && r != goodTwo).ToList(), 2).ShouldBeNull();
    }

    [Fact]
    public void a_failed_source_records_the_reason_archives_nothing_and_waits_for_the_other_sources()
    {
        var run = Given(Started("alpha", "beta"));

        var outcome = IngestionDecisions.FinishSource(run, "alpha", "Alpha & Co", "The scrape timed out after 00:00:02.", [Guid.NewGuid()], 3, Now);

        var finished = outcome.Run.Events.ShouldHaveSingleItem().ShouldBeOfType<SourceScrapeFinished>();
        finished.Status.ShouldBe(SourceRunStatus.Failed);
        finished.ErrorMessages.ShouldBe(["The scrape timed out after 00:00:02."]);
        outcome.Archive.ShouldBeEmpty();
    }

    [Fact]
    public void finishing_before_the_last_batch_is_refused_and_finishing_twice_changes_nothing()
    {
        var running = Given(Started("alpha"), new SourceListingRead("alpha", 4, 2, 0, [], Now), new SourceScrapeProgressed("alpha", 2, 2, 0, Now, 0));
        IngestionDecisions.FinishSource(running, "alpha", "Alpha & Co", null, [], 3, Now).Run.Refusal!.Kind.ShouldBe(RefusalKind.Conflict);

        var finished = Given(Started("alpha"), new SourceScrapeFinished("alpha", SourceRunStatus.Completed, 0, 0, 0, 0, 0, [], Now));
        IngestionDecisions.FinishSource(finished, "alpha", "Alpha & Co", null, [], 3, Now).Run.ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void an_abandoned_source_records_why_and_a_finished_one_is_left_alone()
    {
        var takeover = Guid.NewGuid();
        var run = Given(Started("alpha"));

        IngestionDecisions.Abandon(run, "alpha", "lease expired", takeover, Now).Events
            .ShouldBe([new SourceScrapeAbandoned("alpha", "lease expired", takeover, Now), new IngestionRunFinished(Now)], ignoreOrder: false);
        var finished = Given(Started("alpha"), new SourceScrapeFinished("alpha", SourceRunStatus.Completed, 0, 0, 0, 0, 0, [], Now));
        IngestionDecisions.Abandon(finished, "alpha", "lease expired", takeover, Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void an_admin_cancels_a_running_run_once()
    {
        var run = Given(Started("alpha", "beta"));

        var cancelled = IngestionDecisions.Cancel(run, Admin, Now);

        cancelled.Events.ShouldBe([new IngestionRunCancelled(Admin.Id, "Cancelled by Asha.", Now)]);
        var after = Given(Started("alpha", "beta"), cancelled.Events[0]);
        after.IsRunning("alpha").ShouldBeFalse();
        IngestionDecisions.Cancel(after, Admin, Now).Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
    }

    [Fact]
    public void a_finished_or_unknown_run_cannot_be_cancelled_and_only_admins_may()
    {
        var finished = Given(Started("alpha"), new SourceScrapeFinished("alpha", SourceRunStatus.Completed, 0, 0, 0, 0, 0, [], Now), new IngestionRunFinished(Now));
        IngestionDecisions.Cancel(finished, Admin, Now).Refusal!.Reason.ShouldContain("already finished");
        IngestionDecisions.Cancel(null, Admin, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        IngestionDecisions.Cancel(Given(Started("alpha")), new Actor(Guid.NewGuid(), Role.Provider, "P"), Now).Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
    }

    [Fact]
    public void a_redelivered_scrape_of_a_finished_source_is_not_due()
    {
        IngestionDecisions.ShouldScrape(Given(Started("alpha")), "alpha").ShouldBeTrue();
        IngestionDecisions.ShouldScrape(Given(Started("alpha"), new SourceScrapeFinished("alpha", SourceRunStatus.Failed, 0, 0, 0, 0, 0, ["down"], Now)), "alpha").ShouldBeFalse();
        IngestionDecisions.ShouldScrape(Given(Started("alpha"), new SourceListingRead("alpha", 0, 0, 0, [], Now)), "alpha").ShouldBeFalse();
        IngestionDecisions.ShouldScrape(null, "alpha").ShouldBeFalse();
    }
}
