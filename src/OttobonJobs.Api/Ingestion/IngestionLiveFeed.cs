using System.Net.WebSockets;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Ingestion;

namespace OttobonJobs.Api.Ingestion;

/// <summary>
/// <c>/ws/admin/ingestion</c>: pushes the recent runs to the admin Ingestion page whenever they change, so counts
/// move without a reload. It reads the shared read model, so it shows runs handled by any node of the cluster.
/// </summary>
public static class IngestionLiveFeed
{
    public const string Path = "/ws/admin/ingestion";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(750);

    public static void MapIngestionLiveFeed(this WebApplication app) =>
        app.Map(Path, Stream).RequireAuthorization(policy => policy.RequireRole(Role.Admin)).ExcludeFromDescription();

    private static async Task Stream(
        HttpContext context, IDocumentStore store, IOptions<JsonOptions> json, SessionValidity validity, TimeProvider clock,
        IOptions<OttobonSettings> settings, ProductMetrics metrics)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { detail = "Connect with a WebSocket." });
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(SocketAuthentication.Protocol(context));
        using var open = metrics.SocketOpened(ProductMetrics.Sockets.IngestionFeed);
        var cancellation = context.RequestAborted;
        var listening = DrainIncoming(socket, cancellation);
        using var stopWatch = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var invalid = SocketAuthentication.UntilInvalidAsync(
            context.User, validity, clock, TimeSpan.FromSeconds(settings.Value.Sockets.RecheckSeconds), stopWatch.Token);
        string? lastSent = null;
        while (socket.State == WebSocketState.Open && !cancellation.IsCancellationRequested && !listening.IsCompleted)
        {
            await using (var session = store.QuerySession())
            {
                var runs = await session.Query<IngestionRunLog>().OrderByDescending(r => r.StartedAt).Take(10).ToListAsync(cancellation);
                var message = JsonSerializer.Serialize(new { type = "runs", runs }, json.Value.SerializerOptions);
                if (message != lastSent)
                {
                    await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellation);
                    lastSent = message;
                }
            }
            await Task.WhenAny(Task.Delay(PollInterval, cancellation), listening, invalid);
            if (invalid.IsCompleted && await invalid is { } ended)
            {
                await socket.CloseAsync((WebSocketCloseStatus)SocketAuthentication.Unauthorised, ended, CancellationToken.None);
                return;
            }
        }
        await stopWatch.CancelAsync();

        if (socket.State == WebSocketState.Open)
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
    }

    /// <summary>The page sends nothing but pings; reading is what notices the client closing.</summary>
    private static async Task DrainIncoming(WebSocket socket, CancellationToken cancellation)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, cancellation);
                if (received.MessageType == WebSocketMessageType.Close) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }
}
