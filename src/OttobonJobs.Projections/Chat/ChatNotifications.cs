using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using OttobonJobs.Domain.Chat;

namespace OttobonJobs.Projections.Chat;

/// <summary>
/// One chat event as a socket shows it: its version, its stable type name and, for a message, who wrote what; the
/// message's (or the event's) <see cref="Id"/>, and the human agent's name on an admin's message or a takeover.
/// </summary>
public record ChatNoticeEvent(long Version, string Type, string? Role, string? Content, DateTimeOffset? At, Guid? Id = null, string? AuthorName = null);

/// <summary>
/// What a <c>pg_notify</c> on <see cref="ChatNotifications.Channel"/> says: the session and the events the transaction
/// appended to it, or no events when they would not fit in a notification (the listener then reads them).
/// </summary>
public record ChatNotice(Guid SessionId, IReadOnlyList<ChatNoticeEvent>? Events)
{
    // Non-ASCII text stays as UTF-8 instead of \uXXXX escapes (6 bytes a character), so a message in Hindi or Tamil
    // fits in a notification as well as one in English. The payload is a query parameter, never markup.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ChatNotice? Parse(string payload)
    {
        if (Guid.TryParse(payload, out var sessionId)) return new ChatNotice(sessionId, null);
        try { return JsonSerializer.Deserialize<ChatNotice>(payload, Json); }
        catch (JsonException) { return null; }
    }

    public string ToPayload() => JsonSerializer.Serialize(this, Json);
}

/// <summary>
/// Tells every node what a session got, in the transaction that appends its events: an inline projection over the
/// chat events queues one <c>pg_notify(channel, payload)</c> per session and transaction, so PostgreSQL delivers it
/// only if the events commit, whichever handler wrote them (they stay pure). The payload carries the new events, so
/// the sockets need no read; a payload over PostgreSQL's 8000-byte limit (or events without a known version) is
/// sent as the bare session id, and the sockets then read the events from the store.
/// </summary>
public sealed class ChatNotifications : ProjectionBase, IProjection
{
    public const string Channel = "ottobon_chat";

    /// <summary>Below PostgreSQL's 8000-byte notification payload limit.</summary>
    public const int MaxPayloadBytes = 7900;

    public ChatNotifications()
    {
        Name = nameof(ChatNotifications);
        this.IncludeTypes(ChatEvents.Contract);
    }

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var stream in events.Where(e => ChatEvents.Contract.Any(c => c.Type == e.EventType)).GroupBy(e => e.StreamId))
        {
            var notice = stream.All(e => e.Version > 0) ? new ChatNotice(stream.Key, stream.Select(EventOf).ToList()).ToPayload() : null;
            var payload = notice is not null && Encoding.UTF8.GetByteCount(notice) <= MaxPayloadBytes ? notice : stream.Key.ToString();
            // pg_notify returns void, which Marten's batch cannot read back; counting its single row gives it a bigint.
            operations.QueueSqlCommand("select count(*) from pg_notify(?, ?)", Channel, payload);
        }
        return Task.CompletedTask;
    }

    public static ChatNoticeEvent EventOf(IEvent e) => e.Data switch
    {
        ChatMessagePosted m => new(e.Version, ChatEvents.NameOf(m), m.Role, m.Content, m.PostedAt, m.MessageId, m.AuthorName),
        ChatTakenOver t => new(e.Version, ChatEvents.NameOf(t), null, null, t.At, e.Id, t.AdminName),
        ChatHandedBack h => new(e.Version, ChatEvents.NameOf(h), null, null, h.At, e.Id),
        ChatClosed c => new(e.Version, ChatEvents.NameOf(c), null, null, c.At, e.Id),
        var data => new(e.Version, ChatEvents.NameOf(data), null, null, null, e.Id),
    };
}
