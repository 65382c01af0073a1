using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using OttobonJobs.Domain.Chat;

namespace OttobonJobs.Projections.Chat;

/// <summary>
/// Tells every node that a session changed, in the transaction that appends its events: an inline projection over
/// the chat events queues <c>pg_notify(channel, session id)</c>, so PostgreSQL delivers it only if the events commit,
/// whichever handler wrote them (they stay pure). Each node's chat fan-out LISTENs and its sockets read the new
/// events from the store. PostgreSQL folds identical notifications of one transaction into one.
/// </summary>
public sealed class ChatNotifications : EventProjection
{
    public const string Channel = "ottobon_chat";

    public ChatNotifications() => this.IncludeTypes(ChatEvents.Contract);

    // pg_notify returns void, which Marten's batch cannot read back; counting its single row gives it a bigint.
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        operations.QueueSqlCommand("select count(*) from pg_notify(?, ?)", Channel, e.StreamId.ToString());
        return ValueTask.CompletedTask;
    }
}
