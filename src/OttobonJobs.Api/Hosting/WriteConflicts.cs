using JasperFx;
using Marten.Exceptions;

namespace OttobonJobs.Api.Hosting;

/// <summary>The exceptions that mean "another writer got there first": a 409 for people, a retry for background handlers.</summary>
public static class WriteConflicts
{
    /// <summary>How long a background handler that lost a race waits before it reads the stream and decides again.</summary>
    public static readonly TimeSpan[] Cooldowns = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)];

    public static bool IsConflict(Exception? exception) => exception switch
    {
        null => false,
        ConcurrencyException or ExistingStreamIdCollisionException or DocumentAlreadyExistsException => true,
        // An exclusive writer (ConcurrencyStyle.Exclusive) that could not get the stream's row lock in time.
        JasperFx.Events.StreamLockedException => true,
        // PostgreSQL broke a lock cycle (two writers of related rows) or a serialisable read: the loser may simply try again.
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected or Npgsql.PostgresErrorCodes.SerializationFailure } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsConflict),
        _ => IsConflict(exception.InnerException),
    };
}
