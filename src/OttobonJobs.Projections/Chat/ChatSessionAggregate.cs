using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Chat;

namespace OttobonJobs.Projections.Chat;

/// <summary>
/// How Marten folds a chat session's stream into the domain's <see cref="ChatSession"/>, stored inline as a snapshot
/// (<c>mt_doc_chatsession</c>) in the transaction of its events: locking a session for a write reads its version
/// and this one row, never its events.
/// </summary>
public sealed class ChatSessionAggregate : SingleStreamProjection<ChatSession, Guid>
{
    public ChatSessionAggregate() => this.IncludeTypes(ChatEvents.Contract);

    // Counted like the view's version: an event appended without loading the stream comes with version 0.
    public override ChatSession? Evolve(ChatSession? state, Guid id, IEvent e) =>
        ChatSession.Evolve(state, e.Data) is { } next ? next with { Version = FoldedVersion.After(state?.Version, e) } : null;
}
