using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using OttobonJobs.Domain.Notifications;

namespace OttobonJobs.Projections.Notifications;

/// <summary>
/// One notification as the bell and the list read it, written inline with its events. <see cref="SortKey"/> orders a
/// user's list newest first without ties (the time, then the id), so a page continues exactly after the last row of
/// the one before (keyset paging), however many notifications arrive in between.
/// </summary>
public record UserNotification(
    Guid Id, Guid UserId, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public string SortKey { get; init; } = SortKeyOf(CreatedAt, Id);

    /// <summary>Fixed width, digits and lowercase hex only: text order is time order, then id order.</summary>
    public static string SortKeyOf(DateTimeOffset createdAt, Guid id) => $"{createdAt.UtcTicks:D19}{id:N}";
}

public sealed class UserNotificationProjection : SingleStreamProjection<UserNotification, Guid>
{
    public UserNotificationProjection() => this.IncludeTypes(NotificationEvents.Contract);

    public override UserNotification? Evolve(UserNotification? view, Guid id, IEvent e) => (view, e.Data) switch
    {
        (null, NotificationAdded a) => new UserNotification(a.NotificationId, a.UserId, a.Kind, a.Title, a.Body, a.Link, a.At, null),
        ({ ReadAt: null } v, NotificationRead r) => v with { ReadAt = r.At },
        _ => view,
    };
}

/// <summary>
/// Rings the user's bell on every node: in the transaction that appends a notification's events, one
/// <c>pg_notify('ottobon_notifications', user id)</c> per user, delivered only if the events commit. The sockets then
/// read what is new from <see cref="UserNotification"/> (already committed by then), so a lost signal costs nothing
/// but a delay: the next one, or a reconnect, catches up.
/// </summary>
public sealed class NotificationSignals : ProjectionBase, IProjection
{
    public const string Channel = "ottobon_notifications";

    public NotificationSignals()
    {
        Name = nameof(NotificationSignals);
        this.IncludeTypes(NotificationEvents.Contract);
    }

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var users = events.Select(e => e.Data switch
        {
            NotificationAdded a => a.UserId,
            NotificationRead r => r.UserId,
            _ => Guid.Empty,
        }).Where(id => id != Guid.Empty).Distinct();
        // pg_notify returns void, which Marten's batch cannot read back; counting its single row gives it a bigint.
        foreach (var user in users) operations.QueueSqlCommand("select count(*) from pg_notify(?, ?)", Channel, user.ToString());
        return Task.CompletedTask;
    }
}

public static class NotificationStoreConfiguration
{
    /// <summary>What an erased account's notifications keep in the event log: the kind and the times, no words or links.</summary>
    public const string ErasedText = "(erased)";

    public static StoreOptions AddNotifications(this StoreOptions opts)
    {
        opts.Projections.Add<NotificationAggregate>(ProjectionLifecycle.Live);
        opts.Projections.Add<UserNotificationProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add(new NotificationSignals(), ProjectionLifecycle.Inline);
        opts.Schema.For<UserNotification>().Duplicate(x => x.UserId).Duplicate(x => x.SortKey).Duplicate(x => x.ReadAt);
        opts.AddEventContract(NotificationEvents.Contract);
        opts.Events.AddMaskingRuleForProtectedInformation<NotificationAdded>(e =>
            e with { Title = ErasedText, Body = ErasedText, Link = null, DedupKey = ErasedText });
        return opts;
    }
}
