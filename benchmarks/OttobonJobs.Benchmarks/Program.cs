using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Benchmarks;
using OttobonJobs.Projections.Jobs;
using Pgvector.Npgsql;

// Seeds a fresh database (job streams through Marten + vector-only rows by COPY), then measures the running API
// (feed, details, search) and the HNSW query (latency, recall@10 against an exact scan). Not a test: it prints
// numbers. scripts/bench-jobs.sh starts the database and the API and runs this against them.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args is ["summarize", ..]) return BenchSummary.Run(args);
// The startup scenario's baseline process (StartupBenchmark starts this dll again with this argument).
if (args is [PlainApp.Argument]) return await PlainApp.RunAsync();

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(Options.Usage);
    return 0;
}

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}\n\n{Options.Usage}");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
var ct = cancellation.Token;
var total = Stopwatch.StartNew();

switch (options.Scenario)
{
    case "ingestion": return await IngestionBenchmark.RunAsync(options, ct);
    case "resumes": return await ResumeBenchmark.RunAsync(options, ct);
    case "chat": return await ChatBenchmark.RunAsync(options, ct);
    case "feed": return await FeedBenchmark.RunAsync(options, ct);
    case "embeddings": return await EmbeddingBenchmark.RunAsync(options, ct);
    case "rebuild": return await RebuildBenchmark.RunAsync(options, ct);
    case "startup": return await StartupBenchmark.RunAsync(options, ct);
}

var dataSourceBuilder = new NpgsqlDataSourceBuilder(options.DatabaseUrl);
dataSourceBuilder.UseVector();
await using var dataSource = dataSourceBuilder.Build();
var environment = await BenchEnvironment.DescribeAsync(dataSource, ct);

Console.WriteLine("Ottobon Jobs benchmark");
Console.WriteLine($"  {environment}");
Console.WriteLine($"  API {options.ApiUrl}  |  {options.Jobs:N0} jobs, {options.Vectors:N0} vectors in {options.Clusters} clusters, seed {options.Seed}");

// ---- 1. Seed -------------------------------------------------------------------------------------------------------
Console.WriteLine("\n[1/4] Seeding");
var vectors = new ClusteredVectors(options.Clusters, options.Seed);
var seed = await new Seeder(dataSource, vectors, options).RunAsync(ct);
Console.WriteLine($"  job streams via Marten: {seed.JobIds.Count:N0} streams, {seed.Events:N0} events in {Seconds(seed.Streams)} " +
                  $"({seed.JobIds.Count / seed.Streams.TotalSeconds:N0} streams/s, {options.StreamsPerBatch} per SaveChanges, {options.SeedWriters} writers; " +
                  $"{seed.StreamsClientCpu.TotalSeconds:F1} s CPU in this process)");
Console.WriteLine($"  vector-only rows via binary COPY: {seed.VectorOnlyRows:N0} in {Seconds(seed.Copy)}");
Console.WriteLine($"  HNSW index build over {options.Vectors:N0} rows: {Seconds(seed.IndexBuild)}; VACUUM ANALYZE: {Seconds(seed.Vacuum)}");

// ---- 2. Feed and details over HTTP ---------------------------------------------------------------------------------
Console.WriteLine($"\n[2/4] Feed and details over HTTP ({options.Workers} workers, {options.Duration.TotalSeconds:0} s each after a {options.Warmup.TotalSeconds:0} s warm-up)");
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = options.ApiUrl,
    Timeout = TimeSpan.FromSeconds(60),
};
await CheckApiSeesSeedAsync(http, seed, options, ct);

// Deep pages by cursor and their plain-Npgsql baseline are the feed scenario's (scripts/bench-feed.sh).
var feed = await HttpLoad.RunAsync(http, "GET /api/jobs/feed?limit=20",
    _ => "api/jobs/feed?limit=20", options, options.Seed + 10, ct);
PrintLoad(feed);
var details = await HttpLoad.RunAsync(http, "GET /api/jobs/{id}/details",
    random => $"api/jobs/{seed.JobIds[random.Next(seed.JobIds.Count)]}/details", options, options.Seed + 20, ct);
PrintLoad(details);

// ---- 3 + 4. Semantic search latency and recall ---------------------------------------------------------------------
Console.WriteLine($"\n[3/4] HNSW query latency and recall@{VectorSearch.K} ({options.Queries} query vectors, one at a time)");
var queryRandom = new Random(options.Seed + 3);
var queries = Enumerable.Range(0, options.Queries).Select(_ => vectors.Next(queryRandom).Vector).ToList();
var search = new VectorSearch(dataSource);

var plans = new[]
{
    await search.ExplainAsync("approximate", exact: false, queries[0], ct),
    await search.ExplainAsync("exact", exact: true, queries[0], ct),
};
foreach (var plan in plans)
{
    Console.WriteLine($"  EXPLAIN ({plan.Name}): {(plan.UsesHnsw ? "uses" : "does not use")} {Seeder.EmbeddingIndex}");
    foreach (var line in plan.Plan.Split('\n')) Console.WriteLine($"      {line}");
}
var planOk = plans[0].UsesHnsw && !plans[1].UsesHnsw;
if (!planOk) Console.WriteLine("  ! the plans are not as expected: the latency and recall below do not compare HNSW with an exact scan");

var (approximate, exact) = await search.MeasureAsync(queries, options.EfSearch, ct);
foreach (var result in approximate)
    Console.WriteLine($"  ef_search={result.EfSearch,-4} p50 {Ms(result.Latencies.P50)}  p99 {Ms(result.Latencies.P99)}  " +
                      $"recall@{VectorSearch.K} mean {result.MeanRecall:F3}, worst query {result.MinRecall:F1}, " +
                      $"{result.Imperfect} queries below 1.0, {result.BelowHalf} below 0.5");
Console.WriteLine($"  exact scan    p50 {Ms(exact.Latencies.P50)}  p99 {Ms(exact.Latencies.P99)}");
// The figures are the API's own setting (JobSearchIndexProjection: m, ef_construction, ef_search), when it was measured.
if (approximate.FirstOrDefault(r => r.EfSearch == JobSearchIndexProjection.HnswEfSearch) is { } chosen)
{
    var setting = $"m {JobSearchIndexProjection.HnswM}, ef_construction {JobSearchIndexProjection.HnswEfConstruction}, " +
                  $"ef_search {chosen.EfSearch}, {options.Vectors:N0} x {ClusteredVectors.Dimensions} vectors, {options.Queries} queries";
    Figures.Report(Figures.AtLeast("search.hnsw.recall_at_10_mean", chosen.MeanRecall, "recall", 0.97, 1.0, "exact scan", setting));
    Figures.Report(Figures.AtLeast("search.hnsw.recall_at_10_min", chosen.MinRecall, "recall", 0.5, 1.0, "exact scan",
        $"{chosen.BelowHalf} queries below 0.5, {chosen.Imperfect} below 1.0; {setting}"));
    Figures.Report(Figures.AtMost("search.hnsw.sql_p50", chosen.Latencies.P50, "ms", 3, exact.Latencies.P50, "exact scan p50 (sequential scan)", setting));
}

Console.WriteLine("\n[4/4] GET /api/jobs/search end to end (query embedded by the API's local MiniLM model, one request at a time)");
string[] texts =
[
    "graduate data analyst sql power bi banking",
    "entry level cloud engineer aws terraform",
    "audit associate ifrs internal controls",
    "tax analyst gst compliance",
    "cybersecurity analyst incident response siem",
    "software engineer c# .net azure",
    "financial analyst valuation financial modelling",
    "qa engineer selenium java api testing",
];
// Every query text is new to the API once (its vector is computed), then asked again (its vector comes from the
// API's query-embedding cache). The embedding baseline: the same texts through the same adapter and settings, here.
string[] places = ["bengaluru", "pune", "hyderabad", "chennai", "mumbai", "gurugram", "kolkata", "noida", "kochi", "remote"];
var queryTexts = Enumerable.Range(0, options.SearchRounds)
    .SelectMany(round => texts.Select(t => round == 0 ? t : $"{t} {places[(round - 1) % places.Length]}{(round > places.Length ? $" {round}" : "")}"))
    .ToList();
var embedding = new Latencies();
using (var embedder = new MiniLmEmbeddingGenerator(new LocalEmbeddingSettings()))
{
    foreach (var text in texts) await embedder.EmbedAsync(text + " warm-up", ct);
    foreach (var text in queryTexts)
    {
        var started = Stopwatch.GetTimestamp();
        await embedder.EmbedAsync(text, ct);
        embedding.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
var searchPaths = queryTexts.Select(t => $"api/jobs/search?q={Uri.EscapeDataString(t)}").ToList();
// The warm-up warms the endpoint, not the cache: other texts.
foreach (var text in texts) (await http.GetAsync($"api/jobs/search?q={Uri.EscapeDataString(text + " warm-up")}", ct)).EnsureSuccessStatusCode();
var searchHttp = await HttpLoad.SequentialAsync(http, "GET /api/jobs/search?q=… (new query)", searchPaths, rounds: 1, ct);
PrintLoad(searchHttp);
var searchCached = await HttpLoad.SequentialAsync(http, "GET /api/jobs/search?q=… (asked again)", searchPaths, rounds: 1, ct);
PrintLoad(searchCached);
Console.WriteLine($"  query embedding alone (MiniLM adapter, API defaults, in this process): p50 {Ms(embedding.P50)}  p99 {Ms(embedding.P99)}");
Figures.Report(Figures.AtMost("search.http.p50", searchHttp.Latencies.P50, "ms", Math.Round(embedding.P50 + 5, 2), embedding.P50,
    "query embedding p50 (same texts, same run)", $"goal: embedding + 5 ms; {queryTexts.Count} distinct queries, 1 client"));
Figures.Report(new Figure("search.http.repeated_p50", searchCached.Latencies.P50, "ms", embedding.P50, "query embedding p50 (same texts, same run)",
    null, null, "the same queries again: vectors from the query-embedding cache"));

// ---- Summary -------------------------------------------------------------------------------------------------------
Console.WriteLine();
Console.WriteLine("=== Summary ===");
Console.WriteLine($"{environment}");
Console.WriteLine($"Data: {seed.JobIds.Count:N0} job streams ({seed.Events:N0} events) + {seed.VectorOnlyRows:N0} vector-only rows " +
                  $"= {options.Vectors:N0} active {ClusteredVectors.Dimensions}-d vectors, {options.Clusters} clusters");
Console.WriteLine();
Console.WriteLine($"{"Seed step",-58} {"time",9}  {"rate",14}");
Console.WriteLine(new string('-', 84));
Console.WriteLine($"{$"{seed.JobIds.Count:N0} job streams via Marten (inline projections)",-58} {Seconds(seed.Streams),9}  {Rate(seed.JobIds.Count, seed.Streams, "streams/s"),14}");
Console.WriteLine($"{$"{seed.VectorOnlyRows:N0} vector-only rows via binary COPY",-58} {Seconds(seed.Copy),9}  {Rate(seed.VectorOnlyRows, seed.Copy, "rows/s"),14}");
Console.WriteLine($"{$"HNSW index build ({options.Vectors:N0} rows)",-58} {Seconds(seed.IndexBuild),9}  {Rate(options.Vectors, seed.IndexBuild, "rows/s"),14}");
Console.WriteLine();
Console.WriteLine($"{"Measurement",-50} {"n",7} {"p50 ms",9} {"p99 ms",9} {"req/s",9} {"recall@10",10}");
Console.WriteLine(new string('-', 98));
Row($"{feed.Name} ({feed.Workers} workers)", feed.Latencies, feed.RequestsPerSecond, null);
Row($"{details.Name} ({details.Workers} workers)", details.Latencies, details.RequestsPerSecond, null);
foreach (var result in approximate)
    Row($"HNSW top-{VectorSearch.K} SQL, ef_search={result.EfSearch}{(result.EfSearch == JobSearchIndexProjection.HnswEfSearch ? " (the API's)" : "")}", result.Latencies, null, result.MeanRecall);
Row($"Exact top-{VectorSearch.K} SQL (sequential scan)", exact.Latencies, null, 1.0);
Row($"{searchHttp.Name} (1 client)", searchHttp.Latencies, searchHttp.RequestsPerSecond, null);
Row($"{searchCached.Name} (1 client)", searchCached.Latencies, searchCached.RequestsPerSecond, null);
Row("Query embedding alone (in process)", embedding, null, null);
Console.WriteLine(new string('-', 98));
var errors = feed.Errors + details.Errors + searchHttp.Errors + searchCached.Errors;
Console.WriteLine($"HTTP errors: {errors}. Query plans as expected (HNSW for approximate, none for exact): {(planOk ? "yes" : "NO")}. " +
                  $"Total benchmark time {Seconds(total.Elapsed)}.");
return errors == 0 && planOk ? 0 : 1;

static void Row(string name, Latencies latencies, double? rps, double? recall) =>
    Console.WriteLine($"{name,-50} {latencies.Count,7:N0} {latencies.P50,9:F2} {latencies.P99,9:F2} " +
                      $"{(rps is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "-"),9} {(recall is { } c ? c.ToString("F3", CultureInfo.InvariantCulture) : "-"),10}");

static void PrintLoad(LoadResult result) =>
    Console.WriteLine($"  {result.Name,-40} n={result.Latencies.Count,-6:N0} p50 {Ms(result.Latencies.P50)}  p99 {Ms(result.Latencies.P99)}  " +
                      $"{result.RequestsPerSecond:N0} req/s{(result.Errors > 0 ? $"  ({result.Errors} errors)" : "")}");

static string Ms(double ms) => $"{ms,8:F2} ms";
static string Seconds(TimeSpan time) => $"{time.TotalSeconds:F1} s";
static string Rate(int count, TimeSpan time, string unit) => $"{count / Math.Max(time.TotalSeconds, 1e-9):N0} {unit}";

static async Task CheckApiSeesSeedAsync(HttpClient http, SeedResult seed, Options options, CancellationToken ct)
{
    var expected = Math.Min(options.Jobs, 100);
    using var feed = JsonDocument.Parse(await http.GetStringAsync($"api/jobs/feed?limit={expected}", ct));
    var listed = feed.RootElement.GetProperty("items").GetArrayLength();
    using var details = JsonDocument.Parse(await http.GetStringAsync($"api/jobs/{seed.JobIds[0]}/details", ct));
    var questions = details.RootElement.GetProperty("prep_guide_generated").GetProperty("prep_questions").GetArrayLength();
    if (listed != expected || questions != 5)
        throw new InvalidOperationException($"the API does not see the seed: {listed} jobs on the feed's first page (expected {expected}), {questions} prep questions (expected 5)");
    Console.WriteLine($"  the API sees the seed: a full first feed page of {listed}, details with {questions} prep questions");
}
