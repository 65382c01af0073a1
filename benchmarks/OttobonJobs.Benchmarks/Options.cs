using System.Globalization;
using OttobonJobs.Projections.Jobs;

namespace OttobonJobs.Benchmarks;

/// <summary>Command line: <c>--name value</c> pairs; the database and API also come from the environment.</summary>
public sealed record Options
{
    public required string DatabaseUrl { get; init; }
    public required Uri ApiUrl { get; init; }
    public int Jobs { get; init; } = 10_000;
    public int Vectors { get; init; } = 100_000;
    public int Clusters { get; init; } = 50;
    public int StreamsPerBatch { get; init; } = 250;
    public int SeedWriters { get; init; } = 2;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);
    public int Workers { get; init; } = 8;
    public int Queries { get; init; } = 200;
    public int[] EfSearch { get; init; } = DefaultEfSearch;

    /// <summary>The API's setting first (the one the figures report), then pgvector's default (40) and one between.</summary>
    public static readonly int[] DefaultEfSearch = [JobSearchIndexProjection.HnswEfSearch, 40, 60];
    public int SearchRounds { get; init; } = 5;
    public int Seed { get; init; } = 20_240_601;

    /// <summary>jobs (the default), feed, ingestion, resumes, chat or embeddings.</summary>
    public string Scenario { get; init; } = "jobs";
    // ingestion
    public int Postings { get; init; } = 2_000;
    public int EmbedSamples { get; init; } = 200;
    public int SitePort { get; init; }
    public string? AdminEmail { get; init; }
    public string? AdminPassword { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(240);
    // resumes
    public int ResumeFiles { get; init; } = 20;
    // chat
    public int Sessions { get; init; } = 500;
    public int Messages { get; init; } = 3;
    public int SignupConcurrency { get; init; } = 8;
    public int SteadyRate { get; init; } = 50;
    public TimeSpan SteadyDuration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan PgbenchDuration { get; init; } = TimeSpan.FromSeconds(10);
    public string Pgbench { get; init; } = "/usr/lib/postgresql/15/bin/pgbench";
    // rebuild
    public int Events { get; init; } = 40_000;
    // startup
    public int Starts { get; init; } = 5;
    public int IdleSeconds { get; init; } = 3;
    public string? ApiDll { get; init; }

    public static readonly string[] Scenarios = ["jobs", "feed", "ingestion", "resumes", "chat", "embeddings", "rebuild", "startup"];

    public const string Usage = """
        OttobonJobs.Benchmarks --database <npgsql connection string> --api <http://127.0.0.1:PORT> [options]
          (or OTTOBON_BENCH_DATABASE_URL / OTTOBON_BENCH_API_URL)
          --jobs 10000          job streams seeded through Marten
          --vectors 100000      total rows in the vector table (the rest are vector-only, by COPY); 20000 for a quick run
          --clusters 50         topics of the synthetic vectors
          --batch 250           streams per SaveChanges
          --seed-writers 2      concurrent seeding sessions
          --duration 10         seconds per HTTP load phase (after a 2 s warm-up)
          --workers 8           concurrent HTTP workers
          --queries 200         query vectors for HNSW latency and recall
          --ef 100,40,60        hnsw.ef_search values to measure (the figures report the API's, 100, when listed)
          --search-rounds 5     GET /api/jobs/search: 8 text queries x this many variants, each asked once (embedded) then again (cached)
          --seed N              random seed (same seed, same data)
          --scenario jobs       jobs | feed | ingestion | resumes | chat | embeddings | rebuild | startup (see scripts/bench-*.sh)
        feed (also --jobs, --workers, --duration): the feed by cursor against a plain ASP.NET Core + Npgsql
          endpoint running the same keyset SQL (scripts/bench-feed.sh)
        ingestion:
          --postings 2000       postings on the generated PwC/Workday site served by the benchmark
          --embed-samples 200   descriptions embedded one at a time to measure the local MiniLM model alone
          --site-port N         loopback port for that site (the API's Ottobon__Scrapers__Workday__Tenants__0__BaseUrl)
          --admin-email E --admin-password P   the API's bootstrap admin (OTTOBON_ADMIN_EMAIL/PASSWORD)
          --timeout 240         seconds to wait for every posting to become active
        resumes (also --jobs, --vectors, --clusters, --queries, --ef as above; the script passes --jobs 1000):
          --resume-files 20     generated PDF resumes of each size (1 page, 5 pages)
        embeddings (in process, no database or API):
          --embed-samples 200   job texts embedded per configuration (MiniLM alone with ONNX defaults, then the adapter)
        rebuild (database only, no API; also --batch for streams per SaveChanges while seeding):
          --events 40000        events seeded (60% jobs, 30% chat, 8% seekers with resumes, 2% ingestion runs)
        chat:
          --sessions 500        seekers signed up, each with a session and an open WebSocket
          --messages 3          messages per session, each waiting for the coach's reply
          --signup-concurrency 8   concurrent sign-ups / session creations
          --steady-rate 50      messages per second in the steady phase (all sessions together, one at a time each)
          --steady-seconds 30   length of the steady phase (0 skips it)
          --pgbench-seconds 10  pgbench simple-update baseline (-N -c 8 -j 2) on a scratch database of the same cluster
          --pgbench PATH        /usr/lib/postgresql/15/bin/pgbench
        startup (needs --database of a migrated database, no --api; scripts/bench-startup.sh):
          --starts 5            timed starts of the API dll and of the plain ASP.NET Core baseline (medians reported)
          --idle 3              seconds after ready before the idle RSS is read
          --api-dll PATH        the API build to start (default: the OttobonJobs.Api.dll beside the benchmark)
        Run it through scripts/bench-jobs.sh, which prepares the database and the API.
        """;

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            values[args[i][2..]] = args[++i];
        }
        string? Get(string name) => values.Remove(name, out var value) ? value : null;
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var scenario = (Get("scenario") ?? "jobs").ToLowerInvariant();
        // The embeddings scenario runs the model in this process only: no database, no API; rebuild needs no API;
        // startup starts its own APIs.
        var offline = scenario == "embeddings";
        var noApi = offline || scenario is "rebuild" or "startup";
        var database = Get("database") ?? Environment.GetEnvironmentVariable("OTTOBON_BENCH_DATABASE_URL")
            ?? (offline ? "" : throw new ArgumentException("--database (or OTTOBON_BENCH_DATABASE_URL) is required"));
        var api = Get("api") ?? Environment.GetEnvironmentVariable("OTTOBON_BENCH_API_URL")
            ?? (noApi ? "http://127.0.0.1/" : throw new ArgumentException("--api (or OTTOBON_BENCH_API_URL) is required"));
        var options = new Options
        {
            DatabaseUrl = database,
            ApiUrl = new Uri(api.TrimEnd('/') + "/"),
            Jobs = Int("jobs", 10_000),
            Vectors = Int("vectors", 100_000),
            Clusters = Int("clusters", 50),
            StreamsPerBatch = Int("batch", 250),
            SeedWriters = Int("seed-writers", 2),
            Duration = TimeSpan.FromSeconds(Int("duration", 10)),
            Workers = Int("workers", 8),
            Queries = Int("queries", 200),
            EfSearch = Get("ef") is { } ef ? ef.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : DefaultEfSearch,
            SearchRounds = Int("search-rounds", 5),
            Seed = Int("seed", 20_240_601),
            Scenario = scenario,
            Postings = Int("postings", 2_000),
            EmbedSamples = Int("embed-samples", 200),
            SitePort = Int("site-port", 0),
            AdminEmail = Get("admin-email") ?? Environment.GetEnvironmentVariable("OTTOBON_ADMIN_EMAIL"),
            AdminPassword = Get("admin-password") ?? Environment.GetEnvironmentVariable("OTTOBON_ADMIN_PASSWORD"),
            Timeout = TimeSpan.FromSeconds(Int("timeout", 240)),
            ResumeFiles = Int("resume-files", 20),
            Sessions = Int("sessions", 500),
            Messages = Int("messages", 3),
            SignupConcurrency = Int("signup-concurrency", 8),
            SteadyRate = Int("steady-rate", 50),
            SteadyDuration = TimeSpan.FromSeconds(Int("steady-seconds", 30)),
            PgbenchDuration = TimeSpan.FromSeconds(Int("pgbench-seconds", 10)),
            Pgbench = Get("pgbench") ?? "/usr/lib/postgresql/15/bin/pgbench",
            Events = Int("events", 40_000),
            Starts = Int("starts", 5),
            IdleSeconds = Int("idle", 3),
            ApiDll = Get("api-dll"),
        };
        if (!Scenarios.Contains(options.Scenario)) throw new ArgumentException($"--scenario must be one of {string.Join(", ", Scenarios)}");
        if (options.Scenario == "ingestion" && (options.SitePort <= 0 || options.AdminEmail is null || options.AdminPassword is null))
            throw new ArgumentException("the ingestion scenario needs --site-port, --admin-email and --admin-password");
        if (values.Count > 0) throw new ArgumentException($"unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}");
        if (options.Jobs < 1 || options.Vectors < options.Jobs || options.Workers < 1 || options.Queries < 1)
            throw new ArgumentException("need --jobs >= 1, --vectors >= --jobs, --workers >= 1, --queries >= 1");
        return options;
    }
}
