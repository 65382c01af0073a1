using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using OttobonJobs.Projections.Jobs;
using Pgvector;

namespace OttobonJobs.Benchmarks;

public record ApproximateResult(int EfSearch, Latencies Latencies, double MeanRecall, double MinRecall, int Imperfect, int BelowHalf);
public record ExactResult(Latencies Latencies);
public record PlanCheck(string Name, bool UsesHnsw, string Plan);

/// <summary>
/// The semantic half of GET /api/jobs/search as SQL (src/OttobonJobs.Api/Jobs/Search/JobSearch.cs): the nearest
/// active rows by cosine distance, in one command behind the API's <c>SET LOCAL</c> settings
/// (<see cref="JobSearchIndexProjection.NearestNeighbourSettings"/>), so the HNSW index is walked until enough rows
/// pass the filter. The exact answer is the same query with index and bitmap scans switched off: a sequential scan
/// that computes every distance.
/// </summary>
public sealed partial class VectorSearch(NpgsqlDataSource dataSource)
{
    public const int K = 10;

    private static readonly string NearestSql = $"""
        SELECT job_id FROM {Seeder.SearchTable}
        WHERE active AND embedding IS NOT NULL
        ORDER BY embedding <=> @vector
        LIMIT {K}
        """;

    // The API's settings (JobSearchIndexProjection.NearestNeighbourSettings) with the ef_search under test.
    private static string ApproximateSettings(int efSearch) =>
        $"SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL hnsw.ef_search = {efSearch}; ";

    private const string ExactSettings = "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off; ";

    public async Task<(List<Guid> Ids, double Milliseconds)> ApproximateAsync(float[] query, int efSearch, CancellationToken cancellationToken) =>
        await NearestAsync(ApproximateSettings(efSearch), query, cancellationToken);

    public async Task<(List<Guid> Ids, double Milliseconds)> ExactAsync(float[] query, CancellationToken cancellationToken) =>
        await NearestAsync(ExactSettings, query, cancellationToken);

    /// <summary>One query as the API runs it: a pooled connection, one command (the settings, then the query).</summary>
    private async Task<(List<Guid>, double)> NearestAsync(string settings, float[] query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var command = dataSource.CreateCommand(settings + NearestSql);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("vector", new Vector(query));
        var ids = new List<Guid>(K);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetGuid(0));
        return (ids, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public async Task<PlanCheck> ExplainAsync(string name, bool exact, float[] query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            (exact ? ExactSettings : JobSearchIndexProjection.NearestNeighbourSettings) + "EXPLAIN (COSTS OFF) " + NearestSql);
        command.Parameters.AddWithValue("vector", new Vector(query));
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(0));
        // The bound query vector shows up as a 384-number literal: shorten it.
        var plan = VectorLiteral().Replace(string.Join('\n', lines), "'[…]'::vector");
        return new PlanCheck(name, plan.Contains(Seeder.EmbeddingIndex, StringComparison.Ordinal), plan);
    }

    /// <summary>Runs every query at each ef_search, then exactly; recall@10 = |approximate ∩ exact| / 10 per query.</summary>
    public async Task<(List<ApproximateResult> Approximate, ExactResult Exact)> MeasureAsync(
        IReadOnlyList<float[]> queries, IReadOnlyList<int> efSearchValues, CancellationToken cancellationToken)
    {
        // Warm-up (not measured): one pass over all queries brings the index pages they visit into the caches
        // and fills the connection pool, so the first ef_search measured is not penalised against the others.
        foreach (var query in queries) await ApproximateAsync(query, efSearchValues[0], cancellationToken);

        var approximateIds = new Dictionary<int, List<List<Guid>>>();
        var approximateLatencies = new Dictionary<int, Latencies>();
        foreach (var ef in efSearchValues)
        {
            approximateIds[ef] = [];
            approximateLatencies[ef] = new Latencies();
            foreach (var query in queries)
            {
                var (ids, ms) = await ApproximateAsync(query, ef, cancellationToken);
                approximateIds[ef].Add(ids);
                approximateLatencies[ef].Add(ms);
            }
        }

        var exactIds = new List<List<Guid>>();
        var exactLatencies = new Latencies();
        foreach (var query in queries)
        {
            var (ids, ms) = await ExactAsync(query, cancellationToken);
            exactIds.Add(ids);
            exactLatencies.Add(ms);
        }

        var approximate = efSearchValues.Select(ef =>
        {
            var recalls = approximateIds[ef].Select((ids, i) => ids.Intersect(exactIds[i]).Count() / (double)K).ToList();
            return new ApproximateResult(ef, approximateLatencies[ef], recalls.Average(), recalls.Min(),
                recalls.Count(r => r < 1.0), recalls.Count(r => r < 0.5));
        }).ToList();
        return (approximate, new ExactResult(exactLatencies));
    }

    [GeneratedRegex(@"'\[[^\]]*\]'::vector")]
    private static partial Regex VectorLiteral();
}
