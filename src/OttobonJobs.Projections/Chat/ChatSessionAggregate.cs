using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Chat;

namespace OttobonJobs.Projections.Chat;

/// <summary>How Marten folds a chat session's stream into the domain's <see cref="ChatSession"/> (a live aggregation, never stored).</summary>
public sealed class ChatSessionAggregate : SingleStreamProjection<ChatSession, Guid>
{
    public ChatSessionAggregate() => this.IncludeTypes(ChatEvents.Contract);

    public override ChatSession? Evolve(ChatSession? state, Guid id, IEvent e) => ChatSession.Evolve(state, e.Data) is { } next ? next with { Version = e.Version } : null;
}
