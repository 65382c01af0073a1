using OttobonJobs.Domain.Applicants;
using OttobonJobs.Domain.Decisions;

namespace OttobonJobs.Domain.Applications;

/// <summary>The seeker marks a job applied on the company's site, on <paramref name="AppliedOn"/> (today when null).</summary>
public record MarkApplied(DateOnly? AppliedOn, string? Note);

/// <summary>The seeker moves their application to <paramref name="To"/>; <paramref name="RoundAt"/> only for interviewing.</summary>
public record MoveApplication(string? To, string? Note, DateTimeOffset? RoundAt, long? ExpectedVersion);

public record ScheduleReminder(Guid ReminderId, DateTimeOffset? DueAt, string? Text);

public static class ApplicationRules
{
    public const int MaxNoteLength = 2000;
    public const int MaxReminderLength = 200;
    public static readonly TimeSpan MaxReminderAhead = TimeSpan.FromDays(365);

    /// <summary>
    /// Where the seeker may move an application from each stage: forward only, withdrawing until the end, another
    /// interview round while interviewing; rejected and withdrawn are final. A saved job only becomes applied.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Moves = new Dictionary<string, IReadOnlyList<string>>
    {
        [ApplicationStage.Saved] = [ApplicationStage.Applied],
        [ApplicationStage.Applied] = [ApplicationStage.Interviewing, ApplicationStage.Offer, ApplicationStage.Rejected, ApplicationStage.Withdrawn],
        [ApplicationStage.Interviewing] = [ApplicationStage.Interviewing, ApplicationStage.Offer, ApplicationStage.Rejected, ApplicationStage.Withdrawn],
        [ApplicationStage.Offer] = [ApplicationStage.Withdrawn],
        [ApplicationStage.Rejected] = [],
        [ApplicationStage.Withdrawn] = [],
    };

    /// <summary>The provider's pipeline stage → the tracker's stage (shortlisted is still "applied" for the seeker).</summary>
    public static string? StageForProvider(string providerStage) => providerStage switch
    {
        ApplicantStage.New or ApplicantStage.Shortlisted => ApplicationStage.Applied,
        ApplicantStage.Interview => ApplicationStage.Interviewing,
        ApplicantStage.Offer => ApplicationStage.Offer,
        ApplicantStage.Rejected => ApplicationStage.Rejected,
        _ => null,
    };

    /// <summary>Why a note is not acceptable, or null; an empty note counts as none.</summary>
    public static string? CheckNote(string? note) =>
        note is { Length: > MaxNoteLength } ? $"note may be at most {MaxNoteLength} characters." : null;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Why a reminder is not acceptable, or null.</summary>
    public static string? CheckReminder(DateTimeOffset? dueAt, string? text, DateTimeOffset now) =>
        dueAt is not { } due ? "due_at is required."
        : due <= now ? "due_at must be in the future."
        : due > now + MaxReminderAhead ? "due_at may be at most one year ahead."
        : Clean(text) is not { } clean ? "text is required."
        : clean.Length > MaxReminderLength ? $"text may be at most {MaxReminderLength} characters."
        : null;
}

/// <summary>The application stream's decisions: pure functions of its state, the command, who asks and the time.</summary>
public static class ApplicationDecisions
{
    private const string NoSuchApplication = "No such application.";

    /// <summary>Saving a job starts (or restarts) the stream; a job already tracked at any stage is left as it is.</summary>
    public static Decision Save(Application? application, Guid applicationId, Guid jobId, bool jobExists, Actor actor, DateTimeOffset now)
    {
        if (application is { IsTracked: true }) return Owned(application, actor) ?? Decision.Unchanged;
        if (application is { Erased: true }) return Decision.Refuse(RefusalKind.NotFound, NoSuchApplication);
        if (!jobExists) return Decision.Refuse(RefusalKind.NotFound, "No such job.");
        return Decision.Accept(new JobSaved(applicationId, actor.Id, jobId, now));
    }

    /// <summary>Takes a merely saved job off the tracker; nothing to take off is fine, an application past saved is not.</summary>
    public static Decision Unsave(Application? application, Actor actor, DateTimeOffset now)
    {
        if (application is not { IsTracked: true }) return Decision.Unchanged;
        if (Owned(application, actor) is { } refused) return refused;
        if (application.Stage != ApplicationStage.Saved)
            return Decision.Refuse(RefusalKind.Conflict,
                $"This application is {application.Stage}: only a job that is merely saved can be removed from the tracker.");
        return Decision.Accept(new JobUnsaved(now));
    }

    /// <summary>"I applied" on the company's site, from a saved job or none.</summary>
    public static Decision MarkApplied(Application? application, Guid applicationId, Guid jobId, bool jobExists, MarkApplied command, Actor actor, DateTimeOffset now)
    {
        if (application is { Erased: true }) return Decision.Refuse(RefusalKind.NotFound, NoSuchApplication);
        if (application is { IsTracked: true } && Owned(application, actor) is { } refused) return refused;
        if (application is null or { Removed: true } && !jobExists) return Decision.Refuse(RefusalKind.NotFound, "No such job.");
        if (application is { IsTracked: true, Stage: not ApplicationStage.Saved } applied)
            return Decision.Refuse(RefusalKind.Conflict, applied.AppliedOn is { } on
                ? $"You already recorded applying to this job on {on:d MMM yyyy}."
                : $"This application is already {applied.Stage}.");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var appliedOn = command.AppliedOn ?? today;
        if (appliedOn > today) return Decision.Refuse(RefusalKind.Invalid, "applied_on cannot be in the future.");
        if (ApplicationRules.CheckNote(command.Note) is { } problem) return Decision.Refuse(RefusalKind.Invalid, problem);

        return Decision.Accept(new ApplicationRecorded(
            applicationId, actor.Id, jobId, ApplicationChannel.CompanySite, appliedOn, ApplicationRules.Clean(command.Note), now));
    }

    /// <summary>A seeker's move on their board or application page. The table is <see cref="ApplicationRules.Moves"/>.</summary>
    public static Decision Move(Application? application, MoveApplication command, Actor actor, DateTimeOffset now)
    {
        if (Tracked(application, actor) is { } refused) return refused;
        if (ExpectedVersion.Check(command.ExpectedVersion, application!.Version, "application") is { } stale) return stale;
        if (command.To is not { } to || !ApplicationStage.All.Contains(to))
            return Decision.Refuse(RefusalKind.Invalid, $"stage must be one of: {string.Join(", ", ApplicationStage.All)}.");
        if (ApplicationRules.CheckNote(command.Note) is { } problem) return Decision.Refuse(RefusalKind.Invalid, problem);
        if (command.RoundAt is not null && to != ApplicationStage.Interviewing)
            return Decision.Refuse(RefusalKind.Invalid, "round_at is only for a move to interviewing.");
        if (!ApplicationRules.Moves[application.Stage].Contains(to)) return Decision.Refuse(RefusalKind.Conflict, WhyNot(application.Stage, to));

        var note = ApplicationRules.Clean(command.Note);
        object moved = to switch
        {
            ApplicationStage.Applied => new ApplicationRecorded(
                application.Id, application.SeekerId, application.JobId, ApplicationChannel.CompanySite, DateOnly.FromDateTime(now.UtcDateTime), note, now),
            ApplicationStage.Interviewing => new InterviewRoundRecorded(command.RoundAt, note, now),
            ApplicationStage.Offer => new OfferReceived(note, now),
            ApplicationStage.Rejected => new ApplicationRejected(note, now),
            _ => new ApplicationWithdrawn(note, now),
        };
        return Decision.Accept(moved);
    }

    public static Decision AddNote(Application? application, string? note, Actor actor, DateTimeOffset now)
    {
        if (Tracked(application, actor) is { } refused) return refused;
        if (ApplicationRules.Clean(note) is not { } clean) return Decision.Refuse(RefusalKind.Invalid, "note is required.");
        if (ApplicationRules.CheckNote(clean) is { } problem) return Decision.Refuse(RefusalKind.Invalid, problem);
        return Decision.Accept(new NoteAdded(clean, now));
    }

    public static Decision Schedule(Application? application, ScheduleReminder command, Actor actor, DateTimeOffset now)
    {
        if (Tracked(application, actor) is { } refused) return refused;
        if (ApplicationRules.CheckReminder(command.DueAt, command.Text, now) is { } problem) return Decision.Refuse(RefusalKind.Invalid, problem);
        return Decision.Accept(new ReminderScheduled(command.ReminderId, command.DueAt!.Value, ApplicationRules.Clean(command.Text)!, now));
    }

    /// <summary>Cancelling a reminder that already fired or was cancelled changes nothing.</summary>
    public static Decision Cancel(Application? application, Guid reminderId, Actor actor, DateTimeOffset now)
    {
        if (Tracked(application, actor) is { } refused) return refused;
        return application!.PendingReminder(reminderId) is null ? Decision.Unchanged : Decision.Accept(new ReminderCancelled(reminderId, now));
    }

    /// <summary>The scheduled message came due: only a pending reminder of a tracked application is delivered, once.</summary>
    public static Decision Deliver(Application? application, Guid reminderId, DateTimeOffset now) =>
        application is { IsTracked: true } && application.PendingReminder(reminderId) is not null
            ? Decision.Accept(new ReminderDelivered(reminderId, now))
            : Decision.Unchanged;

    /// <summary>The seeker applied through Ottobon: recorded once, whatever the tracker held before (nothing, or saved).</summary>
    public static Decision RecordOttobonApplication(Application? application, Guid applicationId, Guid seekerId, Guid jobId, string? note, DateTimeOffset appliedAt) =>
        application switch
        {
            { Erased: true } => Decision.Unchanged,
            { IsTracked: true, Stage: not ApplicationStage.Saved } => Decision.Unchanged,
            _ => Decision.Accept(OttobonApplication(applicationId, seekerId, jobId, note, appliedAt)),
        };

    /// <summary>
    /// The provider moved the application in their pipeline. A redelivered move (the same provider stage) changes
    /// nothing; a withdrawn or erased application no longer follows the provider. A move that overtakes the application
    /// message records the application first, so the tracker never misses it.
    /// </summary>
    public static Decision ProviderMove(Application? application, Guid applicationId, Guid seekerId, Guid jobId, string providerStage, DateTimeOffset movedAt)
    {
        if (ApplicationRules.StageForProvider(providerStage) is not { } stage)
            return Decision.Refuse(RefusalKind.Invalid, $"Unknown provider stage {providerStage}.");
        if (application is { Erased: true } or { IsTracked: true, Stage: ApplicationStage.Withdrawn }) return Decision.Unchanged;
        var moved = new ProviderMovedApplication(providerStage, stage, movedAt);
        if (application is not { IsTracked: true } || application.Stage == ApplicationStage.Saved)
            return Decision.Accept(OttobonApplication(applicationId, seekerId, jobId, null, movedAt), moved);
        if (application.ProviderStage == providerStage) return Decision.Unchanged;
        return Decision.Accept(moved);
    }

    public static Decision Erase(Application? application, DateTimeOffset now) =>
        application is null or { Erased: true } ? Decision.Unchanged : Decision.Accept(new ApplicationErased(now));

    private static ApplicationRecorded OttobonApplication(Guid applicationId, Guid seekerId, Guid jobId, string? note, DateTimeOffset at) =>
        new(applicationId, seekerId, jobId, ApplicationChannel.Ottobon, DateOnly.FromDateTime(at.UtcDateTime), ApplicationRules.Clean(note), at);

    // Another seeker's application answers like a missing one, so ids don't leak.
    private static Decision? Owned(Application application, Actor actor) =>
        application.SeekerId == actor.Id ? null : Decision.Refuse(RefusalKind.NotFound, NoSuchApplication);

    private static Decision? Tracked(Application? application, Actor actor) =>
        application is not { IsTracked: true } ? Decision.Refuse(RefusalKind.NotFound, NoSuchApplication) : Owned(application, actor);

    private static string WhyNot(string from, string to) =>
        from is ApplicationStage.Rejected or ApplicationStage.Withdrawn ? $"An application that was {from} cannot move to {to}."
        : from == to ? $"This application is already {Describe(from)}."
        : Rank(to) < Rank(from) ? $"An application that is {Describe(from)} cannot move back to {to}."
        : from == ApplicationStage.Saved ? $"A saved job must be marked applied before it can move to {to}."
        : $"An application that is {Describe(from)} cannot move to {to}.";

    // The forward order of the stages; rejected and withdrawn end it.
    private static int Rank(string stage) => stage switch
    {
        ApplicationStage.Saved => 0,
        ApplicationStage.Applied => 1,
        ApplicationStage.Interviewing => 2,
        ApplicationStage.Offer => 3,
        _ => 4,
    };

    private static string Describe(string stage) => stage switch
    {
        ApplicationStage.Offer => "at the offer stage",
        _ => stage,
    };
}
