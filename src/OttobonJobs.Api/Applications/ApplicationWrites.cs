using Marten;
using OttobonJobs.Api.Notifications;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Notifications;
using OttobonJobs.Projections.Applications;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Applications;

/// <summary>What a tracker write came to: refused with the reason, or the application before and after it.</summary>
public sealed record ApplicationOutcome(Refusal? Refusal, Application? Before, Application? After)
{
    /// <summary>The write put the application on the tracker (a first save, or "I applied" on a job not tracked yet).</summary>
    public bool Started => Before is not { IsTracked: true } && After is { IsTracked: true };

    public static ApplicationOutcome Of(Application? before, Decision decision) =>
        decision.Refusal is { } refusal ? new(refusal, before, before)
        : new(null, before, decision.Events.Count == 0 ? before : Application.Fold(before, decision.Events)! with
        {
            Version = (before?.Version ?? 0) + decision.Events.Count,
        });
}

// The tracker's commands, each decided by the application's own stream (ApplicationIds.For(seeker, job)). The HTTP
// endpoints read what the decision needs (does the job exist?) and hand the command over; the handler commits the
// events and the messages they cause in one transaction.

public record SaveJobToTracker(Guid ApplicationId, Guid JobId, bool JobExists, Actor Actor);

public record UnsaveJob(Guid ApplicationId, Actor Actor);

public record RecordAppliedOnCompanySite(Guid ApplicationId, Guid JobId, bool JobExists, MarkApplied Command, Actor Actor);

public record MoveTrackedApplication(Guid ApplicationId, MoveApplication Command, Actor Actor);

public record AddTrackerNote(Guid ApplicationId, string? Note, Actor Actor);

public record ScheduleTrackerReminder(Guid ApplicationId, ScheduleReminder Command, Actor Actor);

public record CancelTrackerReminder(Guid ApplicationId, Guid ReminderId, Actor Actor);

/// <summary>The durable scheduled message of a reminder: it fires at the reminder's due time, on whichever node is up then.</summary>
public record DeliverTrackerReminder(Guid ApplicationId, Guid ReminderId);

public static class SaveJobToTrackerHandler
{
    [Emits(typeof(JobSaved))]
    public static (ApplicationOutcome, Events) Handle(
        SaveJobToTracker command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application, TimeProvider clock)
    {
        var decision = ApplicationDecisions.Save(application, command.ApplicationId, command.JobId, command.JobExists, command.Actor, clock.GetUtcNow());
        return (ApplicationOutcome.Of(application, decision), new Events(decision.Events));
    }
}

public static class UnsaveJobHandler
{
    [Emits(typeof(JobUnsaved))]
    public static (ApplicationOutcome, Events) Handle(
        UnsaveJob command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application, TimeProvider clock)
    {
        var decision = ApplicationDecisions.Unsave(application, command.Actor, clock.GetUtcNow());
        return (ApplicationOutcome.Of(application, decision), new Events(decision.Events));
    }
}

public static class RecordAppliedOnCompanySiteHandler
{
    [Emits(typeof(ApplicationRecorded))]
    public static (ApplicationOutcome, Events) Handle(
        RecordAppliedOnCompanySite command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application,
        TimeProvider clock)
    {
        var decision = ApplicationDecisions.MarkApplied(
            application, command.ApplicationId, command.JobId, command.JobExists, command.Command, command.Actor, clock.GetUtcNow());
        return (ApplicationOutcome.Of(application, decision), new Events(decision.Events));
    }
}

public static class MoveTrackedApplicationHandler
{
    /// <summary>Withdrawing an application made through Ottobon tells the provider's pipeline, which drops its access to the resume.</summary>
    [Emits(typeof(ApplicationRecorded), typeof(InterviewRoundRecorded), typeof(OfferReceived), typeof(ApplicationRejected), typeof(ApplicationWithdrawn))]
    public static (ApplicationOutcome, Events, OutgoingMessages) Handle(
        MoveTrackedApplication command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application,
        TimeProvider clock)
    {
        var decision = ApplicationDecisions.Move(application, command.Command, command.Actor, clock.GetUtcNow());
        var outgoing = new OutgoingMessages();
        if (application is { Channel: ApplicationChannel.Ottobon })
            outgoing.AddRange(decision.Events.OfType<ApplicationWithdrawn>()
                .Select(withdrawn => new SeekerWithdrewApplication(application.SeekerId, application.JobId, withdrawn.WithdrawnAt)));
        return (ApplicationOutcome.Of(application, decision), new Events(decision.Events), outgoing);
    }
}

public static class AddTrackerNoteHandler
{
    [Emits(typeof(NoteAdded))]
    public static (ApplicationOutcome, Events) Handle(
        AddTrackerNote command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application, TimeProvider clock)
    {
        var decision = ApplicationDecisions.AddNote(application, command.Note, command.Actor, clock.GetUtcNow());
        return (ApplicationOutcome.Of(application, decision), new Events(decision.Events));
    }
}

public static class ScheduleTrackerReminderHandler
{
    /// <summary>The reminder's delivery is scheduled in the same transaction as its event: both or neither.</summary>
    [Emits(typeof(ReminderScheduled))]
    public static (ApplicationOutcome, Events, OutgoingMessages) Handle(
        ScheduleTrackerReminder command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application,
        TimeProvider clock)
    {
        var decision = ApplicationDecisions.Schedule(application, command.Command, command.Actor, clock.GetUtcNow());
        var outgoing = new OutgoingMessages();
        foreach (var scheduled in decision.Events.OfType<ReminderScheduled>())
            outgoing.Add(new DeliverTrackerReminder(command.ApplicationId, scheduled.ReminderId).ScheduledAt(scheduled.DueAt));
        return (ApplicationOutcome.Of(application, decision), new Events(decision.Events), outgoing);
    }
}

public static class CancelTrackerReminderHandler
{
    /// <summary>The scheduled message stays; when it fires, the reminder is no longer pending and it does nothing.</summary>
    [Emits(typeof(ReminderCancelled))]
    public static (ApplicationOutcome, Events) Handle(
        CancelTrackerReminder command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application,
        TimeProvider clock)
    {
        var decision = ApplicationDecisions.Cancel(application, command.ReminderId, command.Actor, clock.GetUtcNow());
        return (ApplicationOutcome.Of(application, decision), new Events(decision.Events));
    }
}

public static class DeliverTrackerReminderHandler
{
    /// <summary>A reminder comes due: recorded as delivered and sent to the seeker's notifications, once (the dedup key is the reminder's).</summary>
    [Emits(typeof(ReminderDelivered))]
    public static async Task<(Events, OutgoingMessages)> Handle(
        DeliverTrackerReminder command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application,
        IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var decision = ApplicationDecisions.Deliver(application, command.ReminderId, clock.GetUtcNow());
        if (decision.Events.Count == 0) return ([], []);

        var reminder = application!.PendingReminder(command.ReminderId)!;
        var job = await session.LoadAsync<JobFeedItem>(application.JobId, cancellationToken);
        var notify = new NotifyUser(
            application.SeekerId, NotificationKinds.Reminder, $"Reminder: {reminder.Text}",
            job is null ? "About one of your applications." : $"About your application to {job.Title} at {job.CompanyName}.",
            ApplicationLinks.PageOf(application.Id), $"reminder:{reminder.Id:N}");
        return (new Events(decision.Events), [notify]);
    }
}

public static class ApplicationLinks
{
    /// <summary>The SPA's application page, the link of the tracker's notifications.</summary>
    public static string PageOf(Guid applicationId) => $"/applications/{applicationId}";
}
