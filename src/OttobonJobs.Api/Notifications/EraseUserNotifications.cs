using Marten;
using OttobonJobs.Projections.Notifications;

namespace OttobonJobs.Api.Notifications;

/// <summary>An account was erased: its notifications go (see <c>EraseAccountDataHandler</c>).</summary>
public record EraseUserNotifications(Guid UserId);

public static class EraseUserNotificationsHandler
{
    /// <summary>
    /// Masks the words, links and dedup keys in each of the user's notification streams (the kind and the times
    /// stay as facts) and deletes their rows from the list. The read model only says which streams to visit.
    /// Idempotent: a retry masks nothing new and deletes nothing more.
    /// </summary>
    public static async Task Handle(EraseUserNotifications command, IDocumentStore store, IDocumentSession session, CancellationToken cancellationToken)
    {
        var ids = await session.Query<UserNotification>().Where(n => n.UserId == command.UserId).Select(n => n.Id).ToListAsync(cancellationToken);
        if (ids.Count > 0)
            await store.Advanced.ApplyEventDataMasking(masking =>
            {
                foreach (var id in ids) masking.IncludeStream(id);
            }, cancellationToken);
        session.DeleteWhere<UserNotification>(n => n.UserId == command.UserId);
    }
}
