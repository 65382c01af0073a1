namespace OttobonJobs.Domain.Notifications;

// One stream per notification, its id derived from the user and the request's dedup key (NotificationIds): a
// redelivered or retried request can only find the stream it started, never start a second one, and the dedup rule
// needs no ever-growing set of keys in a per-user inbox that every new notification would have to load and lock.
// Every event carries the user, so the live signal and the read model need no lookup to know whose bell to ring.

/// <summary>A notification for <paramref name="UserId"/>; <paramref name="Link"/> is the SPA path it opens.</summary>
public record NotificationAdded(
    Guid NotificationId, Guid UserId, string Kind, string Title, string Body, string? Link, string DedupKey, DateTimeOffset At);

/// <summary>The user opened the notification (or marked everything read).</summary>
public record NotificationRead(Guid NotificationId, Guid UserId, DateTimeOffset At);

/// <summary>A notification as its stream decides it.</summary>
public sealed record Notification
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public Guid UserId { get; init; }
    public string Kind { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }

    public bool IsRead => ReadAt is not null;

    public static Notification? Evolve(Notification? state, object @event) => (state, @event) switch
    {
        (null, NotificationAdded e) => new Notification { Id = e.NotificationId, UserId = e.UserId, Kind = e.Kind, CreatedAt = e.At },
        ({ } n, NotificationRead e) => n with { ReadAt = n.ReadAt ?? e.At },
        _ => state,
    };
}

/// <summary>The notification stream's events under their stable names.</summary>
public static class NotificationEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<NotificationAdded>("notification_added"),
        EventContract.Of<NotificationRead>("notification_read"),
    ];
}

public static class NotificationIds
{
    private static readonly Guid Namespace = new("4f1c8a52-6a0e-4c57-9a33-0d6f2b8e71c4");

    /// <summary>The one stream a request with <paramref name="dedupKey"/> for <paramref name="userId"/> may start.</summary>
    public static Guid For(Guid userId, string dedupKey) => NameBasedIds.Create(Namespace, $"{userId:N}\n{dedupKey}");
}
