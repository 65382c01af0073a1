using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Projections.Chat;
using Wolverine;

namespace OttobonJobs.Api.Chat;

/// <summary>
/// <c>/ws/chat/{sessionId}</c>: the seeker (or an admin) talks in real time. Frames out: history_replay, ai_reply,
/// admin_message, queued, user_message (to admins), takeover/hand-back events, errors, and "__pong__".
/// Close codes: 4401 no or bad token (or its session ended, its account was deleted, it expired), 4403 not yours or
/// closed, 4404 no such session, 4408 silent too long. Authentication: see <see cref="SocketAuthentication"/>.
/// The history replay is always the first frame: everything after it carries its event's version (a sequence the page
/// de-duplicates by), and nothing the session gets meanwhile is sent before it, twice or never.
/// Every write (a message, the greeting) is a command sent through the message bus to the chat's aggregate handlers,
/// the same decisions as the REST endpoints; the socket reads the store only to replay, and to catch up when a
/// notification did not carry the new events (see <see cref="ChatFanout"/>).
/// </summary>
public static class ChatSocket
{
    public const string Path = "/ws/chat/{sessionId:guid}";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void MapChatSocket(this WebApplication app) => app.Map(Path, Connect).ExcludeFromDescription();

    private static async Task Connect(
        HttpContext context, Guid sessionId, IDocumentStore store, IServiceScopeFactory scopes, ChatFanout fanout, TimeProvider clock,
        IOptions<ChatSettings> settings, IOptions<OttobonSettings> access, SessionValidity validity, ChatMessageLimiter limiter,
        ProductMetrics metrics, ChatPresence presence)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiProblems.Write(context, StatusCodes.Status400BadRequest, "Connect with a WebSocket.");
            return;
        }

        // Authenticate by hand so that a refusal is a WebSocket close code the page can act on, not an HTTP error.
        var auth = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(SocketAuthentication.Protocol(context));
        if (SocketAuthentication.HasTokenInUrl(context))
        {
            await Close(socket, SocketAuthentication.Unauthorised, SocketAuthentication.TokenInUrl);
            return;
        }
        if (!auth.Succeeded || auth.Principal is null)
        {
            await Close(socket, SocketAuthentication.Unauthorised, "Sign in first: no valid access token.");
            return;
        }

        var user = auth.Principal;
        ChatSession? session;
        await using (var query = store.QuerySession())
            session = await query.LoadAsync<ChatSession>(sessionId, context.RequestAborted);
        if (session is null) { await Close(socket, CloseCodes.NoSuchSession, ChatDecisions.NoSuchSession); return; }
        if (!user.IsAdmin() && session.SeekerId != user.UserId()) { await Close(socket, CloseCodes.NotAllowed, "This chat is not yours."); return; }
        if (session.Status == ChatStatus.Closed) { await Close(socket, CloseCodes.NotAllowed, ChatDecisions.SessionClosed); return; }

        var commands = new SocketCommands(scopes, context.RequestAborted);
        var recheck = TimeSpan.FromSeconds(access.Value.Sockets.RecheckSeconds);
        var connection = new Connection(socket, user, sessionId, store, commands, clock, settings.Value.SilenceLimit, validity, recheck, limiter, context.RequestAborted);
        using var watch = fanout.Watch(sessionId, connection.Changed);
        using var open = metrics.SocketOpened(ProductMetrics.Sockets.Chat);
        // While a seeker's socket is open they read a human coach's answers here, so none becomes a notification.
        await using var present = user.IsAdmin() ? null : await presence.EnterAsync(user.UserId(), context.RequestAborted);
        if (!user.IsAdmin())
            await commands.SendAsync(new GreetOnConnect(sessionId, user.Actor()));
        await connection.RunAsync();
    }

    /// <summary>The chat socket's own close codes (4401, an authentication failure, is <see cref="SocketAuthentication.Unauthorised"/>).</summary>
    public static class CloseCodes
    {
        public const int NotAllowed = 4403;
        public const int NoSuchSession = 4404;
        public const int Silent = 4408;
    }

    private static Task Close(WebSocket socket, int code, string reason) =>
        socket.CloseAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);

    /// <summary>
    /// The one place the socket reaches the write side. A connection lives far longer than a DI scope (and a message
    /// context belongs to one transaction), so each command gets a fresh scope and that scope's message bus; the
    /// command then runs through its aggregate handler like any other, and its outcome comes back for the frame.
    /// </summary>
    private sealed class SocketCommands(IServiceScopeFactory scopes, CancellationToken aborted)
    {
        public async Task<ChatOutcome> SendAsync(object command)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<ChatOutcome>(command, aborted);
        }
    }

    /// <summary>One open socket: a reader for the client's frames and a writer for everything sent to it.</summary>
    private sealed class Connection(
        WebSocket socket, ClaimsPrincipal user, Guid sessionId, IDocumentStore store, SocketCommands commands,
        TimeProvider clock, TimeSpan silenceLimit, SessionValidity validity, TimeSpan recheck, ChatMessageLimiter limiter,
        CancellationToken aborted)
    {
        private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        // Taken from the start and first released by the replay: a notification arriving before it (say, of the greeting
        // sent at connection time) waits, and then sends only what the replay did not include.
        private readonly SemaphoreSlim _catchUp = new(0, 1);
        private readonly bool _isAdmin = user.IsAdmin();
        private readonly Actor _actor = user.Actor();
        private long _deliveredVersion;

        public void Changed(ChatNotice notice) => _ = DeliverAsync(notice);

        public async Task RunAsync()
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var writer = WriteLoop(stop.Token);
            (WebSocketCloseStatus Code, string Reason)? closing = null;
            try
            {
                await SendReplay();
                closing = await ReadLoop();
            }
            finally
            {
                _outbox.Writer.TryComplete();
                await stop.CancelAsync();
                await writer;
            }

            // Sent only once the writer has stopped: a WebSocket allows one send at a time.
            if (closing is { } close && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try { await socket.CloseOutputAsync(close.Code, close.Reason, CancellationToken.None); }
                catch (WebSocketException) { } // the client went away meanwhile
            }
        }

        /// <summary>
        /// Replays the last messages, the notices among them and the status: the session's snapshot, then its lines up
        /// to that version. It holds the catch-up lock from the start, so a notification arriving meanwhile cannot send
        /// anything before it, twice or out of order.
        /// </summary>
        private async Task SendReplay()
        {
            try
            {
                await using var query = store.QuerySession();
                var session = await query.LoadAsync<ChatSession>(sessionId, aborted);
                var version = _deliveredVersion = session?.Version ?? 0;
                // One line more than the replay says whether older messages (and their notices) are left out.
                var lines = await ChatTranscript.PageAsync(query, sessionId, version + 1, ChatRules.ReplayCount + 1, aborted);
                var replayed = lines.Count > ChatRules.ReplayCount ? lines.Skip(1).ToList() : lines;
                var after = lines.Count > ChatRules.ReplayCount ? replayed[0].Version : 0;
                var notices = await ChatTranscript.NoticesAsync(query, sessionId, after, version + 1, aborted);
                Send(new HistoryReplayFrame(FrameTypes.HistoryReplay,
                    replayed.Select(l => new ReplayedMessage(l.Id, l.Version, l.Role, l.Content, l.Timestamp, l.AuthorName)).ToList(),
                    session?.Status ?? ChatStatus.ActiveAi, notices.Select(n => new EventFrame(EventOf(n.Event), n.Note, n.Version, n.Timestamp, n.AgentName, n.Id)).ToList(),
                    version));
            }
            finally
            {
                _catchUp.Release();
            }
        }

        /// <summary>
        /// Sends what the notification carries after the last delivered event; when it carries nothing, or starts past
        /// the next expected version (a notification missed or overtaken), reads the events from the store instead.
        /// </summary>
        private async Task DeliverAsync(ChatNotice notice)
        {
            try
            {
                await _catchUp.WaitAsync(aborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                var fresh = notice.Events?.Where(e => e.Version > _deliveredVersion).ToList();
                if (fresh is null || (fresh.Count > 0 && fresh[0].Version != _deliveredVersion + 1))
                {
                    await using var query = store.QuerySession();
                    var events = await query.Events.FetchStreamAsync(sessionId, fromVersion: _deliveredVersion + 1, token: aborted);
                    fresh = events.Select(ChatNotifications.EventOf).ToList();
                }
                foreach (var e in fresh)
                {
                    _deliveredVersion = e.Version;
                    if (Frame(e) is { } frame) Send(frame);
                }
            }
            catch (OperationCanceledException) { }
            finally
            {
                _catchUp.Release();
            }
        }

        private object? Frame(ChatNoticeEvent e) => e switch
        {
            { Type: ChatEventNames.MessagePosted, Role: ChatRole.Assistant } => Message(FrameTypes.AiReply, e),
            { Type: ChatEventNames.MessagePosted, Role: ChatRole.Admin } => Message(FrameTypes.AdminMessage, e),
            { Type: ChatEventNames.MessagePosted, Role: ChatRole.User } when _isAdmin => Message(FrameTypes.UserMessage, e),
            { Type: ChatEventNames.TakenOver } => new EventFrame(FrameTypes.AdminTakeover, ChatRules.TakeoverNote(e.AuthorName), e.Version, e.At, e.AuthorName, e.Id),
            { Type: ChatEventNames.HandedBack } => new EventFrame(FrameTypes.AdminHandback, ChatRules.HandbackNote, e.Version, e.At, null, e.Id),
            { Type: ChatEventNames.Closed } => new EventFrame(FrameTypes.SessionClosed, "This chat has been closed.", e.Version, e.At, null, e.Id),
            _ => null,
        };

        private static MessageFrame Message(string type, ChatNoticeEvent e) => new(type, e.Id, e.Version, e.Content!, e.At!.Value, e.AuthorName);

        private static string EventOf(string noticeEvent) => noticeEvent == ChatEventNames.TakenOver ? FrameTypes.AdminTakeover : FrameTypes.AdminHandback;

        /// <summary>Handles the client's frames until it closes, goes silent or the connection drops; says how to close.</summary>
        private async Task<(WebSocketCloseStatus Code, string Reason)?> ReadLoop()
        {
            var buffer = new byte[ChatRules.MaxMessageBytes + 1];
            using var stopWatch = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var invalid = SocketAuthentication.UntilInvalidAsync(user, validity, clock, recheck, stopWatch.Token);
            try
            {
                return await ReadFrames(buffer, invalid);
            }
            finally
            {
                await stopWatch.CancelAsync();
            }
        }

        private async Task<(WebSocketCloseStatus Code, string Reason)?> ReadFrames(byte[] buffer, Task<string?> invalid)
        {
            while (socket.State == WebSocketState.Open)
            {
                // The silence limit and the session watch race the receive instead of cancelling it: a cancelled
                // receive aborts the socket, and the client would see a reset instead of the close code it can act on.
                var receiving = ReceiveMessage(buffer, aborted);
                using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                var first = await Task.WhenAny(receiving, Task.Delay(silenceLimit, clock, stopTimer.Token), invalid);
                await stopTimer.CancelAsync();
                if (first == invalid && await invalid is { } ended) return ((WebSocketCloseStatus)SocketAuthentication.Unauthorised, ended);
                if (first != receiving)
                    return aborted.IsCancellationRequested ? null : ((WebSocketCloseStatus)CloseCodes.Silent, $"No message or ping for {silenceLimit.TotalSeconds:0} seconds.");

                var (kind, text, tooLarge) = await receiving;
                if (kind is not null && await SocketAuthentication.ProblemAsync(user, validity, clock, aborted) is { } problem)
                    return ((WebSocketCloseStatus)SocketAuthentication.Unauthorised, problem);
                if (kind is null) return null; // the connection dropped
                if (kind == WebSocketMessageType.Close) return (WebSocketCloseStatus.NormalClosure, "bye");
                if (kind == WebSocketMessageType.Binary) { Error("Binary frames are not supported: send text or JSON."); continue; }
                if (tooLarge) { Error($"Messages may be at most {ChatRules.MaxMessageBytes / 1024} KB."); continue; }
                if (text == "__ping__") { _outbox.Writer.TryWrite("__pong__"); continue; }
                await Handle(text!);
            }
            return null;
        }

        private async Task<(WebSocketMessageType? Kind, string? Text, bool TooLarge)> ReceiveMessage(byte[] buffer, CancellationToken cancellation)
        {
            var length = 0;
            var tooLarge = false;
            try
            {
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.AsMemory(Math.Min(length, buffer.Length - 1)), cancellation);
                    if (result.MessageType == WebSocketMessageType.Close) return (WebSocketMessageType.Close, null, false);
                    length += result.Count;
                    if (length > ChatRules.MaxMessageBytes) { tooLarge = true; length = buffer.Length - 1; }
                    if (result.EndOfMessage)
                        return (result.MessageType, tooLarge ? null : Encoding.UTF8.GetString(buffer, 0, length), tooLarge);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                return (null, null, false);
            }
        }

        private async Task Handle(string text)
        {
            var (content, clientId, problem) = Parse(text);
            if (problem is not null) { Error(problem); return; }
            if (await limiter.TryAcquireAsync(_actor.Id, aborted) is { } retryAfter)
            {
                Send(new RateLimitedFrame(FrameTypes.Error, $"You're sending messages too quickly. Try again in {retryAfter} second(s).", retryAfter));
                return;
            }

            // A seeker's message or an admin's: the handler decides which rules apply from who sent it.
            var outcome = await commands.SendAsync(new SendChatMessage(sessionId, _actor, content!, clientId));
            if (outcome.Refusal is { } refusal) Error(refusal.Reason);
            else if (outcome.Kind == ChatOutcomeKind.Queued) Send(new NoticeFrame(FrameTypes.Queued, "Your message has been forwarded to a human agent"));
        }

        private static (string? Content, string? ClientId, string? Problem) Parse(string text)
        {
            if (!text.TrimStart().StartsWith('{')) return (text, null, null);
            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                if (!root.TryGetProperty("type", out var type) || type.GetString() != "message")
                    return (null, null, "Unknown frame: send {\"type\":\"message\",\"content\":...}.");
                var content = root.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var clientId = root.TryGetProperty("client_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                return content is null ? (null, null, "A message needs a text 'content'.") : (content, clientId?[..Math.Min(clientId.Length, 100)], null);
            }
            catch (JsonException)
            {
                return (null, null, "Invalid JSON.");
            }
        }

        private void Error(string message) => Send(new NoticeFrame(FrameTypes.Error, message));

        private void Send(object frame) => _outbox.Writer.TryWrite(JsonSerializer.Serialize(frame, Json));

        private async Task WriteLoop(CancellationToken cancellation)
        {
            try
            {
                await foreach (var frame in _outbox.Reader.ReadAllAsync(cancellation))
                {
                    if (socket.State != WebSocketState.Open) return;
                    await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellation);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        }
    }
}

/// <summary>The <c>type</c> (or <c>event</c>) names of the chat socket's frames, as the SPA reads them.</summary>
public static class FrameTypes
{
    public const string HistoryReplay = "history_replay";
    public const string AiReply = "ai_reply";
    public const string AdminMessage = "admin_message";
    public const string UserMessage = "user_message";
    public const string Queued = "queued";
    public const string Error = "error";
    public const string AdminTakeover = "admin_takeover";
    public const string AdminHandback = "admin_handback";
    public const string SessionClosed = "session_closed";
}

/// <summary>A replayed message; <see cref="AuthorName"/> names the human agent of an admin's message (null: "Ottobon coach (human)").</summary>
public record ReplayedMessage(Guid Id, long Version, string Role, string Content, DateTimeOffset Timestamp, string? AuthorName);

/// <summary>The first frame of every connection: the last messages and the notices among them, up to <see cref="Version"/>.</summary>
public record HistoryReplayFrame(string Type, IReadOnlyList<ReplayedMessage> Messages, string SessionStatus, IReadOnlyList<EventFrame> Notices, long Version);

/// <summary>A message, with its id and its event's version (the sequence the page orders and de-duplicates by).</summary>
public record MessageFrame(string Type, Guid? Id, long Version, string Content, DateTimeOffset Timestamp, string? AuthorName);

/// <summary>A change of who is in charge (or a close), with a sentence to show, at its event's version; a takeover names its agent.</summary>
public record EventFrame(string Event, string Note, long Version, DateTimeOffset? Timestamp, string? AgentName, Guid? Id);

/// <summary>A frame for this connection only: "queued" or "error".</summary>
public record NoticeFrame(string Type, string Message);

/// <summary>An "error" frame refusing a message over the per-user limit, with when to send again (like Retry-After).</summary>
public record RateLimitedFrame(string Type, string Message, int RetryAfter);
