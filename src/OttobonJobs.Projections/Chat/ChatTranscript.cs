using System.ComponentModel.DataAnnotations;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using OttobonJobs.Domain.Chat;

namespace OttobonJobs.Projections.Chat;

/// <summary>
/// One message of a session as a row of its own: a message appends a row, the conversation so far is never rewritten.
/// <see cref="AuthorName"/>: a human agent's name (null for the seeker and the AI, or an agent without one).
/// </summary>
public record ChatTranscriptLine(
    Guid Id, Guid SessionId, [property: AllowedValues(ChatRole.User, ChatRole.Assistant, ChatRole.Admin)] string Role, string Content,
    DateTimeOffset Timestamp, long Version, string? AuthorName = null)
{
    public ChatLine ToLine() => new(Id, Role, Content, Timestamp, Version, AuthorName);

    /// <summary>As the coach reads its history.</summary>
    public ChatMessagePosted ToPosted() => new(Id, Role, Content, null, null, Timestamp);
}

/// <summary>
/// A takeover or hand-back as an item of the conversation's timeline, at its event's version (between the messages
/// around it), with the sentence both sides see and the agent's name at the takeover.
/// </summary>
public record ChatTimelineNotice(
    Guid Id, Guid SessionId, [property: AllowedValues(ChatEventNames.TakenOver, ChatEventNames.HandedBack)] string Event, string Note,
    string? AgentName, DateTimeOffset Timestamp, long Version);

/// <summary>
/// Projects each <see cref="ChatMessagePosted"/> to a <see cref="ChatTranscriptLine"/> carrying the version of its
/// own event, and each takeover and hand-back to a <see cref="ChatTimelineNotice"/>. It sees a whole transaction's events at once, so an event appended without loading its stream (which
/// comes with version 0) is numbered from the stream's version before the append: one read, only in that case.
/// </summary>
public sealed class ChatTranscript : ProjectionBase, IProjection
{
    public const string ProjectionName = "ChatTranscript";

    public ChatTranscript()
    {
        Name = ProjectionName;
        IncludeType<ChatMessagePosted>();
        IncludeType<ChatTakenOver>();
        IncludeType<ChatHandedBack>();
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var stream in events.Where(e => e.Data is ChatMessagePosted or ChatTakenOver or ChatHandedBack).GroupBy(e => e.StreamId))
        {
            var unnumbered = stream.Any(e => e.Version <= 0);
            var before = unnumbered ? (await operations.Events.FetchStreamStateAsync(stream.Key, cancellation))?.Version ?? 0 : 0;
            // Every event of the stream in this transaction counts, not only the messages.
            var all = events.Where(e => e.StreamId == stream.Key).ToList();
            foreach (var e in stream)
            {
                var version = e.Version > 0 ? e.Version : before + all.IndexOf(e) + 1;
                if (e.Data is ChatMessagePosted) operations.Store(LineOf(e, version));
                else operations.Store(NoticeOf(e, version));
            }
        }
    }

    public static ChatTranscriptLine LineOf(IEvent e, long version)
    {
        var posted = (ChatMessagePosted)e.Data;
        return new ChatTranscriptLine(posted.MessageId, e.StreamId, posted.Role, posted.Content, posted.PostedAt, version, posted.AuthorName);
    }

    public static ChatTimelineNotice NoticeOf(IEvent e, long version) => e.Data switch
    {
        ChatTakenOver t => new(e.Id, e.StreamId, ChatEventNames.TakenOver, ChatRules.TakeoverNote(t.AdminName), t.AdminName, t.At, version),
        ChatHandedBack h => new(e.Id, e.StreamId, ChatEventNames.HandedBack, ChatRules.HandbackNote, null, h.At, version),
        var other => throw new ArgumentException($"{other.GetType().Name} is not a timeline notice.", nameof(e)),
    };

    /// <summary>The session's notices with a version in (<paramref name="after"/>, <paramref name="before"/>), oldest first.</summary>
    public static async Task<IReadOnlyList<ChatTimelineNotice>> NoticesAsync(
        IQuerySession query, Guid sessionId, long after, long before, CancellationToken cancellation) =>
        await query.Query<ChatTimelineNotice>().Where(n => n.SessionId == sessionId && n.Version > after && n.Version < before)
            .OrderBy(n => n.Version).ToListAsync(cancellation);

    /// <summary>The last <paramref name="limit"/> lines of a session before <paramref name="beforeVersion"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<ChatTranscriptLine>> PageAsync(
        IQuerySession query, Guid sessionId, long? beforeVersion, int limit, CancellationToken cancellation)
    {
        var before = beforeVersion ?? long.MaxValue;
        var page = await query.Query<ChatTranscriptLine>().Where(l => l.SessionId == sessionId && l.Version < before)
            .OrderByDescending(l => l.Version).Take(limit).ToListAsync(cancellation);
        return page.AsEnumerable().Reverse().ToList();
    }
}
