using Marten;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Notifications;
using Wolverine.ErrorHandling;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;
using Wolverine.Runtime.Handlers;

namespace OttobonJobs.Api.Notifications;

/// <summary>What <see cref="NotifyUserHandler"/> decides on: an earlier delivery's notification, or the recipient's account.</summary>
public record NotificationTarget(Notification? Existing, User? Recipient);

public static class NotifyUserHandler
{
    /// <summary>Two deliveries of one request at once: one starts the stream, the other collides, retries, finds it and changes nothing.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException(WriteConflicts.IsConflict, "the notification was added meanwhile")
            .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));

    /// <summary>
    /// The stream the request's dedup key points at, if an earlier delivery already started it, and otherwise the
    /// recipient's account as its own stream says (the request may arrive after the account was erased).
    /// </summary>
    public static async Task<NotificationTarget> LoadAsync(NotifyUser command, IQuerySession query, CancellationToken cancellationToken)
    {
        var existing = await query.Events.AggregateStreamAsync<Notification>(NotificationIds.For(command.UserId, command.DedupKey), token: cancellationToken);
        var recipient = existing is null ? await query.Events.AggregateStreamAsync<User>(command.UserId, token: cancellationToken) : null;
        return new NotificationTarget(existing, recipient);
    }

    /// <summary>
    /// Adds the notification once per user and dedup key. A request the decision refuses (an unknown kind, a link
    /// outside the app) is a bug of the feature that sent it: logged and dropped, since retrying cannot fix it.
    /// </summary>
    [Emits(typeof(NotificationAdded))]
    public static IMartenOp Handle(NotifyUser command, NotificationTarget target, TimeProvider clock, ILogger<NotifyUser> logger)
    {
        var decision = NotificationDecisions.Add(target.Existing, target.Recipient,
            new AddNotification(command.UserId, command.Kind, command.Title, command.Body, command.Link, command.DedupKey), clock.GetUtcNow());
        if (decision.Refusal is { } refusal)
        {
            logger.LogWarning("Dropped a {Kind} notification for {UserId}: {Reason}", command.Kind, command.UserId, refusal.Reason);
            return MartenOps.Nothing();
        }
        return decision.Events.Count == 0
            ? MartenOps.Nothing()
            : MartenOps.StartStream<Notification>(NotificationIds.For(command.UserId, command.DedupKey), [.. decision.Events]);
    }
}
