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
using OttobonJobs.Api.Chat;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Notifications;

/// <summary>
/// <c>/ws/notifications</c>: the caller's bell, live (any role). Frames out: <c>snapshot</c> first (the unread count
/// and the newest notifications), then a <c>notification</c> for each new one and an <c>unread_count</c> after every
/// change (a new one, one read, all read, on any node), and "__pong__" for "__ping__". Authentication, the re-checks
/// while open and the silence limit are the chat socket's (<see cref="SocketAuthentication"/>, <see cref="ChatSettings.SilenceLimit"/>):
/// close 4401 when the token, its session or the account ends, 4408 when silent too long.
/// What is new is always read from the store after the last notification sent, so a missed signal only delays.
/// </summary>
public static class NotificationSocket
{
    public const string Path = "/ws/notifications";
    public const int SnapshotCount = 10;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void MapNotificationSocket(this WebApplication app) => app.Map(Path, Connect).ExcludeFromDescription();

    private static async Task Connect(
        HttpContext context, IDocumentStore store, NotificationFanout fanout, TimeProvider clock, IOptions<ChatSettings> chat,
        IOptions<OttobonSettings> access, SessionValidity validity, ProductMetrics metrics)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiProblems.Write(context, StatusCodes.Status400BadRequest, "Connect with a WebSocket.");
            return;
        }

        // As the chat socket: a refusal is a close code the page can act on, not an HTTP error.
        var auth = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(SocketAuthentication.Protocol(context));
        if (SocketAuthentication.HasTokenInUrl(context))
        {
            await socket.CloseAsync((WebSocketCloseStatus)SocketAuthentication.Unauthorised, SocketAuthentication.TokenInUrl, CancellationToken.None);
            return;
        }
        if (!auth.Succeeded || auth.Principal is null)
        {
            await socket.CloseAsync((WebSocketCloseStatus)SocketAuthentication.Unauthorised, "Sign in first: no valid access token.", CancellationToken.None);
            return;
        }

        var connection = new Connection(socket, auth.Principal, store, clock, chat.Value.SilenceLimit, validity,
            TimeSpan.FromSeconds(access.Value.Sockets.RecheckSeconds), context.RequestAborted);
        using var watch = fanout.Watch(auth.Principal.UserId(), connection.Changed);
        using var open = metrics.SocketOpened(ProductMetrics.Sockets.Notifications);
        await connection.RunAsync();
    }

    private sealed class Connection(
        WebSocket socket, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, TimeSpan silenceLimit, SessionValidity validity,
        TimeSpan recheck, CancellationToken aborted)
    {
        private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        // At most one pending "something changed": a burst of signals is one read.
        private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        private readonly Guid _userId = user.UserId();

        public void Changed() => _changes.Writer.TryWrite(true);

        public async Task RunAsync()
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var writer = WriteLoop(stop.Token);
            var deliveries = DeliverLoop(stop.Token);
            (WebSocketCloseStatus Code, string Reason)? closing = null;
            try
            {
                closing = await ReadLoop();
            }
            finally
            {
                await stop.CancelAsync();
                await deliveries;
                _outbox.Writer.TryComplete();
                await writer;
            }

            if (closing is { } close && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try { await socket.CloseOutputAsync(close.Code, close.Reason, CancellationToken.None); }
                catch (WebSocketException) { } // the client went away meanwhile
            }
        }

        /// <summary>The snapshot, then, for each change signal, what is newer than the last notification sent and the unread count.</summary>
        private async Task DeliverLoop(CancellationToken cancellation)
        {
            try
            {
                string newest;
                await using (var query = store.QuerySession())
                {
                    var (latest, _) = await NotificationReads.PageAsync(query, _userId, null, SnapshotCount, cancellation);
                    newest = latest.Count > 0 ? latest[0].SortKey : "";
                    Send(new NotificationsSnapshotFrame(NotificationFrameTypes.Snapshot,
                        await NotificationReads.UnreadAsync(query, _userId, cancellation), latest.Select(NotificationItem.From).ToList()));
                }
                await foreach (var _ in _changes.Reader.ReadAllAsync(cancellation))
                {
                    await using var query = store.QuerySession();
                    foreach (var added in await NotificationReads.NewerAsync(query, _userId, newest, cancellation))
                    {
                        newest = added.SortKey;
                        Send(new NotificationFrame(NotificationFrameTypes.Notification, NotificationItem.From(added)));
                    }
                    Send(new UnreadCountFrame(NotificationFrameTypes.UnreadCount, await NotificationReads.UnreadAsync(query, _userId, cancellation)));
                }
            }
            catch (OperationCanceledException) { }
        }

        private async Task<(WebSocketCloseStatus Code, string Reason)?> ReadLoop()
        {
            var buffer = new byte[1024];
            using var stopWatch = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var invalid = SocketAuthentication.UntilInvalidAsync(user, validity, clock, recheck, stopWatch.Token);
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    // As in the chat socket, the silence limit and the session watch race the receive rather than cancel it.
                    var receiving = ReceiveText(buffer);
                    using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                    var first = await Task.WhenAny(receiving, Task.Delay(silenceLimit, clock, stopTimer.Token), invalid);
                    await stopTimer.CancelAsync();
                    if (first == invalid && await invalid is { } ended) return ((WebSocketCloseStatus)SocketAuthentication.Unauthorised, ended);
                    if (first != receiving)
                        return aborted.IsCancellationRequested ? null : ((WebSocketCloseStatus)ChatSocket.CloseCodes.Silent, $"No message or ping for {silenceLimit.TotalSeconds:0} seconds.");

                    var (kind, text) = await receiving;
                    if (kind is not null && await SocketAuthentication.ProblemAsync(user, validity, clock, aborted) is { } problem)
                        return ((WebSocketCloseStatus)SocketAuthentication.Unauthorised, problem);
                    if (kind is null) return null; // the connection dropped
                    if (kind == WebSocketMessageType.Close) return (WebSocketCloseStatus.NormalClosure, "bye");
                    if (text == "__ping__") _outbox.Writer.TryWrite("__pong__");
                    else Send(new NotificationErrorFrame(NotificationFrameTypes.Error, "This socket only answers \"__ping__\": read and mark notifications over HTTP."));
                }
                return null;
            }
            finally
            {
                await stopWatch.CancelAsync();
            }
        }

        private async Task<(WebSocketMessageType? Kind, string? Text)> ReceiveText(byte[] buffer)
        {
            var length = 0;
            try
            {
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.AsMemory(Math.Min(length, buffer.Length - 1)), aborted);
                    if (result.MessageType == WebSocketMessageType.Close) return (WebSocketMessageType.Close, null);
                    length = Math.Min(length + result.Count, buffer.Length - 1);
                    if (result.EndOfMessage) return (result.MessageType, Encoding.UTF8.GetString(buffer, 0, length));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                return (null, null);
            }
        }

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

/// <summary>The <c>type</c> names of the notification socket's frames, as the SPA reads them.</summary>
public static class NotificationFrameTypes
{
    public const string Snapshot = "snapshot";
    public const string Notification = "notification";
    public const string UnreadCount = "unread_count";
    public const string Error = "error";
}

/// <summary>The first frame: the unread count and the newest notifications, newest first.</summary>
public record NotificationsSnapshotFrame(string Type, int UnreadCount, IReadOnlyList<NotificationItem> Notifications);

/// <summary>A notification the socket had not sent yet (oldest first when several arrive).</summary>
public record NotificationFrame(string Type, NotificationItem Notification);

/// <summary>The user's unread count after a change.</summary>
public record UnreadCountFrame(string Type, int UnreadCount);

public record NotificationErrorFrame(string Type, string Message);
