using System.Collections.Immutable;

namespace OttobonJobs.Domain.Applications;

/// <summary>The stages of a seeker's application in their tracker, under the names the API and the SPA use.</summary>
public static class ApplicationStage
{
    public const string Saved = "saved";
    public const string Applied = "applied";
    public const string Interviewing = "interviewing";
    public const string Offer = "offer";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [Saved, Applied, Interviewing, Offer, Rejected, Withdrawn];
}

/// <summary>How the seeker applied: on the company's own site (recorded by hand) or through Ottobon (a provider's job).</summary>
public static class ApplicationChannel
{
    public const string CompanySite = "company_site";
    public const string Ottobon = "ottobon";
}

/// <summary>Who caused an event, as the timeline shows it.</summary>
public static class ApplicationActor
{
    public const string Seeker = "seeker";
    public const string Provider = "provider";
    public const string System = "system";
}

// One stream per (seeker, job), ApplicationIds.For. Every event carries its time; the actor follows from the event
// type (the seeker's own moves, the provider's moves, the system's deliveries and erasure).

public record JobSaved(Guid ApplicationId, Guid SeekerId, Guid JobId, DateTimeOffset SavedAt);

/// <summary>The seeker took a saved job off their tracker (only while it was merely saved); saving it again continues the stream.</summary>
public record JobUnsaved(DateTimeOffset UnsavedAt);

/// <summary>The seeker applied on <paramref name="AppliedOn"/>, on the company's site or through Ottobon.</summary>
public record ApplicationRecorded(
    Guid ApplicationId, Guid SeekerId, Guid JobId, string Channel, DateOnly AppliedOn, string? Note, DateTimeOffset RecordedAt);

/// <summary>An interview round, at <paramref name="RoundAt"/> when the seeker gave its date.</summary>
public record InterviewRoundRecorded(DateTimeOffset? RoundAt, string? Note, DateTimeOffset RecordedAt);

public record OfferReceived(string? Note, DateTimeOffset RecordedAt);

public record ApplicationRejected(string? Note, DateTimeOffset RecordedAt);

public record ApplicationWithdrawn(string? Note, DateTimeOffset WithdrawnAt);

public record NoteAdded(string Note, DateTimeOffset AddedAt);

public record ReminderScheduled(Guid ReminderId, DateTimeOffset DueAt, string Text, DateTimeOffset ScheduledAt);

public record ReminderDelivered(Guid ReminderId, DateTimeOffset DeliveredAt);

public record ReminderCancelled(Guid ReminderId, DateTimeOffset CancelledAt);

/// <summary>
/// The job's provider moved the application in their pipeline: <paramref name="ProviderStage"/> is their own stage name,
/// <paramref name="Stage"/> the tracker stage it maps to.
/// </summary>
public record ProviderMovedApplication(string ProviderStage, string Stage, DateTimeOffset MovedAt);

/// <summary>The seeker deleted their account: the notes and reminder texts are masked in the log, nothing is added after.</summary>
public record ApplicationErased(DateTimeOffset ErasedAt);

/// <summary>The application stream's events under their stable names (the timeline's <c>kind</c>).</summary>
public static class ApplicationEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<JobSaved>("job_saved"),
        EventContract.Of<JobUnsaved>("job_unsaved"),
        EventContract.Of<ApplicationRecorded>("application_recorded"),
        EventContract.Of<InterviewRoundRecorded>("interview_round_recorded"),
        EventContract.Of<OfferReceived>("offer_received"),
        EventContract.Of<ApplicationRejected>("application_rejected"),
        EventContract.Of<ApplicationWithdrawn>("application_withdrawn"),
        EventContract.Of<NoteAdded>("note_added"),
        EventContract.Of<ReminderScheduled>("reminder_scheduled"),
        EventContract.Of<ReminderDelivered>("reminder_delivered"),
        EventContract.Of<ReminderCancelled>("reminder_cancelled"),
        EventContract.Of<ProviderMovedApplication>("provider_moved_application"),
        EventContract.Of<ApplicationErased>("application_erased"),
    ];
}

public sealed record Reminder(Guid Id, DateTimeOffset DueAt, string Text);

/// <summary>A seeker's application to one job as its stream decides it, and as the tracker's summary shows it.</summary>
public sealed record Application
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public Guid SeekerId { get; init; }
    public Guid JobId { get; init; }
    public string Stage { get; init; } = ApplicationStage.Saved;
    public string? Channel { get; init; }
    public string? ProviderStage { get; init; }
    public DateOnly? AppliedOn { get; init; }
    public DateTimeOffset SavedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int InterviewRounds { get; init; }

    /// <summary>Pending reminders, soonest first; a delivered or cancelled one leaves this list and never comes back.</summary>
    public ImmutableList<Reminder> Reminders { get; init; } = [];

    /// <summary>Taken off the tracker while only saved: the stream is as good as none until the job is saved again.</summary>
    public bool Removed { get; init; }
    public bool Erased { get; init; }

    /// <summary>Whether the seeker has this application on their tracker at all.</summary>
    public bool IsTracked => !Removed && !Erased;

    public static Application? Evolve(Application? application, object @event) => (application, @event) switch
    {
        (null or { Removed: true }, JobSaved e) => new Application
        {
            Id = e.ApplicationId, SeekerId = e.SeekerId, JobId = e.JobId, SavedAt = e.SavedAt, UpdatedAt = e.SavedAt,
        },
        (null or { Removed: true }, ApplicationRecorded e) => Applied(
            new Application { Id = e.ApplicationId, SeekerId = e.SeekerId, JobId = e.JobId, SavedAt = e.RecordedAt }, e),
        (null, _) => null,
        ({ } a, ApplicationRecorded e) => Applied(a, e),
        ({ } a, JobUnsaved e) => a with { Removed = true, Reminders = [], UpdatedAt = e.UnsavedAt },
        ({ } a, InterviewRoundRecorded e) => a with { Stage = ApplicationStage.Interviewing, InterviewRounds = a.InterviewRounds + 1, UpdatedAt = e.RecordedAt },
        ({ } a, OfferReceived e) => a with { Stage = ApplicationStage.Offer, UpdatedAt = e.RecordedAt },
        ({ } a, ApplicationRejected e) => a with { Stage = ApplicationStage.Rejected, UpdatedAt = e.RecordedAt },
        ({ } a, ApplicationWithdrawn e) => a with { Stage = ApplicationStage.Withdrawn, UpdatedAt = e.WithdrawnAt },
        ({ } a, NoteAdded e) => a with { UpdatedAt = e.AddedAt },
        ({ } a, ReminderScheduled e) => a with
        {
            Reminders = a.Reminders.Add(new Reminder(e.ReminderId, e.DueAt, e.Text)).Sort((x, y) => x.DueAt.CompareTo(y.DueAt)),
            UpdatedAt = e.ScheduledAt,
        },
        ({ } a, ReminderDelivered e) => a with { Reminders = a.Reminders.RemoveAll(r => r.Id == e.ReminderId), UpdatedAt = e.DeliveredAt },
        ({ } a, ReminderCancelled e) => a with { Reminders = a.Reminders.RemoveAll(r => r.Id == e.ReminderId), UpdatedAt = e.CancelledAt },
        ({ } a, ProviderMovedApplication e) => a with
        {
            Stage = e.Stage,
            ProviderStage = e.ProviderStage,
            // A provider's first interview move is a round; their later moves within the interview stage are not.
            InterviewRounds = e.Stage == ApplicationStage.Interviewing && a.Stage != ApplicationStage.Interviewing ? a.InterviewRounds + 1 : a.InterviewRounds,
            UpdatedAt = e.MovedAt,
        },
        ({ } a, ApplicationErased e) => a with { Erased = true, Reminders = [], UpdatedAt = e.ErasedAt },
        _ => application,
    };

    private static Application Applied(Application a, ApplicationRecorded e) => a with
    {
        Stage = ApplicationStage.Applied,
        Channel = e.Channel,
        ProviderStage = e.Channel == ApplicationChannel.Ottobon ? Applicants.ApplicantStage.New : null,
        AppliedOn = e.AppliedOn,
        UpdatedAt = e.RecordedAt,
        Removed = false,
    };

    public static Application? Fold(Application? application, IEnumerable<object> events) => events.Aggregate(application, Evolve);

    public Reminder? PendingReminder(Guid reminderId) => Reminders.FirstOrDefault(r => r.Id == reminderId);
}
