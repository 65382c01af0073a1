using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using OttobonJobs.Api.Hosting;
using Wolverine.Http;

namespace OttobonJobs.Api.Access;

/// <summary>A one-time ticket for opening a socket: <c>/ws/…?ticket=…</c>.</summary>
public record SocketTicketResponse(string Ticket, int ExpiresIn);

/// <summary>
/// Browsers cannot put headers on a WebSocket, and a token in the URL ends up in proxy logs. A ticket is the safe
/// thing to put there instead: random, valid for <see cref="SocketAccessSettings.TicketSeconds"/> and good for one
/// socket. It stands for the access token that asked for it (stored until used or expired, keyed by the ticket's
/// hash), so the socket is authenticated exactly like that token, and dies when that token would.
/// </summary>
public class SocketTickets(NpgsqlDataSource dataSource, AccessTables tables, IOptions<OttobonSettings> settings, TimeProvider clock)
{
    public async Task<SocketTicketResponse> IssueAsync(string accessToken, CancellationToken cancellationToken)
    {
        await tables.EnsureAsync(cancellationToken);
        var ticket = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var lifetime = settings.Value.Sockets.TicketSeconds;
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand("""
            delete from ottobon_socket_tickets where expires_at < @now;
            insert into ottobon_socket_tickets (ticket_hash, access_token, expires_at) values (@hash, @token, @expires);
            """);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("hash", RefreshTokens.Hash(ticket));
        command.Parameters.AddWithValue("token", accessToken);
        command.Parameters.AddWithValue("expires", now.AddSeconds(lifetime));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new SocketTicketResponse(ticket, lifetime);
    }

    /// <summary>The access token the ticket stands for, once: the row is deleted by the same statement that reads it.</summary>
    public async Task<string?> RedeemAsync(string ticket, CancellationToken cancellationToken)
    {
        if (ticket.Length > 100) return null;
        await tables.EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(
            "delete from ottobon_socket_tickets where ticket_hash = @hash returning access_token, expires_at");
        command.Parameters.AddWithValue("hash", RefreshTokens.Hash(ticket));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return reader.GetFieldValue<DateTimeOffset>(1) > clock.GetUtcNow() ? reader.GetString(0) : null;
    }
}

public static class SocketTicketEndpoint
{
    /// <summary>Issues a ticket for the caller's next socket (<c>?ticket=</c>), valid 30 seconds and once.</summary>
    [WolverinePost("/api/ws/tickets", OperationId = "socketTicket")]
    [Authorize]
    [ProducesResponseType<SocketTicketResponse>(StatusCodes.Status200OK)]
    public static Task<SocketTicketResponse> Post(HttpContext http, SocketTickets tickets, CancellationToken cancellationToken)
    {
        // [Authorize] already verified this header's token, so it is a bearer token of a live session.
        var token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        return tickets.IssueAsync(token, cancellationToken);
    }
}

/// <summary>
/// How every socket authenticates and stays authenticated. In: the <c>Sec-WebSocket-Protocol</c> header
/// (<c>ottobon.bearer, &lt;access token&gt;</c>) or a one-time <c>?ticket=</c>; never <c>?access_token=</c>.
/// While open: the token's expiry, the session and the account are re-checked on every frame and on a timer, and the
/// socket is closed with 4401 once any of them fails.
/// </summary>
public static class SocketAuthentication
{
    public const string BearerProtocol = "ottobon.bearer";
    public const int Unauthorised = 4401;
    // A close reason may be at most 123 bytes.
    public const string TokenInUrl = "Tokens in the URL are refused: use the Sec-WebSocket-Protocol header or a ticket (POST /api/ws/tickets).";

    /// <summary>The protocol to answer with: ours when the client offered it, else none.</summary>
    public static string? Protocol(HttpContext context) =>
        context.WebSockets.WebSocketRequestedProtocols.Contains(BearerProtocol) ? BearerProtocol : null;

    public static bool HasTokenInUrl(HttpContext context) => context.Request.Query.ContainsKey("access_token");

    /// <summary>The token a socket request carries (ticket redeemed here), or null. Called by the bearer handler for /ws paths.</summary>
    public static async Task<string?> TokenFor(HttpContext context)
    {
        if (HasTokenInUrl(context)) return null;
        var ticket = context.Request.Query["ticket"].ToString();
        if (!string.IsNullOrEmpty(ticket))
            return await context.RequestServices.GetRequiredService<SocketTickets>().RedeemAsync(ticket, context.RequestAborted);
        return context.Request.Headers.SecWebSocketProtocol.ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(p => p.Count(c => c == '.') == 2);
    }

    /// <summary>Null while the socket's user may stay connected, else why it must close.</summary>
    public static async Task<string?> ProblemAsync(ClaimsPrincipal user, SessionValidity validity, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Expiry(user) is not { } expires || expires <= clock.GetUtcNow()) return SessionValidity.SessionExpired;
        if (user.SessionId() is not { } sessionId) return SessionValidity.SessionEnded;
        return await validity.ProblemAsync(user.UserId(), sessionId, cancellationToken);
    }

    /// <summary>Completes with the reason when the socket's user must be disconnected (or null when <paramref name="cancellationToken"/> ends the watch).</summary>
    public static async Task<string?> UntilInvalidAsync(
        ClaimsPrincipal user, SessionValidity validity, TimeProvider clock, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                if (await ProblemAsync(user, validity, clock, cancellationToken) is { } problem) return problem;
                var untilExpiry = Expiry(user)!.Value - clock.GetUtcNow();
                await Task.Delay(untilExpiry < interval ? untilExpiry + TimeSpan.FromMilliseconds(50) : interval, clock, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static DateTimeOffset? Expiry(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst("exp")?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
