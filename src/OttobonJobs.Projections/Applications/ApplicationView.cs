using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using OttobonJobs.Domain;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Projections.Applications;

/// <summary>One event of an application as its timeline shows it; <see cref="Stage"/> is the stage the event moved it to, if any.</summary>
public record ApplicationTimelineEntry(
    long Version, DateTimeOffset At, string Kind, string? Stage, string? Note, string Actor, DateTimeOffset? RoundAt);

/// <summary>
/// A seeker's application as the tracker lists it: the stream's state (<see cref="State"/>, the same fold the decisions
/// use) and its timeline. The job's title, status and the fit are read at query time, so an archived job shows as
/// archived without rewriting the tracker. A job taken off the tracker stays here, <see cref="Removed"/>, so an erasure
/// still finds its stream; an erased one is deleted.
/// </summary>
public record ApplicationView
{
    public Guid Id { get; init; }
    public Guid SeekerId { get; init; }
    public Guid JobId { get; init; }
    public string Stage { get; init; } = ApplicationStage.Saved;
    public DateTimeOffset UpdatedAt { get; init; }
    public bool Removed { get; init; }
    public Application State { get; init; } = new();
    public IReadOnlyList<ApplicationTimelineEntry> Timeline { get; init; } = [];
}

public class ApplicationViewProjection : SingleStreamProjection<ApplicationView, Guid>
{
    private static readonly Dictionary<Type, string> Kinds = ApplicationEvents.Contract.ToDictionary(c => c.Type, c => c.Name);

    public ApplicationViewProjection() => this.IncludeTypes(ApplicationEvents.Contract);

    public override ApplicationView? Evolve(ApplicationView? view, Guid id, IEvent e)
    {
        var version = FoldedVersion.After(view?.State.Version, e);
        if (Application.Evolve(view?.State, e.Data) is not { Erased: false } state) return null;
        state = state with { Version = version };
        var timeline = view?.Timeline ?? [];
        return new ApplicationView
        {
            Id = state.Id, SeekerId = state.SeekerId, JobId = state.JobId, Stage = state.Stage, UpdatedAt = state.UpdatedAt, Removed = state.Removed,
            State = state,
            Timeline = [.. timeline, EntryOf(e.Data, version, e.Timestamp)],
        };
    }

    /// <summary>The timeline entry of one event; every event carries its own time (the log's timestamp is only a fallback).</summary>
    public static ApplicationTimelineEntry EntryOf(object data, long version, DateTimeOffset logged)
    {
        var kind = Kinds.GetValueOrDefault(data.GetType(), data.GetType().Name);
        return data switch
        {
            JobSaved e => new(version, e.SavedAt, kind, ApplicationStage.Saved, null, ApplicationActor.Seeker, null),
            JobUnsaved e => new(version, e.UnsavedAt, kind, null, null, ApplicationActor.Seeker, null),
            ApplicationRecorded e => new(version, e.RecordedAt, kind, ApplicationStage.Applied, e.Note, ApplicationActor.Seeker, null),
            InterviewRoundRecorded e => new(version, e.RecordedAt, kind, ApplicationStage.Interviewing, e.Note, ApplicationActor.Seeker, e.RoundAt),
            OfferReceived e => new(version, e.RecordedAt, kind, ApplicationStage.Offer, e.Note, ApplicationActor.Seeker, null),
            ApplicationRejected e => new(version, e.RecordedAt, kind, ApplicationStage.Rejected, e.Note, ApplicationActor.Seeker, null),
            ApplicationWithdrawn e => new(version, e.WithdrawnAt, kind, ApplicationStage.Withdrawn, e.Note, ApplicationActor.Seeker, null),
            NoteAdded e => new(version, e.AddedAt, kind, null, e.Note, ApplicationActor.Seeker, null),
            ReminderScheduled e => new(version, e.ScheduledAt, kind, null, e.Text, ApplicationActor.Seeker, null),
            ReminderDelivered e => new(version, e.DeliveredAt, kind, null, null, ApplicationActor.System, null),
            ReminderCancelled e => new(version, e.CancelledAt, kind, null, null, ApplicationActor.Seeker, null),
            ProviderMovedApplication e => new(version, e.MovedAt, kind, e.Stage, null, ApplicationActor.Provider, null),
            _ => new(version, logged, kind, null, null, ApplicationActor.System, null),
        };
    }
}

public static class ApplicationsStoreConfiguration
{
    public static StoreOptions AddApplications(this StoreOptions opts)
    {
        opts.Projections.Add<ApplicationAggregate>(ProjectionLifecycle.Live);
        opts.Projections.Add<ApplicationViewProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ApplicationView>().Index(x => x.SeekerId);
        opts.AddEventContract(ApplicationEvents.Contract);

        // An erased seeker's applications keep their facts (stages, dates) and lose what they wrote.
        opts.Events.AddMaskingRuleForProtectedInformation<ApplicationRecorded>(e => e with { Note = null });
        opts.Events.AddMaskingRuleForProtectedInformation<InterviewRoundRecorded>(e => e with { Note = null });
        opts.Events.AddMaskingRuleForProtectedInformation<OfferReceived>(e => e with { Note = null });
        opts.Events.AddMaskingRuleForProtectedInformation<ApplicationRejected>(e => e with { Note = null });
        opts.Events.AddMaskingRuleForProtectedInformation<ApplicationWithdrawn>(e => e with { Note = null });
        opts.Events.AddMaskingRuleForProtectedInformation<NoteAdded>(e => e with { Note = ErasedUser.Text });
        opts.Events.AddMaskingRuleForProtectedInformation<ReminderScheduled>(e => e with { Text = ErasedUser.Text });
        return opts;
    }
}
