using System.Globalization;
using System.Text.Json;
using Marten;
using Marten.Linq;
using Npgsql;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Projections.Jobs;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// The feed against its baseline: seeds the jobs through Marten, walks the whole feed once through the API (every
/// job exactly once, or the run fails), prints the EXPLAIN ANALYZE of the API's own feed query at a deep page, then
/// loads the first page, random deep pages through the API, and the same deep pages through <see cref="FeedBaseline"/>.
/// Reports its figures with <see cref="Figures.Report"/>.
/// </summary>
public static class FeedBenchmark
{
    public const int PageSize = 20;
    private const string FeedIndex = JobsStoreConfiguration.FeedOrderIndex;

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        // The feed needs no vector-only rows.
        options = options with { Vectors = options.Jobs };
        await using var dataSource = BenchEnvironment.DataSource(options);
        var environment = await BenchEnvironment.DescribeAsync(dataSource, ct);
        Console.WriteLine("Ottobon Jobs benchmark: feed");
        Console.WriteLine($"  {environment}");
        Console.WriteLine($"  API {options.ApiUrl}  |  {options.Jobs:N0} jobs, pages of {PageSize}, {options.Workers} workers, {options.Duration.TotalSeconds:0} s per phase");

        Console.WriteLine("\n[1/4] Seeding");
        var seed = await new Seeder(dataSource, new ClusteredVectors(options.Clusters, options.Seed), options).RunAsync(ct);
        Console.WriteLine($"  {seed.JobIds.Count:N0} job streams via Marten in {seed.Streams.TotalSeconds:F1} s");

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = options.ApiUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };

        Console.WriteLine("\n[2/4] Walking the whole feed through the API");
        var cursors = await WalkAsync(http, "api/jobs/feed", options.Jobs, ct);
        Console.WriteLine($"  {options.Jobs:N0} jobs in {cursors.Count} pages, each exactly once");

        Console.WriteLine("\n[3/4] EXPLAIN ANALYZE of the API's feed query at a page half way down");
        var plan = await ExplainAsync(dataSource, cursors[cursors.Count / 2], ct);
        foreach (var line in plan.Split('\n')) Console.WriteLine($"      {line}");
        var planOk = plan.Contains(FeedIndex, StringComparison.Ordinal) && !plan.Contains("mt_immutable", StringComparison.Ordinal)
                     && !plan.Contains("Sort", StringComparison.Ordinal);
        Console.WriteLine($"  index scan on {FeedIndex}, no sort, no per-row function: {(planOk ? "yes" : "NO")}");

        Console.WriteLine($"\n[4/4] Load ({options.Workers} workers, {options.Duration.TotalSeconds:0} s each after a {options.Warmup.TotalSeconds:0} s warm-up)");
        await using var baseline = await FeedBaseline.StartAsync(dataSource, ct);
        using var baselineHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseline.Url,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var baselinePages = await WalkAsync(baselineHttp, "feed", options.Jobs, ct);
        if (!baselinePages.SequenceEqual(cursors)) throw new InvalidOperationException("the baseline pages differently from the API");

        string Page(string path, Random random) =>
            cursors[random.Next(cursors.Count)] is { } cursor ? $"{path}?limit={PageSize}&cursor={Uri.EscapeDataString(cursor)}" : $"{path}?limit={PageSize}";
        var first = await HttpLoad.RunAsync(http, "feed first page (API)", _ => $"api/jobs/feed?limit={PageSize}", options, options.Seed + 30, ct);
        Print(first);
        var deep = await HttpLoad.RunAsync(http, "feed random page by cursor (API)", r => Page("api/jobs/feed", r), options, options.Seed + 31, ct);
        Print(deep);
        var plain = await HttpLoad.RunAsync(baselineHttp, "same pages, plain ASP.NET Core + Npgsql", r => Page("feed", r), options, options.Seed + 31, ct);
        Print(plain);

        Console.WriteLine("\n=== Figures ===");
        Figures.Report(Figures.AtLeastShareOf("feed.cursor_page.req_per_s", deep.RequestsPerSecond, "req/s",
            plain.RequestsPerSecond, "plain ASP.NET Core + Npgsql keyset endpoint", 0.8, $"{options.Jobs:N0} jobs, {options.Workers} clients"));
        Figures.Report(Figures.AtMost("feed.cursor_page.p99_ms", deep.Latencies.P99, "ms", 10,
            plain.Latencies.P99, "plain ASP.NET Core + Npgsql keyset endpoint"));
        Figures.Report(new Figure("feed.deep_vs_first_page.p99_ms", deep.Latencies.P99, "ms", first.Latencies.P99, "first page through the API",
            "deep page ≤ 1.5× first page", deep.Latencies.P99 <= first.Latencies.P99 * 1.5));
        Figures.Report(new Figure("feed.query_plan_index_scan", planOk ? 1 : 0, "bool", null, null,
            "index scan, no sort, no per-row function", planOk));
        var errors = first.Errors + deep.Errors + plain.Errors;
        Console.WriteLine($"HTTP errors: {errors}");
        return errors == 0 && planOk ? 0 : 1;
    }

    private static void Print(LoadResult result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Name,-42} n={result.Latencies.Count,-6:N0} p50 {result.Latencies.P50,7:F2} ms  p99 {result.Latencies.P99,7:F2} ms  {result.RequestsPerSecond:N0} req/s"));

    /// <summary>Pages through the feed; returns the cursor of every page (null for the first).</summary>
    private static async Task<List<string?>> WalkAsync(HttpClient http, string path, int expected, CancellationToken ct)
    {
        var cursors = new List<string?>();
        var seen = new HashSet<string>();
        string? cursor = null;
        while (true)
        {
            cursors.Add(cursor);
            var url = cursor is null ? $"{path}?limit={PageSize}" : $"{path}?limit={PageSize}&cursor={Uri.EscapeDataString(cursor)}";
            using var page = JsonDocument.Parse(await http.GetStringAsync(url, ct));
            foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
            {
                var id = (item.TryGetProperty("id", out var lower) ? lower : item.GetProperty("Id")).GetString()!;
                if (!seen.Add(id)) throw new InvalidOperationException($"{path}: job {id} came twice");
            }
            if (!page.RootElement.GetProperty("has_more").GetBoolean()) break;
            cursor = page.RootElement.GetProperty("next_cursor").GetString();
        }
        if (seen.Count != expected) throw new InvalidOperationException($"{path}: walked {seen.Count} jobs, expected {expected}");
        return cursors;
    }

    private static async Task<string> ExplainAsync(NpgsqlDataSource dataSource, string? cursor, CancellationToken ct)
    {
        await using var store = Seeder.CreateStore(dataSource);
        await using var session = store.QuerySession();
        FeedCursor? after = FeedCursor.TryDecode(cursor, out var position) ? position : null;
        var command = JobFeedEndpoint.Query(session, new FeedFilters(), after, DateTimeOffset.UtcNow).Take(PageSize + 1).ToCommand(FetchType.FetchMany);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText, connection);
        foreach (NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
        return $"{command.CommandText}\n" + string.Join('\n', lines);
    }
}
