using Npgsql;

namespace OttobonJobs.Api.Access;

/// <summary>
/// The two small tables of short-lived access data that need atomic SQL rather than documents: sign-in throttle
/// counts (read-decide-write under an advisory lock) and socket tickets (consumed by one DELETE … RETURNING, so a
/// ticket opens exactly one socket). Created on first use.
/// </summary>
public class AccessTables(NpgsqlDataSource dataSource)
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_created) return;
        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (_created) return;
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Serialises the CREATEs of several nodes starting at once (concurrent CREATE … IF NOT EXISTS can collide).
            await using var command = new NpgsqlCommand("""
                select pg_advisory_xact_lock(hashtextextended('ottobon_access_tables', 0));
                create table if not exists ottobon_login_throttle (
                    key text primary key, failures int not null, last_attempt_at timestamptz not null, blocked_until timestamptz);
                create table if not exists ottobon_socket_tickets (
                    ticket_hash text primary key, access_token text not null, expires_at timestamptz not null);
                """, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _created = true;
        }
        finally
        {
            _creating.Release();
        }
    }
}
