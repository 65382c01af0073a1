using System.Collections.Concurrent;
using Npgsql;
using OttobonJobs.Projections.Chat;

namespace OttobonJobs.Api.Chat;

/// <summary>
/// Tells this node's open chat sockets that their session changed, whichever node made the change: every chat
/// event is followed by <c>pg_notify('ottobon_chat', session id)</c> in its transaction (<see cref="ChatNotifications"/>),
/// and each node LISTENs on one connection. The notification carries the new events (<see cref="ChatNotice"/>); when it
/// does not (too large), or a socket missed some, the socket reads them from the event store, so nothing depends on node memory.
/// </summary>
public sealed class ChatFanout(NpgsqlDataSource dataSource, ILogger<ChatFanout> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Action<ChatNotice>>> _bySession = new();
    private readonly ConcurrentDictionary<Guid, Action<Guid>> _everything = new();

    /// <summary>Calls <paramref name="changed"/> whenever the session gets new events (with them, when the notification carries them).</summary>
    public IDisposable Watch(Guid sessionId, Action<ChatNotice> changed)
    {
        var key = Guid.NewGuid();
        _bySession.GetOrAdd(sessionId, _ => new())[key] = changed;
        return new Subscription(() =>
        {
            if (_bySession.TryGetValue(sessionId, out var watchers)) watchers.TryRemove(key, out _);
        });
    }

    /// <summary>Calls <paramref name="changed"/> for every session that changes (the Control Tower's live list).</summary>
    public IDisposable WatchAll(Action<Guid> changed)
    {
        var key = Guid.NewGuid();
        _everything[key] = changed;
        return new Subscription(() => _everything.TryRemove(key, out _));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    if (ChatNotice.Parse(notification.Payload) is { } notice) Notify(notice);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {ChatNotifications.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);

                // Anything written while we were (re)connecting is picked up by the sockets' own catch-up read.
                NotifyAll();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the chat notification connection; reconnecting.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private void Notify(ChatNotice notice)
    {
        if (_bySession.TryGetValue(notice.SessionId, out var watchers))
            foreach (var watcher in watchers.Values) watcher(notice);
        foreach (var watcher in _everything.Values) watcher(notice.SessionId);
    }

    private void NotifyAll()
    {
        foreach (var sessionId in _bySession.Keys) Notify(new ChatNotice(sessionId, null));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
