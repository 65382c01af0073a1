using Npgsql;

namespace OttobonJobs.Api.Chat;

/// <summary>
/// Whether a seeker has a chat socket open on any node. Each open seeker socket owns one row
/// (<c>ottobon_chat_presence</c>) whose <c>seen_at</c> it refreshes every <see cref="Heartbeat"/>; a seeker is
/// present while any of their rows is younger than <see cref="Expiry"/>. The socket deletes its row when it closes;
/// when its node dies instead, the row simply stops counting once it expires: nothing outlives its owner.
/// </summary>
public sealed class ChatPresence(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<ChatPresence> logger)
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(45);

    private TimeProvider Clock => clock;
    private ILogger Logger => logger;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    /// <summary>Marks the seeker present until the returned handle is disposed (or its heartbeats stop).</summary>
    public async Task<IAsyncDisposable> EnterAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        var socketId = Guid.CreateVersion7();
        await ExecuteAsync("""
            delete from ottobon_chat_presence where seen_at < @expired;
            insert into ottobon_chat_presence (socket_id, user_id, seen_at) values (@socket, @user, @now);
            """, cancellationToken, ("socket", socketId), ("user", seekerId), ("now", clock.GetUtcNow()), ("expired", clock.GetUtcNow() - Expiry));
        return new Presence(this, socketId);
    }

    public async Task<bool> IsPresentAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("select exists (select 1 from ottobon_chat_presence where user_id = @user and seen_at >= @fresh)");
        command.Parameters.AddWithValue("user", seekerId);
        command.Parameters.AddWithValue("fresh", clock.GetUtcNow() - Expiry);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_created) return;
        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (_created) return;
            // Serialises the CREATEs of several nodes starting at once (concurrent CREATE … IF NOT EXISTS can collide).
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                select pg_advisory_xact_lock(hashtextextended('ottobon_chat_presence', 0));
                create table if not exists ottobon_chat_presence (socket_id uuid primary key, user_id uuid not null, seen_at timestamptz not null);
                create index if not exists ottobon_chat_presence_user on ottobon_chat_presence (user_id, seen_at);
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

    /// <summary>One open socket's row: refreshed on a timer, deleted on dispose.</summary>
    private sealed class Presence : IAsyncDisposable
    {
        private readonly ChatPresence _owner;
        private readonly Guid _socketId;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _beating;

        public Presence(ChatPresence owner, Guid socketId)
        {
            (_owner, _socketId) = (owner, socketId);
            _beating = BeatAsync();
        }

        private async Task BeatAsync()
        {
            using var timer = new PeriodicTimer(Heartbeat, _owner.Clock);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        await _owner.ExecuteAsync("update ottobon_chat_presence set seen_at = @now where socket_id = @socket", _stop.Token,
                            ("socket", _socketId), ("now", _owner.Clock.GetUtcNow()));
                    }
                    catch (NpgsqlException e)
                    {
                        // A missed beat only risks a notification the seeker did not need; the next beat tries again.
                        _owner.Logger.LogWarning(e, "Could not refresh a chat socket's presence.");
                    }
                }
            }
            catch (OperationCanceledException) { }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _beating;
            _stop.Dispose();
            try
            {
                await _owner.ExecuteAsync("delete from ottobon_chat_presence where socket_id = @socket", CancellationToken.None, ("socket", _socketId));
            }
            catch (NpgsqlException e)
            {
                _owner.Logger.LogWarning(e, "Could not remove a closed chat socket's presence; it expires by itself.");
            }
        }
    }
}
