using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace OttobonJobs.Api.Hosting;

/// <summary>One <c>pg_notify</c> channel this node follows, and what to do with what arrives on it.</summary>
public interface IPostgresChannel
{
    string Channel { get; }

    /// <summary>A notification's payload; called on the listener's connection, so keep it short (hand work to a task).</summary>
    void Received(string payload);

    /// <summary>The listener (re)connected: anything sent while it was away was missed, so catch up.</summary>
    void Reconnected();
}

/// <summary>
/// How every node hears what any node wrote: one connection per node LISTENs on every registered channel (chat,
/// notifications), and reconnects after a failure. PostgreSQL delivers a notification only when its transaction
/// commits, and not to a connection that was away; so after each (re)connect every channel is told to catch up from
/// the store, and nothing depends on a notification arriving.
/// </summary>
public sealed class PostgresListener(NpgsqlDataSource dataSource, IEnumerable<IPostgresChannel> channels, ILogger<PostgresListener> logger) : BackgroundService
{
    private readonly IReadOnlyList<IPostgresChannel> _channels = channels.ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byName = _channels.ToDictionary(c => c.Channel);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    if (byName.TryGetValue(notification.Channel, out var channel)) channel.Received(notification.Payload);
                };
                foreach (var channel in _channels)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {channel.Channel}", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything written while we were (re)connecting is picked up by the subscribers' own catch-up reads.
                foreach (var channel in _channels) channel.Reconnected();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the database notification connection ({Channels}); reconnecting.", string.Join(", ", byName.Keys));
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}

public static class PostgresListenerSetup
{
    /// <summary>Follows <typeparamref name="T"/>'s channel on this node's one listening connection (registered once, whoever asks first).</summary>
    public static IServiceCollection AddPostgresChannel<T>(this IServiceCollection services) where T : class, IPostgresChannel
    {
        services.AddSingleton<T>();
        services.AddSingleton<IPostgresChannel>(provider => provider.GetRequiredService<T>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresListener>());
        return services;
    }
}

/// <summary>A watcher's registration; disposing it (once) stops the calls.</summary>
public sealed class Subscription(Action dispose) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
    }
}
