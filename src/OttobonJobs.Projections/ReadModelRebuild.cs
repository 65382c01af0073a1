using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Notifications;
using Weasel.Postgresql.Tables;

namespace OttobonJobs.Projections;

/// <summary>A stored read model and the events it folds.</summary>
public sealed record ReadModelProjection(string Name, IReadOnlyList<Type> EventTypes);

/// <summary>
/// A projection that writes a table of its own (pgvector, full text) whose indexes are far cheaper built once over
/// the rebuilt rows than kept up row by row while a rebuild replays every event: HNSW in particular.
/// </summary>
public interface IRebuiltInBulk
{
    Table Table { get; }
}

/// <summary>
/// Rebuilds the stored read models from the event log, one projection at a time (each replays only the events it
/// declares; several at once would compete for the same two cores and the same connection pool). A projection with
/// its own table (<see cref="IRebuiltInBulk"/>) is emptied with TRUNCATE and its indexes are dropped before the
/// replay and built again after it, also when the replay fails.
/// </summary>
public static class ReadModelRebuild
{
    /// <summary>Events per page a rebuild reads (Marten's default is 500): fewer round trips, one write per job per page.</summary>
    public const int PageSize = 5_000;

    /// <summary>Dirty documents a single-stream rebuild keeps in memory before it writes them (once each, by COPY where new).</summary>
    public const int FlushThreshold = 20_000;

    /// <summary>The rebuild settings of every stored projection; call after every projection is registered.</summary>
    public static StoreOptions Configure(StoreOptions opts)
    {
        opts.Projections.RebuildWithBulkCopy = true;
        foreach (var source in opts.Projections.All.OfType<ProjectionBase>())
        {
            source.Options.BatchSize = PageSize;
            if (source is IAggregateProjection) source.Options.RebuildFlushThreshold = FlushThreshold;
        }
        return opts;
    }

    /// <summary>
    /// Every projection that stores something, in the order a full rebuild takes them. Live aggregations are folded on
    /// demand, and <see cref="ChatNotifications"/> and <see cref="NotificationSignals"/> store nothing: replaying them would
    /// only notify every socket again.
    /// </summary>
    public static IReadOnlyList<ReadModelProjection> Projections(IDocumentStore store) =>
        ((DocumentStore)store).Options.Projections.All
            .Where(source => source.Lifecycle != ProjectionLifecycle.Live && source.Name is not (nameof(ChatNotifications) or nameof(NotificationSignals)))
            .Select(source => new ReadModelProjection(source.Name, source is EventFilterable filterable ? filterable.IncludedEventTypes : []))
            .ToList();

    public static Task RebuildAsync(IDocumentStore store, string name, CancellationToken cancellationToken) =>
        RebuildAsync(store, [name], rebuilt: null, cancellationToken);

    /// <summary>Rebuilds these projections one after another with one daemon; <paramref name="rebuilt"/> hears how long each took.</summary>
    public static async Task RebuildAsync(IDocumentStore store, IReadOnlyList<string> names, Action<string, TimeSpan>? rebuilt,
        CancellationToken cancellationToken)
    {
        var all = ((DocumentStore)store).Options.Projections.All;
        var sources = names.Select(name => all.SingleOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No projection is named '{name}'.", nameof(names))).ToList();
        // Every schema object is checked now, so the replay's own check finds nothing missing and does not put the
        // dropped indexes back while the rows go in.
        if (sources.Any(source => source is IRebuiltInBulk)) await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var source in sources)
        {
            var started = TimeProvider.System.GetTimestamp();
            var table = (source as IRebuiltInBulk)?.Table;
            if (table is not null) await DropIndexesAsync(store, table, cancellationToken);
            try
            {
                await daemon.RebuildProjectionAsync(source.Name, TimeSpan.FromMinutes(30), cancellationToken);
            }
            finally
            {
                if (table is not null) await CreateIndexesAsync(store, table, CancellationToken.None);
            }
            rebuilt?.Invoke(source.Name, TimeProvider.System.GetElapsedTime(started));
        }
    }

    private static async Task DropIndexesAsync(IDocumentStore store, Table table, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(store, cancellationToken);
        await ExecuteAsync(connection, $"TRUNCATE {table.Identifier.QualifiedName}", cancellationToken);
        foreach (var index in table.Indexes)
            await ExecuteAsync(connection, $"DROP INDEX IF EXISTS {table.Identifier.Schema}.{index.Name}", cancellationToken);
    }

    private static async Task CreateIndexesAsync(IDocumentStore store, Table table, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(store, cancellationToken);
        // An HNSW graph built in memory is built in one pass, not in pieces.
        await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'", cancellationToken);
        foreach (var index in table.Indexes)
        {
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_indexes WHERE schemaname = @schema AND indexname = @name", connection);
            exists.Parameters.AddWithValue("schema", table.Identifier.Schema);
            exists.Parameters.AddWithValue("name", index.Name);
            if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
                await ExecuteAsync(connection, index.ToDDL(table), cancellationToken);
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
