using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Notifications;
using OttobonJobs.Projections.Notifications;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Notifications;

/// <summary>One notification as the bell and the list show it; <see cref="Link"/> is the SPA path it opens.</summary>
public record NotificationItem(
    Guid Id,
    [property: AllowedValues(NotificationKinds.NewMatchingJobs, NotificationKinds.ApplicationStageChanged, NotificationKinds.Reminder, NotificationKinds.HumanCoachReplied)]
    string Kind,
    string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationItem From(UserNotification n) => new(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt);
}

/// <summary>
/// A page of the caller's notifications, newest first. <see cref="NextBefore"/> is the cursor of the next (older)
/// page (<c>?before=</c>), null on the last one. <see cref="UnreadCount"/> counts all their unread notifications.
/// </summary>
public record NotificationPage(IReadOnlyList<NotificationItem> Items, string? NextBefore, int UnreadCount);

public record UnreadNotifications(int UnreadCount);

/// <summary>How many notifications "mark all read" marked.</summary>
public record NotificationsMarkedRead(int Marked);

/// <summary>The caller's notifications, read from <see cref="UserNotification"/>: pages, the unread count, what is new since a point.</summary>
public static class NotificationReads
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static async Task<(IReadOnlyList<UserNotification> Items, string? NextBefore)> PageAsync(
        IQuerySession query, Guid userId, string? before, int limit, CancellationToken cancellationToken)
    {
        var rows = query.Query<UserNotification>().Where(n => n.UserId == userId);
        if (before is not null) rows = rows.Where(n => n.MatchesSql("d.sort_key < ?", before));
        var page = await rows.OrderByDescending(n => n.SortKey).Take(limit + 1).ToListAsync(cancellationToken);
        return page.Count > limit ? (page.Take(limit).ToList(), page[limit - 1].SortKey) : (page, null);
    }

    /// <summary>Everything newer than <paramref name="after"/> (a sort key), oldest first: what a socket has not sent yet.</summary>
    public static async Task<IReadOnlyList<UserNotification>> NewerAsync(IQuerySession query, Guid userId, string after, CancellationToken cancellationToken) =>
        await query.Query<UserNotification>().Where(n => n.UserId == userId && n.MatchesSql("d.sort_key > ?", after))
            .OrderBy(n => n.SortKey).Take(MaxLimit).ToListAsync(cancellationToken);

    public static Task<int> UnreadAsync(IQuerySession query, Guid userId, CancellationToken cancellationToken) =>
        query.Query<UserNotification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>A cursor is a sort key: 19 digits of ticks, then 32 hex digits of the id.</summary>
    public static bool IsCursor(string? value) =>
        value is { Length: 51 } && value[..19].All(char.IsAsciiDigit) && value[19..].All(char.IsAsciiHexDigitLower);
}

public static class MyNotificationsEndpoint
{
    public static ProblemDetails Validate(string? before, int? limit) =>
        before is not null && !NotificationReads.IsCursor(before) ? ApiProblems.Validation("before must be a next_before cursor from an earlier page.")
        : limit is < 1 or > NotificationReads.MaxLimit ? ApiProblems.Validation($"limit must be between 1 and {NotificationReads.MaxLimit}.")
        : WolverineContinue.NoProblems;

    /// <summary>The caller's notifications (any role), newest first, <c>limit</c> (default 20) at a time; continue with <c>before</c>.</summary>
    [WolverineGet("/api/notifications", OperationId = "myNotifications")]
    [Authorize]
    public static async Task<NotificationPage> Get(string? before, int? limit, ClaimsPrincipal user, IQuerySession query, CancellationToken cancellationToken)
    {
        var (items, next) = await NotificationReads.PageAsync(query, user.UserId(), before, limit ?? NotificationReads.DefaultLimit, cancellationToken);
        return new NotificationPage(items.Select(NotificationItem.From).ToList(), next, await NotificationReads.UnreadAsync(query, user.UserId(), cancellationToken));
    }
}

public static class UnreadNotificationsEndpoint
{
    [WolverineGet("/api/notifications/unread-count", OperationId = "unreadNotifications")]
    [Authorize]
    public static async Task<UnreadNotifications> Get(ClaimsPrincipal user, IQuerySession query, CancellationToken cancellationToken) =>
        new(await NotificationReads.UnreadAsync(query, user.UserId(), cancellationToken));
}

public static class MarkNotificationReadEndpoint
{
    /// <summary>The caller opened one of their notifications; another user's (or an unknown id) is a 404. Marking it again changes nothing.</summary>
    [WolverinePost("/api/notifications/{id}/read", OperationId = "markNotificationRead")]
    [Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    [Emits(typeof(NotificationRead))]
    public static (IResult, Events) Post(Guid id, [WriteAggregate(Required = false)] Notification? notification, ClaimsPrincipal user, TimeProvider clock)
    {
        var decision = NotificationDecisions.MarkRead(notification, user.Actor(), clock.GetUtcNow());
        return (decision.Refusal?.ToResult() ?? Results.NoContent(), new Events(decision.Events));
    }
}

public static class MarkAllNotificationsReadEndpoint
{
    /// <summary>
    /// Marks every unread notification of the caller read, in one transaction. The read model only says which
    /// streams to visit; each notification's own stream decides (a concurrent read of one of them is a 409 to retry).
    /// </summary>
    [WolverinePost("/api/notifications/read-all", OperationId = "markAllNotificationsRead")]
    [Authorize]
    [Emits(typeof(NotificationRead))]
    public static async Task<NotificationsMarkedRead> Post(ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var unread = await session.Query<UserNotification>().Where(n => n.UserId == userId && n.ReadAt == null).Select(n => n.Id).ToListAsync(cancellationToken);
        var marked = 0;
        foreach (var id in unread)
        {
            var stream = await session.Events.FetchForWriting<Notification>(id, cancellationToken);
            var decision = NotificationDecisions.MarkRead(stream.Aggregate, user.Actor(), clock.GetUtcNow());
            if (decision.Events.Count == 0) continue;
            stream.AppendMany(decision.Events);
            marked++;
        }
        return new NotificationsMarkedRead(marked);
    }
}
