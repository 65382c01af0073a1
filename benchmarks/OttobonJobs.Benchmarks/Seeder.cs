using System.Diagnostics;
using Marten;
using Npgsql;
using NpgsqlTypes;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Projections.Jobs;
using Pgvector;

namespace OttobonJobs.Benchmarks;

public record SeedResult(
    IReadOnlyList<Guid> JobIds,
    int Events,
    TimeSpan Streams,
    TimeSpan StreamsClientCpu,
    int VectorOnlyRows,
    TimeSpan Copy,
    TimeSpan IndexBuild,
    TimeSpan Vacuum);

/// <summary>
/// Fills a fresh database: full job streams through Marten (the API's own store registrations, so the inline
/// projections write the feed, details, listings and vector rows exactly as in production), then extra vector-only
/// rows by binary COPY.
/// </summary>
public sealed class Seeder(NpgsqlDataSource dataSource, ClusteredVectors vectors, Options options)
{
    public const string Schema = "ottobon"; // EventStoreSetup.MartenSchema
    public static readonly string SearchTable = $"{Schema}.{JobSearchIndexProjection.TableName}";
    public static readonly string EmbeddingIndex = $"ix_{JobSearchIndexProjection.TableName}_embedding";

    public static DocumentStore CreateStore(NpgsqlDataSource dataSource) => DocumentStore.For(opts =>
    {
        // The same registrations as src/OttobonJobs.Api/Hosting/EventStoreSetup.cs (minus the Wolverine
        // integration, which only adds its own message tables and plays no part in appending events).
        opts.Connection(dataSource);
        opts.DatabaseSchemaName = Schema;
        opts.AutoCreateSchemaObjects = JasperFx.AutoCreate.CreateOrUpdate;
        opts.AddIdentity();
        opts.AddJobs(ClusteredVectors.Dimensions);
        opts.AddIngestion();
    });

    public async Task<SeedResult> RunAsync(CancellationToken cancellationToken)
    {
        await EnsureEmptyAsync(cancellationToken);

        // 1. Job streams through Marten, inline projections included.
        var jobs = new SyntheticJobs(vectors, options.Seed);
        var all = new List<SyntheticJob>(options.Jobs);
        var random = new Random(options.Seed + 1);
        for (var i = 0; i < options.Jobs; i++)
        {
            var job = jobs.Create(i, random);
            if (JobEnrichmentRules.Problem(((JobEnriched)job.Events[1]).Enrichment) is { } problem)
                throw new InvalidOperationException($"synthetic enrichment is invalid: {problem}");
            all.Add(job);
        }

        await using var store = CreateStore(dataSource);
        // A no-op when the API has already created the schema; makes the seed independent of start order.
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var batches = all.Chunk(options.StreamsPerBatch).ToList();
        var next = -1;
        var done = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, options.SeedWriters).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                await using var session = store.LightweightSession();
                foreach (var job in batches[index])
                    session.Events.StartStream<Job>(job.Id, job.Events);
                await session.SaveChangesAsync(cancellationToken);
                var streams = Interlocked.Add(ref done, batches[index].Length);
                if (streams % 2000 < options.StreamsPerBatch || streams == all.Count)
                    Console.WriteLine($"  {streams,7:N0} / {all.Count:N0} job streams ({clock.Elapsed.TotalSeconds:F1} s)");
            }
        });
        await Task.WhenAll(writers);
        var streamsTime = clock.Elapsed;
        var streamsCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        // 2. Vector-only rows by binary COPY. The HNSW index is dropped first and rebuilt afterwards with its
        //    own definition: that is how a bulk load is done (one build is much faster than 90,000 single
        //    inserts into the graph), and the 10,000 streams above already paid the per-row index upkeep.
        var vectorOnly = Math.Max(0, options.Vectors - options.Jobs);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var indexDefinition = (string?)await Scalar(connection,
            $"SELECT indexdef FROM pg_indexes WHERE schemaname = '{Schema}' AND indexname = '{EmbeddingIndex}'", cancellationToken)
            ?? throw new InvalidOperationException($"{EmbeddingIndex} does not exist: did the API create the schema?");

        clock.Restart();
        await Execute(connection, $"DROP INDEX {Schema}.{EmbeddingIndex}", cancellationToken);
        var copyRandom = new Random(options.Seed + 2);
        var createdAt = DateTimeOffset.UtcNow.AddDays(-90);
        await using (var importer = await connection.BeginBinaryImportAsync(
                         $"COPY {SearchTable} (job_id, title, company_name, active, created_at, embedding, embedding_model, embedding_dimensions) " +
                         "FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < vectorOnly; i++)
            {
                var (cluster, vector) = vectors.Next(copyRandom);
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(SyntheticJobs.NewGuid(copyRandom), NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync($"{SyntheticJobs.TitleOf(cluster)} (vector-only row {i})", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync("Benchmark vectors", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                await importer.WriteAsync(createdAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(new Vector(vector), "vector", cancellationToken);
                await importer.WriteAsync(SyntheticJobs.EmbeddingModel, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(ClusteredVectors.Dimensions, NpgsqlDbType.Integer, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        var copyTime = clock.Elapsed;
        Console.WriteLine($"  {vectorOnly:N0} vector-only rows copied ({copyTime.TotalSeconds:F1} s); building the HNSW index");

        clock.Restart();
        // The graph of 100k x 384-d vectors is ~200 MB: build it in memory, not in pieces.
        await Execute(connection, "SET maintenance_work_mem = '1GB'", cancellationToken);
        await Execute(connection, indexDefinition, cancellationToken);
        var indexTime = clock.Elapsed;

        // What autovacuum would do in the next minutes; done now so every run starts from the same state.
        clock.Restart();
        await Execute(connection, $"VACUUM ANALYZE {SearchTable}", cancellationToken);
        foreach (var table in new[] { "mt_doc_jobfeeditem", "mt_doc_jobdetails", "mt_doc_providerlisting", "mt_events", "mt_streams" })
            await Execute(connection, $"VACUUM ANALYZE {Schema}.{table}", cancellationToken);
        var vacuumTime = clock.Elapsed;

        return new SeedResult(all.Select(j => j.Id).ToList(), all.Sum(j => j.Events.Length), streamsTime, streamsCpu, vectorOnly, copyTime, indexTime, vacuumTime);
    }

    private async Task EnsureEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var exists = await Scalar(connection, $"SELECT to_regclass('{SearchTable}') IS NOT NULL", cancellationToken);
        if (exists is true && await Scalar(connection, $"SELECT EXISTS (SELECT 1 FROM {SearchTable})", cancellationToken) is true)
            throw new InvalidOperationException($"{SearchTable} already has rows: the benchmark needs a fresh database.");
    }

    internal static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    internal static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
