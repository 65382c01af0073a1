using System.Collections.Concurrent;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Projections.Notifications;

namespace OttobonJobs.Api.Notifications;

/// <summary>
/// Tells this node's open notification sockets that their user's notifications changed, whichever node wrote them:
/// <see cref="NotificationSignals"/> sends the user's id on <see cref="NotificationSignals.Channel"/> in the writing
/// transaction, and <see cref="PostgresListener"/> hears it. The sockets then read what is new from the store.
/// </summary>
public sealed class NotificationFanout : IPostgresChannel
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Action>> _byUser = new();

    public IDisposable Watch(Guid userId, Action changed)
    {
        var key = Guid.NewGuid();
        _byUser.GetOrAdd(userId, _ => new())[key] = changed;
        return new Subscription(() =>
        {
            if (_byUser.TryGetValue(userId, out var watchers)) watchers.TryRemove(key, out _);
        });
    }

    public string Channel => NotificationSignals.Channel;

    public void Received(string payload)
    {
        if (Guid.TryParse(payload, out var userId)) Notify(userId);
    }

    public void Reconnected()
    {
        foreach (var userId in _byUser.Keys) Notify(userId);
    }

    private void Notify(Guid userId)
    {
        if (_byUser.TryGetValue(userId, out var watchers))
            foreach (var watcher in watchers.Values) watcher();
    }
}
