using OttobonJobs.Domain.Applicants;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Domain.Tests.Applications;

public class application_decisions
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Actor Seeker = new(Guid.NewGuid(), Role.Seeker, "Sita Seeker");
    private static readonly Actor OtherSeeker = new(Guid.NewGuid(), Role.Seeker, "Omar Other");
    private static readonly Guid JobId = Guid.NewGuid();
    private static readonly Guid Id = ApplicationIds.For(Seeker.Id, JobId);

    private static Application Given(params object[] events)
    {
        object[] all = [new JobSaved(Id, Seeker.Id, JobId, Now.AddDays(-10)), .. events];
        return Application.Fold(null, all)! with { Version = all.Length };
    }

    private static ApplicationRecorded Applied(string channel = ApplicationChannel.CompanySite) =>
        new(Id, Seeker.Id, JobId, channel, Today.AddDays(-5), null, Now.AddDays(-5));

    /// <summary>The application at each stage, reached by the seeker's own events.</summary>
    private static Application At(string stage) => stage switch
    {
        ApplicationStage.Saved => Given(),
        ApplicationStage.Applied => Given(Applied()),
        ApplicationStage.Interviewing => Given(Applied(), new InterviewRoundRecorded(null, null, Now.AddDays(-3))),
        ApplicationStage.Offer => Given(Applied(), new OfferReceived(null, Now.AddDays(-2))),
        ApplicationStage.Rejected => Given(Applied(), new ApplicationRejected(null, Now.AddDays(-2))),
        _ => Given(Applied(), new ApplicationWithdrawn(null, Now.AddDays(-2))),
    };

    private static Decision Move(Application application, string to, string? note = null, DateTimeOffset? roundAt = null, long? expected = null) =>
        ApplicationDecisions.Move(application, new MoveApplication(to, note, roundAt, expected), Seeker, Now);

    public static TheoryData<string, string> AllowedMoves => new()
    {
        { ApplicationStage.Saved, ApplicationStage.Applied },
        { ApplicationStage.Applied, ApplicationStage.Interviewing },
        { ApplicationStage.Applied, ApplicationStage.Offer },
        { ApplicationStage.Applied, ApplicationStage.Rejected },
        { ApplicationStage.Applied, ApplicationStage.Withdrawn },
        { ApplicationStage.Interviewing, ApplicationStage.Interviewing },
        { ApplicationStage.Interviewing, ApplicationStage.Offer },
        { ApplicationStage.Interviewing, ApplicationStage.Rejected },
        { ApplicationStage.Interviewing, ApplicationStage.Withdrawn },
        { ApplicationStage.Offer, ApplicationStage.Withdrawn },
    };

    public static TheoryData<string, string> RefusedMoves()
    {
        var refused = new TheoryData<string, string>();
        var allowed = AllowedMoves.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        foreach (var from in ApplicationStage.All)
        foreach (var to in ApplicationStage.All.Where(to => !allowed.Contains((from, to))))
            refused.Add(from, to);
        return refused;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void an_allowed_move_lands_on_its_stage(string from, string to)
    {
        var before = At(from);
        var decision = Move(before, to, note: "  called by HR  ");

        decision.IsRefused.ShouldBeFalse();
        var after = Application.Fold(before, decision.Events)!;
        after.Stage.ShouldBe(to);
        after.UpdatedAt.ShouldBe(Now);
        decision.Events.ShouldHaveSingleItem().ToString()!.ShouldContain("Note = called by HR");
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void every_other_move_is_a_conflict_with_the_reason(string from, string to)
    {
        var refusal = Move(At(from), to).Refusal.ShouldNotBeNull();

        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Reason.ShouldContain(to);
    }

    [Fact]
    public void the_reasons_name_what_is_wrong()
    {
        Move(At(ApplicationStage.Withdrawn), ApplicationStage.Offer).Refusal!.Reason.ShouldBe("An application that was withdrawn cannot move to offer.");
        Move(At(ApplicationStage.Interviewing), ApplicationStage.Applied).Refusal!.Reason.ShouldBe("An application that is interviewing cannot move back to applied.");
        Move(At(ApplicationStage.Saved), ApplicationStage.Offer).Refusal!.Reason.ShouldContain("marked applied");
        Move(At(ApplicationStage.Applied), ApplicationStage.Applied).Refusal!.Reason.ShouldBe("This application is already applied.");
    }

    [Fact]
    public void interview_rounds_count_and_keep_their_dates()
    {
        var roundAt = Now.AddDays(3);
        var first = Move(At(ApplicationStage.Applied), ApplicationStage.Interviewing, roundAt: roundAt);
        var afterFirst = Application.Fold(At(ApplicationStage.Applied), first.Events)!;
        var afterSecond = Application.Fold(afterFirst, Move(afterFirst, ApplicationStage.Interviewing).Events)!;

        first.Events.ShouldHaveSingleItem().ShouldBe(new InterviewRoundRecorded(roundAt, null, Now));
        afterSecond.InterviewRounds.ShouldBe(2);
    }

    [Fact]
    public void bad_moves_are_invalid_before_any_rule()
    {
        Move(At(ApplicationStage.Applied), "hired").Refusal!.ShouldBe(new Refusal(RefusalKind.Invalid, "stage must be one of: saved, applied, interviewing, offer, rejected, withdrawn."));
        Move(At(ApplicationStage.Applied), ApplicationStage.Offer, roundAt: Now).Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
        Move(At(ApplicationStage.Applied), ApplicationStage.Offer, note: new string('x', 2001)).Refusal!.Reason.ShouldBe("note may be at most 2000 characters.");
    }

    [Fact]
    public void a_stale_version_is_refused_before_the_stage_rules()
    {
        var application = At(ApplicationStage.Withdrawn);

        Move(application, ApplicationStage.Offer, expected: 1).Refusal!.Kind.ShouldBe(RefusalKind.StaleVersion);
        Move(application, ApplicationStage.Offer, expected: application.Version).Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
    }

    [Fact]
    public void another_seekers_application_is_not_found_for_every_command()
    {
        var application = At(ApplicationStage.Applied);

        ApplicationDecisions.Move(application, new MoveApplication(ApplicationStage.Offer, null, null, null), OtherSeeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        ApplicationDecisions.AddNote(application, "mine", OtherSeeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        ApplicationDecisions.Schedule(application, new ScheduleReminder(Guid.NewGuid(), Now.AddDays(1), "x"), OtherSeeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        ApplicationDecisions.Cancel(application, Guid.NewGuid(), OtherSeeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        ApplicationDecisions.Unsave(Given(), OtherSeeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        ApplicationDecisions.Move(null, new MoveApplication(ApplicationStage.Offer, null, null, null), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void saving_starts_the_stream_once_and_needs_the_job()
    {
        ApplicationDecisions.Save(null, Id, JobId, jobExists: true, Seeker, Now).Events.ShouldHaveSingleItem()
            .ShouldBe(new JobSaved(Id, Seeker.Id, JobId, Now));
        ApplicationDecisions.Save(At(ApplicationStage.Offer), Id, JobId, jobExists: true, Seeker, Now).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.Save(null, Id, JobId, jobExists: false, Seeker, Now).Refusal!.ShouldBe(new Refusal(RefusalKind.NotFound, "No such job."));
    }

    [Fact]
    public void unsaving_removes_only_a_merely_saved_job_and_saving_again_continues_the_stream()
    {
        var saved = Given(new ReminderScheduled(Guid.NewGuid(), Now.AddDays(1), "apply by Friday", Now));
        var unsaved = ApplicationDecisions.Unsave(saved, Seeker, Now);
        var removed = Application.Fold(saved, unsaved.Events)!;

        unsaved.Events.ShouldHaveSingleItem().ShouldBe(new JobUnsaved(Now));
        removed.IsTracked.ShouldBeFalse();
        removed.Reminders.ShouldBeEmpty();
        ApplicationDecisions.Unsave(removed, Seeker, Now).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.Unsave(null, Seeker, Now).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.Unsave(At(ApplicationStage.Applied), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
        var again = Application.Fold(removed, ApplicationDecisions.Save(removed, Id, JobId, true, Seeker, Now.AddDays(1)).Events)!;
        (again.IsTracked, again.Stage, again.SavedAt).ShouldBe((true, ApplicationStage.Saved, Now.AddDays(1)));
    }

    [Fact]
    public void i_applied_records_the_company_site_on_a_past_or_todays_date()
    {
        var fromNothing = ApplicationDecisions.MarkApplied(null, Id, JobId, true, new MarkApplied(null, " sent CV "), Seeker, Now);
        var fromSaved = ApplicationDecisions.MarkApplied(Given(), Id, JobId, true, new MarkApplied(Today.AddDays(-2), null), Seeker, Now);

        fromNothing.Events.ShouldHaveSingleItem().ShouldBe(new ApplicationRecorded(Id, Seeker.Id, JobId, ApplicationChannel.CompanySite, Today, "sent CV", Now));
        var applied = Application.Fold(Given(), fromSaved.Events)!;
        (applied.Stage, applied.Channel, applied.AppliedOn).ShouldBe((ApplicationStage.Applied, ApplicationChannel.CompanySite, Today.AddDays(-2)));
        ApplicationDecisions.MarkApplied(null, Id, JobId, true, new MarkApplied(Today.AddDays(1), null), Seeker, Now).Refusal!
            .ShouldBe(new Refusal(RefusalKind.Invalid, "applied_on cannot be in the future."));
        ApplicationDecisions.MarkApplied(null, Id, JobId, true, new MarkApplied(null, new string('x', 2001)), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
        ApplicationDecisions.MarkApplied(At(ApplicationStage.Applied), Id, JobId, true, new MarkApplied(null, null), Seeker, Now).Refusal!
            .ShouldBe(new Refusal(RefusalKind.Conflict, "You already recorded applying to this job on 25 Feb 2026."));
        ApplicationDecisions.MarkApplied(null, Id, JobId, false, new MarkApplied(null, null), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void notes_are_required_and_short_and_allowed_on_closed_applications()
    {
        ApplicationDecisions.AddNote(At(ApplicationStage.Withdrawn), " thanked them ", Seeker, Now).Events.ShouldHaveSingleItem().ShouldBe(new NoteAdded("thanked them", Now));
        ApplicationDecisions.AddNote(At(ApplicationStage.Applied), "  ", Seeker, Now).Refusal!.ShouldBe(new Refusal(RefusalKind.Invalid, "note is required."));
        ApplicationDecisions.AddNote(At(ApplicationStage.Applied), new string('x', 2001), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
    }

    [Fact]
    public void a_reminder_is_due_within_a_year_with_a_short_text()
    {
        var id = Guid.NewGuid();
        var application = At(ApplicationStage.Applied);
        Decision Schedule(DateTimeOffset? due, string? text) => ApplicationDecisions.Schedule(application, new ScheduleReminder(id, due, text), Seeker, Now);

        Schedule(Now.AddDays(7), " Follow up ").Events.ShouldHaveSingleItem().ShouldBe(new ReminderScheduled(id, Now.AddDays(7), "Follow up", Now));
        Schedule(Now, "x").Refusal!.Reason.ShouldBe("due_at must be in the future.");
        Schedule(Now.AddDays(366), "x").Refusal!.Reason.ShouldBe("due_at may be at most one year ahead.");
        Schedule(null, "x").Refusal!.Reason.ShouldBe("due_at is required.");
        Schedule(Now.AddDays(1), " ").Refusal!.Reason.ShouldBe("text is required.");
        Schedule(Now.AddDays(1), new string('x', 201)).Refusal!.Reason.ShouldBe("text may be at most 200 characters.");
    }

    [Fact]
    public void pending_reminders_are_soonest_first_and_delivered_or_cancelled_ones_leave()
    {
        var (later, sooner, cancelled) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var application = Given(
            new ReminderScheduled(later, Now.AddDays(9), "later", Now),
            new ReminderScheduled(sooner, Now.AddDays(1), "sooner", Now),
            new ReminderScheduled(cancelled, Now.AddDays(2), "cancelled", Now),
            new ReminderCancelled(cancelled, Now));

        application.Reminders.Select(r => r.Id).ShouldBe([sooner, later]);
        var delivered = ApplicationDecisions.Deliver(application, sooner, Now.AddDays(1));
        delivered.Events.ShouldHaveSingleItem().ShouldBe(new ReminderDelivered(sooner, Now.AddDays(1)));
        var after = Application.Fold(application, delivered.Events)!;
        after.Reminders.ShouldHaveSingleItem().Id.ShouldBe(later);

        ApplicationDecisions.Deliver(after, sooner, Now.AddDays(1)).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.Deliver(after, cancelled, Now.AddDays(2)).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.Cancel(after, sooner, Seeker, Now).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.Cancel(after, later, Seeker, Now).Events.ShouldHaveSingleItem().ShouldBe(new ReminderCancelled(later, Now));
    }

    [Fact]
    public void an_ottobon_application_is_recorded_once_from_nothing_or_saved()
    {
        var fromNothing = ApplicationDecisions.RecordOttobonApplication(null, Id, Seeker.Id, JobId, "Keen", Now);
        var recorded = Application.Fold(null, fromNothing.Events)!;

        (recorded.Stage, recorded.Channel, recorded.ProviderStage, recorded.AppliedOn, recorded.SavedAt)
            .ShouldBe((ApplicationStage.Applied, ApplicationChannel.Ottobon, ApplicantStage.New, Today, Now));
        ApplicationDecisions.RecordOttobonApplication(Given(), Id, Seeker.Id, JobId, null, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<ApplicationRecorded>();
        ApplicationDecisions.RecordOttobonApplication(recorded with { Version = 1 }, Id, Seeker.Id, JobId, "Keen", Now).ShouldBe(Decision.Unchanged);
    }

    public static TheoryData<string, string> ProviderStages => new()
    {
        { ApplicantStage.Shortlisted, ApplicationStage.Applied },
        { ApplicantStage.Interview, ApplicationStage.Interviewing },
        { ApplicantStage.Offer, ApplicationStage.Offer },
        { ApplicantStage.Rejected, ApplicationStage.Rejected },
    };

    [Theory]
    [MemberData(nameof(ProviderStages))]
    public void a_provider_move_maps_to_the_tracker_stage_and_keeps_the_providers_name(string providerStage, string stage)
    {
        var application = Given(Applied(ApplicationChannel.Ottobon));

        var decision = ApplicationDecisions.ProviderMove(application, Id, Seeker.Id, JobId, providerStage, Now);
        var after = Application.Fold(application, decision.Events)!;

        decision.Events.ShouldHaveSingleItem().ShouldBe(new ProviderMovedApplication(providerStage, stage, Now));
        (after.Stage, after.ProviderStage).ShouldBe((stage, providerStage));
        ApplicationDecisions.ProviderMove(after, Id, Seeker.Id, JobId, providerStage, Now).ShouldBe(Decision.Unchanged, "a redelivered move changes nothing");
    }

    [Fact]
    public void a_provider_interview_counts_one_round_and_the_provider_may_reconsider_a_rejection()
    {
        var application = Given(Applied(ApplicationChannel.Ottobon));
        application = Application.Fold(application, ApplicationDecisions.ProviderMove(application, Id, Seeker.Id, JobId, ApplicantStage.Interview, Now).Events)!;
        application = Application.Fold(application, ApplicationDecisions.ProviderMove(application, Id, Seeker.Id, JobId, ApplicantStage.Rejected, Now).Events)!;
        application = Application.Fold(application, ApplicationDecisions.ProviderMove(application, Id, Seeker.Id, JobId, ApplicantStage.Shortlisted, Now).Events)!;

        (application.Stage, application.ProviderStage, application.InterviewRounds).ShouldBe((ApplicationStage.Applied, ApplicantStage.Shortlisted, 1));
    }

    [Fact]
    public void a_provider_move_that_overtakes_the_application_records_it_first_and_a_withdrawn_one_ignores_it()
    {
        var decision = ApplicationDecisions.ProviderMove(null, Id, Seeker.Id, JobId, ApplicantStage.Shortlisted, Now);

        decision.Events.Select(e => e.GetType()).ShouldBe([typeof(ApplicationRecorded), typeof(ProviderMovedApplication)]);
        Application.Fold(null, decision.Events)!.Channel.ShouldBe(ApplicationChannel.Ottobon);
        ApplicationDecisions.ProviderMove(At(ApplicationStage.Withdrawn), Id, Seeker.Id, JobId, ApplicantStage.Offer, Now).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.ProviderMove(At(ApplicationStage.Applied), Id, Seeker.Id, JobId, "hired", Now).Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
    }

    [Fact]
    public void an_erased_application_takes_nothing_more()
    {
        var reminder = Guid.NewGuid();
        var application = Given(Applied(ApplicationChannel.Ottobon), new ReminderScheduled(reminder, Now.AddDays(1), "x", Now));
        var erase = ApplicationDecisions.Erase(application, Now);
        var erased = Application.Fold(application, erase.Events)! with { Version = application.Version + 1 };

        erase.Events.ShouldHaveSingleItem().ShouldBe(new ApplicationErased(Now));
        ApplicationDecisions.Erase(erased, Now).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.Erase(null, Now).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.Deliver(erased, reminder, Now.AddDays(1)).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.ProviderMove(erased, Id, Seeker.Id, JobId, ApplicantStage.Offer, Now).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.RecordOttobonApplication(erased, Id, Seeker.Id, JobId, null, Now).ShouldBe(Decision.Unchanged);
        ApplicationDecisions.AddNote(erased, "x", Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        ApplicationDecisions.Save(erased, Id, JobId, true, Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }
}
