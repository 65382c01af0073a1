using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Adapters.Email;

namespace OttobonJobs.Api.Email;

/// <summary>
/// How many emails one key (an address, a client address) may ask for per <see cref="EmailSettings.RequestWindow"/>.
/// Counts live in the sign-in throttle's table (keys prefixed "mail:"), bumped by one atomic upsert, so every node
/// and every parallel request shares them.
/// </summary>
public class MailRequestThrottle(NpgsqlDataSource dataSource, AccessTables tables, IOptions<EmailSettings> settings, TimeProvider clock)
{
    public static string AddressKey(string purpose, string normalisedEmail) => $"mail:{purpose}:address:{normalisedEmail}";
    public static string ClientKey(string purpose, IPAddress? client) => $"mail:{purpose}:client:{client?.ToString() ?? "unknown"}";

    public Task<bool> AdmitAddressAsync(string purpose, string normalisedEmail, CancellationToken cancellationToken) =>
        AdmitAsync(AddressKey(purpose, normalisedEmail), settings.Value.RequestsPerAddress, cancellationToken);

    public Task<bool> AdmitClientAsync(string purpose, IPAddress? client, CancellationToken cancellationToken) =>
        AdmitAsync(ClientKey(purpose, client), settings.Value.RequestsPerClient, cancellationToken);

    /// <summary>Counts one request for <paramref name="key"/>; true while the window's count is within <paramref name="limit"/>.</summary>
    private async Task<bool> AdmitAsync(string key, int limit, CancellationToken cancellationToken)
    {
        await tables.EnsureAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // last_attempt_at holds the window's start here: a request after the window starts a new one.
        await using var command = dataSource.CreateCommand("""
            insert into ottobon_login_throttle as t (key, failures, last_attempt_at, blocked_until) values (@key, 1, @now, null)
            on conflict (key) do update set
                failures = case when t.last_attempt_at <= @windowStart then 1 else t.failures + 1 end,
                last_attempt_at = case when t.last_attempt_at <= @windowStart then @now else t.last_attempt_at end
            returning failures
            """);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("windowStart", now - settings.Value.RequestWindow);
        var count = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return count <= limit;
    }
}
