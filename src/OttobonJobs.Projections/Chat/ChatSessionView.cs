using System.ComponentModel.DataAnnotations;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Chat;

namespace OttobonJobs.Projections.Chat;

/// <summary>A message; <see cref="AuthorName"/> is the human agent's name on an admin's message (null: shown as <see cref="ChatRules.HumanCoachName"/>).</summary>
public record ChatLine(
    Guid Id, [property: AllowedValues(ChatRole.User, ChatRole.Assistant, ChatRole.Admin)] string Role, string Content, DateTimeOffset Timestamp, long Version,
    string? AuthorName = null);

/// <summary>
/// A conversation's header as the Control Tower and the seeker's page read it; its messages are rows of their own
/// (<see cref="ChatTranscriptLine"/>), so a new message never rewrites the conversation so far.
/// <see cref="WaitingMessages"/> counts the seeker's messages nobody answered yet (the same rule as the session's
/// own state, <see cref="ChatRules.Unanswered"/>): what a human should look at.
/// </summary>
public record ChatSessionView(
    Guid Id,
    Guid UserId,
    Guid? JobId,
    string? JobTitle,
    string Status,
    Guid? TakenOverBy,
    string? TakenOverByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public IReadOnlyList<Guid> Unanswered { get; init; } = [];

    /// <summary>The session stream's version this view is folded up to (counted, see <see cref="FoldedVersion"/>).</summary>
    public long StreamVersion { get; init; }

    public int WaitingMessages => Unanswered.Count;

    public ChatLine? LastMessage { get; init; }
}

public class ChatSessionViewProjection : SingleStreamProjection<ChatSessionView, Guid>
{
    public ChatSessionViewProjection() => this.IncludeTypes(ChatEvents.Contract);

    // Every chat event, so the view's version is the stream's.
    public override ChatSessionView? Evolve(ChatSessionView? view, Guid id, IEvent e)
    {
        var version = FoldedVersion.After(view?.StreamVersion, e);
        return Next(view, e, version) is { } next ? next with { StreamVersion = version } : null;
    }

    private static ChatSessionView? Next(ChatSessionView? view, IEvent e, long version) => (view, e.Data) switch
    {
        (_, ChatSessionStarted started) => new ChatSessionView(
            started.SessionId, started.SeekerId, started.Job?.JobId, started.Job?.Title, ChatStatus.ActiveAi, null, null,
            started.StartedAt, started.StartedAt),
        (null, _) => null,
        ({ } session, ChatMessagePosted posted) => session with
        {
            LastMessage = new ChatLine(posted.MessageId, posted.Role, posted.Content, posted.PostedAt, version, posted.AuthorName),
            Unanswered = ChatRules.Unanswered(session.Unanswered, posted),
            UpdatedAt = posted.PostedAt,
        },
        ({ } session, ChatTakenOver takeover) => session with
        {
            Status = ChatStatus.ActiveHuman, TakenOverBy = takeover.AdminId, TakenOverByName = takeover.AdminName, UpdatedAt = takeover.At,
        },
        ({ } session, ChatHandedBack handback) => session with
        {
            Status = ChatStatus.ActiveAi, TakenOverBy = null, TakenOverByName = null, UpdatedAt = handback.At,
        },
        ({ } session, ChatClosed closed) => session with { Status = ChatStatus.Closed, UpdatedAt = closed.At },
        _ => view,
    };
}

public static class ChatStoreConfiguration
{
    public static StoreOptions AddChat(this StoreOptions opts)
    {
        opts.Projections.Add<ChatSessionAggregate>(ProjectionLifecycle.Inline);
        // The snapshot FetchForWriting loaded is the one the inline projection folds on (ChatSession is immutable),
        // instead of loading it a second time. Only inline snapshots are affected: the other aggregates are live.
        opts.Events.UseIdentityMapForAggregates = true;
        opts.Projections.Add<ChatSessionViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add(new ChatTranscript(), ProjectionLifecycle.Inline,
            asyncConfiguration: rebuild =>
            {
                rebuild.DeleteViewTypeOnTeardown<ChatTranscriptLine>();
                rebuild.DeleteViewTypeOnTeardown<ChatTimelineNotice>();
            });
        opts.Projections.Add(new ChatNotifications(), ProjectionLifecycle.Inline);
        opts.Schema.For<ChatSessionView>().Index(x => x.UserId).Index(x => x.Status).Index(x => x.UpdatedAt);
        opts.Schema.For<ChatTranscriptLine>().Duplicate(x => x.SessionId).Duplicate(x => x.Version);
        opts.Schema.For<ChatTimelineNotice>().Duplicate(x => x.SessionId).Duplicate(x => x.Version);
        opts.AddEventContract(ChatEvents.Contract);
        return opts;
    }
}
