using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Api.Chat;

/// <summary>
/// <c>/ws/admin/sessions</c>: the Control Tower's live list. Any chat change on any node (pg_notify) makes this
/// socket send the active sessions again, so the tower updates without polling.
/// </summary>
/// <summary>The active sessions, as <c>GET /api/admin/sessions</c> lists them.</summary>
public record SessionsFrame(string Type, IReadOnlyList<TowerSession> Sessions);

public static class ControlTowerFeed
{
    public const string Path = "/ws/admin/sessions";

    public static void MapControlTowerFeed(this WebApplication app) =>
        app.Map(Path, Stream).RequireAuthorization(policy => policy.RequireRole(Role.Admin)).ExcludeFromDescription();

    private static async Task Stream(
        HttpContext context, IDocumentStore store, ChatFanout fanout, IOptions<JsonOptions> json, SessionValidity validity,
        TimeProvider clock, IOptions<OttobonSettings> settings, ProductMetrics metrics)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiProblems.Write(context, StatusCodes.Status400BadRequest, "Connect with a WebSocket.");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(SocketAuthentication.Protocol(context));
        using var open = metrics.SocketOpened(ProductMetrics.Sockets.ControlTower);
        var changed = new SemaphoreSlim(1);
        using var watch = fanout.WatchAll(_ => { if (changed.CurrentCount == 0) changed.Release(); });
        var closed = WaitForClose(socket, context.RequestAborted);
        using var stopWatch = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var invalid = SocketAuthentication.UntilInvalidAsync(
            context.User, validity, clock, TimeSpan.FromSeconds(settings.Value.Sockets.RecheckSeconds), stopWatch.Token);

        while (socket.State == WebSocketState.Open && !closed.IsCompleted)
        {
            // Coalesce bursts: one refresh covers every change that arrived while it was being built.
            await Task.WhenAny(changed.WaitAsync(context.RequestAborted), closed, invalid);
            if (invalid.IsCompleted && await invalid is { } ended)
            {
                await socket.CloseAsync((WebSocketCloseStatus)SocketAuthentication.Unauthorised, ended, CancellationToken.None);
                return;
            }
            if (closed.IsCompleted || context.RequestAborted.IsCancellationRequested) break;
            await using var session = store.QuerySession();
            var sessions = await ControlTowerEndpoints.ActiveSessions(session, context.RequestAborted);
            var frame = JsonSerializer.Serialize(new SessionsFrame("sessions", sessions), json.Value.SerializerOptions);
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, context.RequestAborted);
        }
        await stopWatch.CancelAsync();
    }

    private static async Task WaitForClose(WebSocket socket, CancellationToken cancellation)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
                if ((await socket.ReceiveAsync(buffer, cancellation)).MessageType == WebSocketMessageType.Close) return;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }
}
