using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Notifications;

namespace OttobonJobs.Projections.Notifications;

/// <summary>How Marten folds a notification's stream into the domain's <see cref="Notification"/> (a live aggregation, never stored).</summary>
public sealed class NotificationAggregate : SingleStreamProjection<Notification, Guid>
{
    public NotificationAggregate() => this.IncludeTypes(NotificationEvents.Contract);

    public override Notification? Evolve(Notification? state, Guid id, IEvent e) =>
        Notification.Evolve(state, e.Data) is { } next ? next with { Version = FoldedVersion.After(state?.Version, e) } : null;
}
