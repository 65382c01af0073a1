using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Identity;

/// <summary>Failed (or still running) sign-ins counted for one key, and until when that key must wait.</summary>
public record ThrottleCount(int Failures, DateTimeOffset LastAttemptAt, DateTimeOffset? BlockedUntil);

/// <summary>Whether a sign-in may verify a password now; when not, how long to wait.</summary>
public record LoginAdmission(bool Admitted, TimeSpan RetryAfter);

/// <summary>
/// The pure rule behind <see cref="LoginThrottle"/>. Every admitted attempt counts as a failure up front (a success
/// refunds it afterwards), so attempts running in parallel cannot all slip under the limit.
/// </summary>
public static class LoginThrottleRules
{
    /// <summary>Admits one attempt against <paramref name="count"/>: the next count to store, or a refusal with the wait.</summary>
    public static (bool Admitted, ThrottleCount Next, TimeSpan Wait) Admit(
        ThrottleCount? count, DateTimeOffset now, int maxFailures, TimeSpan window, Func<int, TimeSpan> blockAfter)
    {
        if (count?.BlockedUntil is { } until && until > now) return (false, count, until - now);

        var failures = count is null || now - count.LastAttemptAt > window ? 1 : count.Failures + 1;
        DateTimeOffset? blocked = failures >= maxFailures ? now + blockAfter(failures) : null;
        return (true, new ThrottleCount(failures, now, blocked), TimeSpan.Zero);
    }

    /// <summary>One address: after the limit, the first lockout doubles with every further failure, up to the cap.</summary>
    public static TimeSpan AddressLockout(int failures, LoginThrottleSettings limits)
    {
        var doublings = Math.Min(failures - limits.MaxFailures, 20);
        var seconds = Math.Min(limits.FirstLockoutSeconds * Math.Pow(2, doublings), limits.LockoutMinutes * 60.0);
        return TimeSpan.FromSeconds(seconds);
    }
}

/// <summary>
/// Throttles password guessing before any password is verified. Counts live in one PostgreSQL table shared by every
/// node; a transaction-scoped advisory lock per account makes "read the counts, decide, write the counts" atomic, so
/// 25 parallel guesses for one account verify at most <see cref="LoginThrottleSettings.MaxFailures"/> passwords.
/// Two counts per attempt: (account, client address), which locks the guesser's address out with growing delays,
/// and the account's total, which past its ceiling admits one try per few seconds whatever the address.
/// </summary>
public class LoginThrottle(NpgsqlDataSource dataSource, AccessTables tables, IOptions<OttobonSettings> settings, TimeProvider clock)
{
    private LoginThrottleSettings Limits => settings.Value.LoginThrottle;

    public static string AccountKey(string email) => $"account:{email}";
    public static string AddressKey(string email, IPAddress? address) => $"address:{address?.ToString() ?? "unknown"}:{email}";

    public async Task<LoginAdmission> AdmitAsync(string normalisedEmail, IPAddress? address, CancellationToken cancellationToken)
    {
        await tables.EnsureAsync(cancellationToken);
        var limits = Limits;
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(limits.WindowMinutes);
        var accountKey = AccountKey(normalisedEmail);
        var addressKey = AddressKey(normalisedEmail, address);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockAccount = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@key, 0))", connection, transaction))
        {
            lockAccount.Parameters.AddWithValue("key", accountKey);
            await lockAccount.ExecuteNonQueryAsync(cancellationToken);
        }

        var counts = await ReadAsync(connection, transaction, [accountKey, addressKey], cancellationToken);
        var byAddress = LoginThrottleRules.Admit(counts.GetValueOrDefault(addressKey), now, limits.MaxFailures, window,
            failures => LoginThrottleRules.AddressLockout(failures, limits));
        var byAccount = LoginThrottleRules.Admit(counts.GetValueOrDefault(accountKey), now, limits.AccountMaxFailures, window,
            _ => TimeSpan.FromSeconds(limits.AccountDelaySeconds));
        if (!byAddress.Admitted || !byAccount.Admitted)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new LoginAdmission(false, byAddress.Wait > byAccount.Wait ? byAddress.Wait : byAccount.Wait);
        }

        await WriteAsync(connection, transaction, addressKey, byAddress.Next, cancellationToken);
        await WriteAsync(connection, transaction, accountKey, byAccount.Next, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LoginAdmission(true, TimeSpan.Zero);
    }

    /// <summary>The password was right: the address starts afresh and the account's total gets its attempt back.</summary>
    public async Task SucceededAsync(string normalisedEmail, IPAddress? address, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            delete from ottobon_login_throttle where key = @address;
            update ottobon_login_throttle set failures = greatest(failures - 1, 0) where key = @account;
            """);
        command.Parameters.AddWithValue("address", AddressKey(normalisedEmail, address));
        command.Parameters.AddWithValue("account", AccountKey(normalisedEmail));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, ThrottleCount>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string[] keys, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select key, failures, last_attempt_at, blocked_until from ottobon_login_throttle where key = any(@keys)", connection, transaction);
        command.Parameters.AddWithValue("keys", keys);
        var counts = new Dictionary<string, ThrottleCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            counts[reader.GetString(0)] = new ThrottleCount(reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
        return counts;
    }

    private static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string key, ThrottleCount count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            insert into ottobon_login_throttle (key, failures, last_attempt_at, blocked_until) values (@key, @failures, @at, @blocked)
            on conflict (key) do update set failures = excluded.failures, last_attempt_at = excluded.last_attempt_at, blocked_until = excluded.blocked_until
            """, connection, transaction);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("failures", count.Failures);
        command.Parameters.AddWithValue("at", count.LastAttemptAt);
        command.Parameters.AddWithValue("blocked", (object?)count.BlockedUntil ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
