using Marten;
using Npgsql;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Projections.Identity;

namespace OttobonJobs.Api.Identity;

/// <summary>
/// Moves password hashes out of the event log of databases made before credentials were a document: for every
/// stored <c>user_registered</c> row that still carries <c>PasswordHash</c>, the hash becomes the user's
/// <see cref="UserCredentials"/> (unless they already have some), and the property is removed from the stored row,
/// in one transaction. Runs at start-up, before the server takes requests, until it has once found nothing left
/// (then a marker document makes later starts skip the scan of the event table: nothing writes the old shape any
/// more). Until it has run, <see cref="UserRegisteredUpcaster"/> keeps the hash from ever being read.
/// </summary>
public class CredentialsMigration(IDocumentStore store, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<CredentialsMigration> logger)
    : IHostedService
{
    private const string Hash = UserRegisteredUpcaster.RetiredPasswordHashProperty;
    private static readonly string Events = $"{EventStoreSetup.MartenSchema}.mt_events";
    private static readonly string OldRows = $"type = '{UserRegisteredUpcaster.StoredName}' AND data -> '{Hash}' IS NOT NULL";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var query = store.QuerySession())
            if (await query.CheckExistsAsync<CompletedMigration>(CompletedMigration.CredentialsOutOfEvents, cancellationToken)) return;

        var moved = await MigrateAsync(cancellationToken);
        if (moved > 0) logger.LogInformation("Moved {Count} password hash(es) from the event log to credentials documents.", moved);

        await using var session = store.LightweightSession();
        session.Store(new CompletedMigration(CompletedMigration.CredentialsOutOfEvents, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>How many events had a hash removed.</returns>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var hashes = new List<(Guid UserId, string Hash)>();
        await using (var command = dataSource.CreateCommand($"SELECT stream_id, data ->> '{Hash}' FROM {Events} WHERE {OldRows}"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) hashes.Add((reader.GetGuid(0), reader.GetString(1)));
        }
        if (hashes.Count == 0) return 0;

        await using var session = store.LightweightSession();
        var existing = (await session.LoadManyAsync<UserCredentials>(cancellationToken, hashes.Select(h => h.UserId).ToArray()))
            .Select(c => c.Id).ToHashSet();
        // Credentials set later (a password change) win over the hash the old event recorded.
        foreach (var (userId, hash) in hashes.Where(h => !existing.Contains(h.UserId)))
            session.Store(new UserCredentials(userId, hash, clock.GetUtcNow()));
        session.QueueSqlCommand($"UPDATE {Events} SET data = data - '{Hash}' WHERE {OldRows}");
        await session.SaveChangesAsync(cancellationToken);
        return hashes.Count;
    }
}

/// <summary>A one-off data migration that has finished and need not look again.</summary>
public record CompletedMigration(string Id, DateTimeOffset CompletedAt)
{
    public const string CredentialsOutOfEvents = "credentials-out-of-events";
}
