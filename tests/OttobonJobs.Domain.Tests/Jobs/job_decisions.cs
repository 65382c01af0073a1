using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Domain.Tests.Jobs;

public class job_decisions
{
    private const int MaxAttempts = 3;
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JobId = Guid.NewGuid();
    private static readonly Actor Owner = new(Guid.NewGuid(), Role.Provider, "Acme");
    private static readonly Actor Stranger = new(Guid.NewGuid(), Role.Provider, "Other");
    private static readonly Actor Admin = new(Guid.NewGuid(), Role.Admin, "Root");
    private static readonly Actor Seeker = new(Guid.NewGuid(), Role.Seeker, "Sam");
    private const string Description = "Build REST APIs in Node.js with Express and PostgreSQL for our audit tools.";
    private static readonly string Hash = DescriptionFingerprint.Compute(Description);

    private static readonly JobEnrichment Enrichment = new(
        [new PrepQuestion("Why Node?", "Say why.")], ["Show APIs."], ["Node.js", "SQL"],
        new SalaryRange("INR", 400_000, 700_000, "year", "₹4L – ₹7L per year"), "Entry level", "Bachelor's degree");

    private static readonly float[] Vector = [0.1f, 0.2f, 0.3f];

    /// <summary>The job's state after these events, with the version the event store would give it.</summary>
    private static Job? Given(params object[] events)
    {
        Job? job = null;
        var version = 0;
        foreach (var e in events) job = Job.Evolve(job, e) is { } next ? next with { Version = ++version } : null;
        return job;
    }

    private static JobPosted Posted(string description = Description) =>
        new(JobId, Owner.Id, "Node developer", "Acme", "Pune", description, ["Node.js"], DescriptionFingerprint.Compute(description), Now.AddDays(-1));

    private static JobScraped Scraped() =>
        new(JobId, "deloitte", "Deloitte", "204130", null, "Analyst", "Mumbai", Description, Hash, null, null, Now.AddDays(-1));

    private static JobEnriched Enriched(string hash) => new(Enrichment, "ai", hash, Now.AddHours(-1));
    private static JobActivated Activated() => new(Now.AddHours(-1));
    private static JobArchived Archived() => new(JobDecisions.ArchivedByOwner, Owner.Id, Now.AddHours(-1));
    private static JobEnrichmentFailed Failed(int attempt) => new(attempt, "429", attempt < MaxAttempts, Now.AddHours(-1));
    private static JobEdit Edit(string? title = null, string? description = null, string? location = null, long? expected = null) =>
        new(title, description, null, location, expected);

    // Posting

    [Fact]
    public void posting_records_the_job_with_the_hash_of_its_description_and_the_poster_as_owner()
    {
        var decision = JobDecisions.Post(JobId, new NewJob("Node developer", "Acme", "Pune", Description, ["Node.js"]), Owner, Now);

        var posted = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<JobPosted>();
        posted.PostedBy.ShouldBe(Owner.Id);
        posted.DescriptionHash.ShouldBe(Hash);
        posted.PostedAt.ShouldBe(Now);
    }

    [Fact]
    public void a_job_posted_without_a_company_shows_a_neutral_employer_never_the_posters_name()
    {
        var posted = JobDecisions.Post(JobId, new NewJob("Role", null, null, Description, []), Owner with { Name = "Priya Sharma" }, Now).Events
            .ShouldHaveSingleItem().ShouldBeOfType<JobPosted>();
        posted.CompanyName.ShouldBe(JobDecisions.DefaultCompany);
        posted.ToString().ShouldNotContain("Priya Sharma");

        JobDecisions.Post(JobId, new NewJob("Role", " ", " ", Description, []), Owner, Now).Events
            .ShouldHaveSingleItem().ShouldBeOfType<JobPosted>().ShouldSatisfyAllConditions(
                p => p.CompanyName.ShouldBe(JobDecisions.DefaultCompany), p => p.Location.ShouldBeNull());
        JobDecisions.Post(JobId, new NewJob("Role", "Acme Analytics", null, Description, []), Owner, Now).Events
            .ShouldHaveSingleItem().ShouldBeOfType<JobPosted>().CompanyName.ShouldBe("Acme Analytics");
    }

    // Editing

    [Fact]
    public void the_owner_renames_a_job_and_the_other_fields_keep_their_values()
    {
        var decision = JobDecisions.Update(Given(Posted(), Enriched(Hash), Activated()), Edit(title: "Senior Node developer"), Owner, Now);

        var updated = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<JobUpdated>();
        updated.Title.ShouldBe("Senior Node developer");
        updated.Location.ShouldBe("Pune");
        updated.DescriptionRaw.ShouldBe(Description);
        updated.SkillsRequired.ShouldBe(["Node.js"]);
        updated.DescriptionHash.ShouldBe(Hash);
        updated.UpdatedBy.ShouldBe(Owner.Id);
    }

    [Fact]
    public void a_changed_description_gets_a_new_hash_and_asks_for_enrichment()
    {
        var job = Given(Posted(), Enriched(Hash), Activated())!;
        var decision = JobDecisions.Update(job, Edit(description: "A completely different description about Go and Kubernetes."), Owner, Now);

        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<JobUpdated>().DescriptionHash
            .ShouldBe(DescriptionFingerprint.Compute("A completely different description about Go and Kubernetes."));
        JobDecisions.DescriptionChanged(job, decision).ShouldBeTrue();
    }

    [Fact]
    public void a_description_that_differs_only_in_markup_keeps_its_hash_and_needs_no_enrichment()
    {
        var job = Given(Posted(), Enriched(Hash), Activated())!;
        var decision = JobDecisions.Update(job, Edit(description: "<p>" + Description.ToUpperInvariant() + "</p>"), Owner, Now);

        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<JobUpdated>().DescriptionHash.ShouldBe(Hash);
        JobDecisions.DescriptionChanged(job, decision).ShouldBeFalse();
    }

    [Fact]
    public void an_empty_location_clears_it()
    {
        JobDecisions.Update(Given(Posted(), Activated()), Edit(location: ""), Owner, Now).Events
            .ShouldHaveSingleItem().ShouldBeOfType<JobUpdated>().Location.ShouldBeNull();
    }

    [Fact]
    public void an_edit_that_changes_nothing_records_nothing()
    {
        var decision = JobDecisions.Update(Given(Posted(), Activated()), Edit(title: "Node developer"), Owner, Now);

        decision.IsRefused.ShouldBeFalse();
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void an_archived_job_cannot_be_edited()
    {
        var decision = JobDecisions.Update(Given(Posted(), Activated(), Archived()), Edit(title: "Back"), Owner, Now);

        decision.Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
        decision.Refusal.Reason.ShouldBe(JobDecisions.ArchivedCannotBeEdited);
    }

    [Fact]
    public void an_admin_edits_anyones_job()
    {
        JobDecisions.Update(Given(Posted(), Activated()), Edit(title: "Fixed by admin"), Admin, Now).Events
            .ShouldHaveSingleItem().ShouldBeOfType<JobUpdated>().UpdatedBy.ShouldBe(Admin.Id);
    }

    [Fact]
    public void someone_elses_active_job_is_forbidden()
    {
        JobDecisions.Update(Given(Posted(), Activated()), Edit(title: "Hijacked"), Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
        JobDecisions.Archive(Given(Posted(), Activated()), Seeker, null, Now).Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
    }

    [Fact]
    public void someone_elses_job_that_is_not_visible_is_not_found()
    {
        JobDecisions.Update(Given(Posted()), Edit(title: "Hijacked"), Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        JobDecisions.Archive(Given(Posted(), Activated(), Archived()), Stranger, null, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void a_job_that_does_not_exist_is_not_found()
    {
        JobDecisions.Update(null, Edit(title: "Ghost"), Admin, Now).Refusal!.ShouldBe(new Refusal(RefusalKind.NotFound, JobDecisions.NoSuchJob));
        JobDecisions.Archive(null, Admin, null, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void scraped_jobs_belong_to_admins()
    {
        var scraped = Given(Scraped(), Enriched(Hash), Activated());

        JobDecisions.Update(scraped, Edit(title: "Mine now"), Owner, Now).Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
        JobDecisions.Update(scraped, Edit(title: "Tidied"), Admin, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<JobUpdated>();
    }

    [Fact]
    public void an_edit_from_a_stale_version_is_refused_naming_the_current_version()
    {
        var job = Given(Posted(), Enriched(Hash), Activated())!;

        var decision = JobDecisions.Update(job, Edit(title: "Late edit", expected: 1), Owner, Now);

        decision.Refusal!.Kind.ShouldBe(RefusalKind.StaleVersion);
        decision.Refusal.Reason.ShouldContain("the current version is 3");
        JobDecisions.Update(job, Edit(title: "On time", expected: 3), Owner, Now).Events.ShouldHaveSingleItem();
    }

    [Fact]
    public void a_stranger_with_a_stale_version_learns_nothing_about_versions()
    {
        JobDecisions.Update(Given(Posted()), Edit(title: "x", expected: 99), Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    // Archiving

    [Fact]
    public void the_owner_archives_a_job()
    {
        var archived = JobDecisions.Archive(Given(Posted(), Activated()), Owner, null, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<JobArchived>();
        archived.Reason.ShouldBe(JobDecisions.ArchivedByOwner);
        archived.ArchivedBy.ShouldBe(Owner.Id);
    }

    [Fact]
    public void an_admin_archiving_someone_elses_job_says_so()
    {
        JobDecisions.Archive(Given(Posted()), Admin, null, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<JobArchived>()
            .Reason.ShouldBe(JobDecisions.ArchivedByAdmin);
    }

    [Fact]
    public void archiving_an_archived_job_changes_nothing()
    {
        var decision = JobDecisions.Archive(Given(Posted(), Archived()), Owner, null, Now);

        decision.IsRefused.ShouldBeFalse();
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void archiving_from_a_stale_version_is_refused()
    {
        JobDecisions.Archive(Given(Posted(), Activated()), Owner, 1, Now).Refusal!.Kind.ShouldBe(RefusalKind.StaleVersion);
        JobDecisions.Archive(Given(Posted(), Activated()), Owner, 2, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<JobArchived>();
    }

    // Re-enrichment requests

    [Fact]
    public void an_admin_re_requests_the_enrichment_of_a_failed_job()
    {
        JobDecisions.RequestReenrichment(Given(Posted(), Failed(1), Failed(2), Failed(3)), Admin, force: false, Now).Events
            .ShouldHaveSingleItem().ShouldBe(new JobReenrichmentRequested(Admin.Id, Now));
    }

    [Fact]
    public void a_complete_job_is_re_enriched_only_when_forced()
    {
        var job = Given(Posted(), Enriched(Hash), Activated());

        JobDecisions.RequestReenrichment(job, Admin, force: false, Now).Events.ShouldBeEmpty();
        JobDecisions.RequestReenrichment(job, Admin, force: true, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<JobReenrichmentRequested>();
    }

    [Fact]
    public void an_archived_job_is_not_re_enriched()
    {
        var decision = JobDecisions.RequestReenrichment(Given(Posted(), Archived()), Admin, force: true, Now);
        decision.IsRefused.ShouldBeFalse();
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void only_admins_ask_for_re_enrichment_of_jobs_that_exist()
    {
        JobDecisions.RequestReenrichment(Given(Posted()), Owner, force: true, Now).Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
        JobDecisions.RequestReenrichment(null, Admin, force: true, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    // Whether to call the AI at all

    [Fact]
    public void an_enrichment_attempt_is_worth_making_only_for_a_live_job_that_needs_it_and_has_attempts_left()
    {
        JobDecisions.ShouldEnrich(Given(Posted()), force: false, MaxAttempts).ShouldBeTrue();
        JobDecisions.ShouldEnrich(Given(Posted(), Failed(1), Failed(2)), force: false, MaxAttempts).ShouldBeTrue();
        JobDecisions.ShouldEnrich(Given(Posted(), Failed(1), Failed(2), Failed(3)), force: false, MaxAttempts).ShouldBeFalse();
        JobDecisions.ShouldEnrich(Given(Posted(), Enriched(Hash)), force: false, MaxAttempts).ShouldBeFalse();
        JobDecisions.ShouldEnrich(Given(Posted(), Enriched(Hash)), force: true, MaxAttempts).ShouldBeTrue();
        JobDecisions.ShouldEnrich(Given(Posted(), Archived()), force: true, MaxAttempts).ShouldBeFalse();
        JobDecisions.ShouldEnrich(null, force: true, MaxAttempts).ShouldBeFalse();
    }

    [Fact]
    public void a_job_whose_enrichment_failed_for_good_gets_new_attempts_when_its_description_changes()
    {
        const string edited = "A completely different description about Go and Kubernetes.";
        var failed = Given(Posted(), Failed(1), Failed(2), Failed(3))!;
        var update = JobDecisions.Update(failed, Edit(description: edited), Owner, Now).Events.Single();

        var job = Given(Posted(), Failed(1), Failed(2), Failed(3), update);
        JobDecisions.ShouldEnrich(job, force: false, MaxAttempts).ShouldBeTrue();
        JobDecisions.RecordEnrichment(job, new EnrichmentFailure(DescriptionFingerprint.Compute(edited), "429"), false, MaxAttempts, Now)
            .Events.ShouldHaveSingleItem().ShouldBe(new JobEnrichmentFailed(1, "429", true, Now));
    }

    // Recording an enrichment's outcome

    [Fact]
    public void an_ai_enrichment_of_a_processing_job_is_recorded_embedded_and_activates_it()
    {
        var decision = JobDecisions.RecordEnrichment(Given(Posted()), new EnrichedByAi(Hash, Enrichment, "ai", "minilm", Vector), false, MaxAttempts, Now);

        decision.Events.Select(e => e.GetType()).ShouldBe([typeof(JobEnriched), typeof(JobEmbedded), typeof(JobActivated)]);
        decision.Events[0].ShouldBe(new JobEnriched(Enrichment, "ai", Hash, Now));
        decision.Events[1].ShouldBeOfType<JobEmbedded>().ShouldSatisfyAllConditions(
            e => e.Model.ShouldBe("minilm"), e => e.Dimensions.ShouldBe(3), e => e.DescriptionHash.ShouldBe(Hash));
    }

    [Fact]
    public void an_active_job_enriched_again_after_an_edit_is_not_activated_twice()
    {
        const string edited = "A completely different description about Go and Kubernetes.";
        var newHash = DescriptionFingerprint.Compute(edited);
        var job = Given(Posted(), Enriched(Hash), Activated(), new JobUpdated("Node developer", "Pune", edited, ["Node.js"], newHash, Owner.Id, Now));

        JobDecisions.RecordEnrichment(job, new EnrichedByAi(newHash, Enrichment, "ai", "minilm", Vector), false, MaxAttempts, Now)
            .Events.Select(e => e.GetType()).ShouldBe([typeof(JobEnriched), typeof(JobEmbedded)]);
    }

    [Fact]
    public void a_twins_enrichment_is_copied_and_activates_the_job()
    {
        var twin = Guid.NewGuid();
        var decision = JobDecisions.RecordEnrichment(Given(Posted()), new CopiedFromTwin(Hash, twin, Enrichment, "ai", "minilm", Vector), false, MaxAttempts, Now);

        decision.Events.Select(e => e.GetType()).ShouldBe([typeof(JobDeduplicated), typeof(JobActivated)]);
        decision.Events[0].ShouldBeOfType<JobDeduplicated>().ShouldSatisfyAllConditions(
            d => d.CopiedFromJobId.ShouldBe(twin), d => d.Vector.ShouldBe(Vector), d => d.Dimensions.ShouldBe(3), d => d.DeduplicatedAt.ShouldBe(Now));
    }

    [Fact]
    public void a_failure_counts_the_attempt_and_retries_while_attempts_are_left()
    {
        var first = JobDecisions.RecordEnrichment(Given(Posted()), new EnrichmentFailure(Hash, "429"), false, MaxAttempts, Now);
        first.Events.ShouldHaveSingleItem().ShouldBe(new JobEnrichmentFailed(1, "429", true, Now));
        JobDecisions.RetryAfterAttempt(first).ShouldBe(1);

        var last = JobDecisions.RecordEnrichment(Given(Posted(), Failed(1), Failed(2)), new EnrichmentFailure(Hash, "500"), false, MaxAttempts, Now);
        last.Events.ShouldHaveSingleItem().ShouldBe(new JobEnrichmentFailed(3, "500", false, Now));
        JobDecisions.RetryAfterAttempt(last).ShouldBeNull();
    }

    [Fact]
    public void a_failure_after_the_last_attempt_records_nothing_more()
    {
        JobDecisions.RecordEnrichment(Given(Posted(), Failed(1), Failed(2), Failed(3)), new EnrichmentFailure(Hash, "late"), false, MaxAttempts, Now)
            .Events.ShouldBeEmpty();
    }

    [Fact]
    public void a_re_enrichment_request_gives_a_failed_job_its_attempts_back()
    {
        var job = Given(Posted(), Failed(1), Failed(2), Failed(3), new JobReenrichmentRequested(Admin.Id, Now));

        JobDecisions.RecordEnrichment(job, new EnrichmentFailure(Hash, "again"), false, MaxAttempts, Now)
            .Events.ShouldHaveSingleItem().ShouldBe(new JobEnrichmentFailed(1, "again", true, Now));
    }

    [Fact]
    public void nothing_is_recorded_for_an_archived_or_missing_job()
    {
        var outcome = new EnrichedByAi(Hash, Enrichment, "ai", "minilm", Vector);
        JobDecisions.RecordEnrichment(Given(Posted(), Archived()), outcome, true, MaxAttempts, Now).Events.ShouldBeEmpty();
        JobDecisions.RecordEnrichment(null, outcome, true, MaxAttempts, Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void a_result_for_a_description_that_changed_since_the_call_started_is_dropped()
    {
        const string edited = "A completely different description about Go and Kubernetes.";
        var job = Given(Posted(), new JobUpdated("Node developer", "Pune", edited, ["Node.js"], DescriptionFingerprint.Compute(edited), Owner.Id, Now));

        JobDecisions.RecordEnrichment(job, new EnrichedByAi(Hash, Enrichment, "ai", "minilm", Vector), true, MaxAttempts, Now).Events.ShouldBeEmpty();
        JobDecisions.RecordEnrichment(job, new CopiedFromTwin(Hash, Guid.NewGuid(), Enrichment, "ai", "minilm", Vector), false, MaxAttempts, Now).Events.ShouldBeEmpty();
        JobDecisions.RecordEnrichment(job, new EnrichmentFailure(Hash, "429"), false, MaxAttempts, Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void a_hash_already_enriched_is_not_enriched_twice_unless_forced()
    {
        var job = Given(Posted(), Enriched(Hash), new JobEmbedded("minilm", 3, Vector, Hash, Now), Activated());
        var outcome = new EnrichedByAi(Hash, Enrichment, "ai", "minilm", Vector);

        JobDecisions.RecordEnrichment(job, outcome, false, MaxAttempts, Now).Events.ShouldBeEmpty();
        JobDecisions.RecordEnrichment(job, new EnrichmentFailure(Hash, "late"), false, MaxAttempts, Now).Events.ShouldBeEmpty();
        JobDecisions.RecordEnrichment(job, outcome, true, MaxAttempts, Now).Events.Select(e => e.GetType())
            .ShouldBe([typeof(JobEnriched), typeof(JobEmbedded)]);
    }

    // Embedding-only refresh

    [Fact]
    public void an_enriched_job_embedded_by_another_model_gets_a_new_vector()
    {
        var job = Given(Posted(), Enriched(Hash), new JobEmbedded("old-model", 2, [0.5f, 0.5f], Hash, Now), Activated());

        JobDecisions.ShouldEmbed(job, "minilm").ShouldBeTrue();
        JobDecisions.RecordEmbedding(job, Hash, "minilm", Vector, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<JobEmbedded>().ShouldSatisfyAllConditions(e => e.Model.ShouldBe("minilm"), e => e.Dimensions.ShouldBe(3));
    }

    [Fact]
    public void no_vector_is_recorded_when_it_is_not_needed_or_belongs_to_an_older_description()
    {
        var embedded = Given(Posted(), Enriched(Hash), new JobEmbedded("minilm", 3, Vector, Hash, Now), Activated());
        var notEnriched = Given(Posted());
        var archived = Given(Posted(), Enriched(Hash), new JobEmbedded("old", 3, Vector, Hash, Now), Archived());
        var stale = Given(Posted(), Enriched(Hash), new JobEmbedded("old", 3, Vector, Hash, Now));

        JobDecisions.ShouldEmbed(embedded, "minilm").ShouldBeFalse();
        JobDecisions.ShouldEmbed(notEnriched, "minilm").ShouldBeFalse();
        JobDecisions.ShouldEmbed(archived, "minilm").ShouldBeFalse();
        JobDecisions.RecordEmbedding(embedded, Hash, "minilm", Vector, Now).Events.ShouldBeEmpty();
        JobDecisions.RecordEmbedding(notEnriched, Hash, "minilm", Vector, Now).Events.ShouldBeEmpty();
        JobDecisions.RecordEmbedding(archived, Hash, "minilm", Vector, Now).Events.ShouldBeEmpty();
        JobDecisions.RecordEmbedding(stale, "another-hash", "minilm", Vector, Now).Events.ShouldBeEmpty();
        JobDecisions.RecordEmbedding(null, Hash, "minilm", Vector, Now).Events.ShouldBeEmpty();
    }
}
