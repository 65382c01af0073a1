using Npgsql;

namespace OttobonJobs.Api.Hosting;

/// <summary>Database failures worth trying again (connection refused or reset, a timeout): the database comes back.</summary>
public static class TransientFailures
{
    /// <summary>Retried in place first: a restart or a failover of a few seconds passes within these.</summary>
    public static readonly TimeSpan[] Cooldowns = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>Then scheduled, so a longer outage does not hold a handler thread.</summary>
    public static readonly TimeSpan[] Delays = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)];

    public static bool IsTransient(Exception? exception) => exception switch
    {
        null => false,
        NpgsqlException { IsTransient: true } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTransient),
        _ => IsTransient(exception.InnerException),
    };
}
