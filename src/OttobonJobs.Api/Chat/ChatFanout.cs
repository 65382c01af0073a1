using System.Collections.Concurrent;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Projections.Chat;

namespace OttobonJobs.Api.Chat;

/// <summary>
/// Tells this node's open chat sockets that their session changed, whichever node made the change: every chat
/// event is followed by <c>pg_notify('ottobon_chat', session id)</c> in its transaction (<see cref="ChatNotifications"/>),
/// and each node LISTENs on one connection (<see cref="PostgresListener"/>, shared with the notifications). The notification carries the new events (<see cref="ChatNotice"/>); when it
/// does not (too large), or a socket missed some, the socket reads them from the event store, so nothing depends on node memory.
/// </summary>
public sealed class ChatFanout : IPostgresChannel
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

    public string Channel => ChatNotifications.Channel;

    public void Received(string payload)
    {
        if (ChatNotice.Parse(payload) is { } notice) Notify(notice);
    }

    // Anything written while the listener was (re)connecting is picked up by the sockets' own catch-up read.
    public void Reconnected() => NotifyAll();

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
}
