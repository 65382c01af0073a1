using OttobonJobs.Domain.Applicants;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Domain.Tests.Applicants;

public class candidacy_decisions
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor Seeker = new(Guid.NewGuid(), Role.Seeker, "Sita Seeker");
    private static readonly Actor Provider = new(Guid.NewGuid(), Role.Provider, "Pia Provider");
    private static readonly Actor OtherProvider = new(Guid.NewGuid(), Role.Provider, "Oscar Other");
    private static readonly Actor Admin = new(Guid.NewGuid(), Role.Admin, "Arun Admin");
    private static readonly Guid JobId = Guid.NewGuid();
    private static readonly Guid CandidacyId = CandidacyIds.For(JobId, Seeker.Id);
    private static readonly JobForApplying ActiveJob = new(JobId, Provider.Id, IsScraped: false, JobStatus.Active);
    private static readonly ResumeSnapshot Resume = new("abc123", "applications/x/abc123.pdf", "sita.pdf", "pdf", ["Node.js"], "Node.js developer");

    private static ApplyToJob Apply(JobForApplying? job = null, ResumeSnapshot? resume = null, string? note = "Keen to join.") =>
        new(CandidacyId, job ?? ActiveJob, Seeker.Name, resume ?? Resume, note);

    private static Candidacy Given(params object[] events) =>
        Candidacy.Fold(null, [new CandidateApplied(CandidacyId, JobId, Seeker.Id, Provider.Id, Seeker.Name, Resume, null, Now), .. events])! with
        {
            Version = 1 + events.Length,
        };

    private static ApplicantStageMoved Moved(string from, string to) => new(from, to, null, Provider.Id, Provider.Name, Now);

    [Fact]
    public void a_seeker_applies_to_an_active_provider_job_with_their_resume_and_a_note()
    {
        var applied = CandidacyDecisions.Apply(null, Apply(note: "  Keen to join.  "), Seeker, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<CandidateApplied>();

        applied.ShouldBe(new CandidateApplied(CandidacyId, JobId, Seeker.Id, Provider.Id, Seeker.Name, Resume, "Keen to join.", Now));
    }

    [Fact]
    public void one_seeker_and_one_job_always_give_the_same_candidacy()
    {
        CandidacyIds.For(JobId, Seeker.Id).ShouldBe(CandidacyId);
        CandidacyIds.For(JobId, Provider.Id).ShouldNotBe(CandidacyId);
    }

    [Fact]
    public void a_scraped_job_is_applied_to_on_the_company_site()
    {
        var refusal = CandidacyDecisions.Apply(null, Apply(ActiveJob with { IsScraped = true, OwnerId = null }), Seeker, Now).Refusal!;

        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Reason.ShouldContain("apply on the company's site");
    }

    [Theory]
    [InlineData(JobStatus.Processing)]
    [InlineData(JobStatus.Archived)]
    public void a_job_that_is_not_active_takes_no_applications(string status)
    {
        var refusal = CandidacyDecisions.Apply(null, Apply(ActiveJob with { Status = status }), Seeker, Now).Refusal!;

        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Reason.ShouldContain(status);
    }

    [Fact]
    public void a_seeker_without_a_resume_is_told_to_upload_one()
    {
        var refusal = CandidacyDecisions.Apply(null, Apply() with { Resume = null }, Seeker, Now).Refusal!;

        refusal.Kind.ShouldBe(RefusalKind.Invalid);
        refusal.Reason.ShouldContain("resume");
    }

    [Fact]
    public void a_seeker_applies_once_per_job_even_after_withdrawing()
    {
        CandidacyDecisions.Apply(Given(), Apply(), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
        CandidacyDecisions.Apply(Given(new CandidacyWithdrawn(Now)), Apply(), Seeker, Now).Refusal!.Reason.ShouldContain("withdrew");
    }

    [Fact]
    public void a_long_note_is_refused_naming_the_limit()
    {
        var refusal = CandidacyDecisions.Apply(null, Apply(note: new string('x', CandidacyRules.MaxNoteLength + 1)), Seeker, Now).Refusal!;

        refusal.Kind.ShouldBe(RefusalKind.Invalid);
        refusal.Reason.ShouldContain(CandidacyRules.MaxNoteLength.ToString());
    }

    [Fact]
    public void only_seekers_apply()
    {
        CandidacyDecisions.Apply(null, Apply(), Provider, Now).Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
    }

    [Fact]
    public void the_job_owner_shortlists_a_new_applicant_with_a_note()
    {
        var moved = CandidacyDecisions.Move(Given(), new MoveApplicant(ApplicantStage.Shortlisted, "Strong Node.js", 1), Provider, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ApplicantStageMoved>();

        moved.ShouldBe(new ApplicantStageMoved(ApplicantStage.New, ApplicantStage.Shortlisted, "Strong Node.js", Provider.Id, Provider.Name, Now));
    }

    [Fact]
    public void an_admin_may_move_any_applicant()
    {
        CandidacyDecisions.Move(Given(), new MoveApplicant(ApplicantStage.Rejected, null, null), Admin, Now).Events.ShouldHaveSingleItem();
    }

    [Fact]
    public void another_provider_does_not_learn_that_the_applicant_exists()
    {
        CandidacyDecisions.Move(Given(), new MoveApplicant(ApplicantStage.Shortlisted, null, null), OtherProvider, Now)
            .Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        CandidacyDecisions.AddNote(Given(), new NoteApplicant("hi"), OtherProvider, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void a_move_from_a_stale_version_is_refused()
    {
        CandidacyDecisions.Move(Given(Moved(ApplicantStage.New, ApplicantStage.Shortlisted)), new MoveApplicant(ApplicantStage.Interview, null, 1), Provider, Now)
            .Refusal!.Kind.ShouldBe(RefusalKind.StaleVersion);
    }

    [Fact]
    public void an_offer_follows_an_interview()
    {
        var refusal = CandidacyDecisions.Move(Given(), new MoveApplicant(ApplicantStage.Offer, null, null), Provider, Now).Refusal!;

        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Reason.ShouldContain("interview first");
    }

    [Fact]
    public void a_rejected_applicant_gets_no_offer_but_may_be_reconsidered()
    {
        var rejected = Given(Moved(ApplicantStage.New, ApplicantStage.Interview), Moved(ApplicantStage.Interview, ApplicantStage.Rejected));

        var refusal = CandidacyDecisions.Move(rejected, new MoveApplicant(ApplicantStage.Offer, null, null), Provider, Now).Refusal!;
        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Reason.ShouldContain("rejected");
        CandidacyDecisions.Move(rejected, new MoveApplicant(ApplicantStage.Shortlisted, null, null), Provider, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ApplicantStageMoved>().To.ShouldBe(ApplicantStage.Shortlisted);
    }

    [Fact]
    public void nothing_moves_after_the_seeker_withdrew_or_was_erased()
    {
        foreach (var closed in new object[] { new CandidacyWithdrawn(Now), new CandidacyErased(Now) })
        {
            var candidacy = Given(closed);
            CandidacyDecisions.Move(candidacy, new MoveApplicant(ApplicantStage.Shortlisted, null, null), Provider, Now).Refusal!.Kind
                .ShouldBe(RefusalKind.Conflict);
            CandidacyDecisions.AddNote(candidacy, new NoteApplicant("Call them"), Provider, Now).Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
        }
    }

    [Fact]
    public void an_unknown_stage_is_invalid_and_the_same_stage_changes_nothing()
    {
        CandidacyDecisions.Move(Given(), new MoveApplicant("hired", null, null), Provider, Now).Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
        CandidacyDecisions.Move(Given(), new MoveApplicant(ApplicantStage.New, null, null), Provider, Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void the_owner_adds_a_note_but_not_an_empty_one()
    {
        CandidacyDecisions.AddNote(Given(), new NoteApplicant(" Call on Monday "), Provider, Now).Events.ShouldHaveSingleItem()
            .ShouldBe(new ApplicantNoteAdded("Call on Monday", Provider.Id, Provider.Name, Now));
        CandidacyDecisions.AddNote(Given(), new NoteApplicant("  "), Provider, Now).Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
    }

    [Fact]
    public void withdrawing_closes_the_candidacy_once_and_takes_the_resume_out_of_reach()
    {
        var withdrawn = CandidacyDecisions.Withdraw(Given(), Now).Events.ShouldHaveSingleItem();

        Candidacy.Evolve(Given(), withdrawn)!.SharesResume.ShouldBeFalse();
        CandidacyDecisions.Withdraw(Given(withdrawn), Now).ShouldBe(Decision.Unchanged);
        CandidacyDecisions.Withdraw(null, Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void erasure_drops_the_resume_once()
    {
        var erased = CandidacyDecisions.Erase(Given(), Now).Events.ShouldHaveSingleItem();

        Candidacy.Evolve(Given(), erased)!.Resume.ShouldBeNull();
        CandidacyDecisions.Erase(Given(erased), Now).ShouldBe(Decision.Unchanged);
    }
}
