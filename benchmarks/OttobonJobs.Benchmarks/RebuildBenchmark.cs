using System.Diagnostics;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Projections;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// Projection rebuilds against the raw read rate of the same store: seeds a realistic mix of streams through
/// Marten's event store (jobs scraped or posted, enriched, embedded and activated; seekers with a resume; chat
/// sessions; ingestion runs), reads every event back with plain Npgsql and Marten's own serializer (the baseline: no
/// projection can be faster than reading and deserialising its events), then rebuilds every stored projection the
/// way <c>read-models rebuild</c> does (<see cref="ReadModelRebuild"/>) and reports each one's events/s.
/// </summary>
public static class RebuildBenchmark
{
    private const string Schema = "ottobon"; // EventStoreSetup.MartenSchema

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        await using var dataSource = BenchEnvironment.DataSource(options);
        var environment = await BenchEnvironment.DescribeAsync(dataSource, ct);
        Console.WriteLine("Ottobon Jobs benchmark: projection rebuild");
        Console.WriteLine($"  {environment}");

        await using var store = CreateStore(dataSource);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        Console.WriteLine($"\n[1/3] Seeding about {options.Events:N0} events through Marten (inline projections on)");
        var seeded = await SeedAsync(store, options, ct);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
            await Seeder.Execute(connection, $"VACUUM ANALYZE {Schema}.mt_events", ct);

        Console.WriteLine("\n[2/3] Reading every event raw (plain Npgsql, Marten's serializer), best of 2");
        RawRead[] reads = [await ReadRawAsync(store, dataSource, ct), await ReadRawAsync(store, dataSource, ct)];
        var raw = reads.MaxBy(read => read.Rate)!;
        Console.WriteLine($"  {raw.Events:N0} events in {raw.Time.TotalSeconds:F2} s: {raw.Rate:N0} events/s");
        if (raw.Events != seeded) throw new InvalidOperationException($"read {raw.Events} events, seeded {seeded}");

        Console.WriteLine("\n[3/3] Rebuilding every projection, one after another");
        var projections = ReadModelRebuild.Projections(store);
        var counts = new Dictionary<string, long>();
        foreach (var projection in projections) counts[projection.Name] = await CountEventsAsync(store, dataSource, projection, ct);
        var results = new List<(string Name, long Events, TimeSpan Time)>();
        var total = Stopwatch.StartNew();
        await ReadModelRebuild.RebuildAsync(store, projections.Select(p => p.Name).ToList(), (name, time) =>
        {
            results.Add((name, counts[name], time));
            Console.WriteLine($"  {name,-18} {counts[name],8:N0} events in {time.TotalSeconds,6:F2} s: {counts[name] / time.TotalSeconds,8:N0} events/s");
        }, ct);
        total.Stop();
        await CheckRebuiltAsync(dataSource, ct);

        Console.WriteLine();
        const string baselineName = "raw event read (Npgsql + Marten serializer)";
        foreach (var (name, events, time) in results)
        {
            var rate = events / time.TotalSeconds;
            var note = $"{events:N0} events of its types in {time.TotalSeconds:F2} s";
            Figures.Report(Figures.AtLeastShareOf($"rebuild.{name}.events_per_s", rate, "events/s", raw.Rate, baselineName, 0.15, note));
            Figures.Report(Figures.AtLeast($"rebuild.{name}.events_per_s_absolute", rate, "events/s", 10_000, note: note));
        }
        var overall = seeded / total.Elapsed.TotalSeconds;
        var overallNote = $"{seeded:N0} events, {results.Count} projections in {total.Elapsed.TotalSeconds:F2} s";
        Figures.Report(Figures.AtLeastShareOf("rebuild.all.events_per_s", overall, "events/s", raw.Rate, baselineName, 0.15, overallNote));
        Figures.Report(Figures.AtLeast("rebuild.all.events_per_s_absolute", overall, "events/s", 10_000, note: overallNote));
        return 0;
    }

    /// <summary>The API's registrations (src/OttobonJobs.Api/Hosting/EventStoreSetup.cs) minus the Wolverine integration.</summary>
    private static DocumentStore CreateStore(NpgsqlDataSource dataSource) => DocumentStore.For(opts =>
    {
        opts.Connection(dataSource);
        opts.DatabaseSchemaName = Schema;
        opts.AutoCreateSchemaObjects = JasperFx.AutoCreate.CreateOrUpdate;
        opts.AddIdentity();
        opts.AddJobs(ClusteredVectors.Dimensions);
        opts.AddResumes(ClusteredVectors.Dimensions);
        opts.AddIngestion();
        opts.AddChat();
        ReadModelRebuild.Configure(opts);
    });

    /// <summary>
    /// About 60% of the events are job streams (4 each), 30% chat sessions (a start and 9 messages), 8% seekers
    /// (registered, resume uploaded and embedded) and 2% ingestion runs (10 each).
    /// </summary>
    private static async Task<long> SeedAsync(DocumentStore store, Options options, CancellationToken ct)
    {
        var random = new Random(options.Seed);
        var vectors = new ClusteredVectors(options.Clusters, options.Seed);
        var jobs = new SyntheticJobs(vectors, options.Seed);
        var now = DateTimeOffset.UtcNow;
        var streams = new List<(Guid Id, Type Aggregate, object[] Events)>();

        var jobList = Enumerable.Range(0, Math.Max(1, options.Events * 60 / 100 / 4)).Select(i => jobs.Create(i, random)).ToList();
        streams.AddRange(jobList.Select(job => (job.Id, typeof(Job), job.Events)));
        for (var i = 0; i < Math.Max(1, options.Events * 8 / 100 / 3); i++)
        {
            var id = SyntheticJobs.NewGuid(random);
            var at = now.AddDays(-random.Next(60));
            var skills = new[] { "SQL", "Excel", "Python", "Power BI", "C#" }.Take(random.Next(2, 6)).ToList();
            var sha = $"{i:x64}";
            streams.Add((id, typeof(User), [
                new UserRegistered(id, $"seeker{i}@bench.example.com", $"Bench Seeker {i}", Role.Seeker, at),
                new ResumeUploaded(id, $"resume-{i}.pdf", "pdf", 48_000, sha, $"resumes/{id}/{sha}.pdf", 2_400,
                    $"Graduate with {string.Join(", ", skills)}. " + new string('x', 2_000), skills, at.AddMinutes(5)),
                new ResumeEmbedded(sha, SyntheticJobs.EmbeddingModel, ClusteredVectors.Dimensions, vectors.Next(random).Vector, at.AddMinutes(6)),
            ]));
        }
        for (var i = 0; i < Math.Max(1, options.Events * 30 / 100 / 10); i++)
        {
            var id = SyntheticJobs.NewGuid(random);
            var job = jobList[random.Next(jobList.Count)];
            var at = now.AddDays(-random.Next(30));
            var events = new List<object> { new ChatSessionStarted(id, SyntheticJobs.NewGuid(random), null, at) };
            Guid? question = null;
            for (var m = 0; m < 9; m++)
            {
                var messageId = SyntheticJobs.NewGuid(random);
                var seeker = m % 2 == 0;
                events.Add(new ChatMessagePosted(messageId, seeker ? ChatRole.User : ChatRole.Assistant,
                    seeker ? $"How should I prepare for job {job.Id}, question {m}?" : $"Start with the listed skills; practise the STAR answers ({m}).",
                    seeker ? $"client-{m}" : null, null, at.AddSeconds(m * 20), seeker ? null : question));
                question = seeker ? messageId : null;
            }
            streams.Add((id, typeof(ChatSession), events.ToArray()));
        }
        for (var i = 0; i < Math.Max(1, options.Events * 2 / 100 / 10); i++)
        {
            var id = SyntheticJobs.NewGuid(random);
            var at = now.AddDays(-i);
            string[] sources = ["deloitte", "pwc"];
            var events = new List<object> { new IngestionRunStarted(id, sources, "schedule", null, at) };
            foreach (var source in sources)
            {
                events.Add(new SourceListingRead(source, 120, 3, 4, [], at.AddSeconds(5)));
                events.Add(new SourceScrapeProgressed(source, 60, 20, 2, at.AddSeconds(30), 1));
                events.Add(new SourceScrapeProgressed(source, 116, 41, 5, at.AddSeconds(60), 2));
                events.Add(new SourceScrapeFinished(source, SourceRunStatus.Completed, 116, 41, 4, 5, 3, [], at.AddSeconds(70)));
            }
            events.Add(new IngestionRunFinished(at.AddSeconds(71)));
            streams.Add((id, typeof(IngestionRun), events.ToArray()));
        }

        // Interleaved like real traffic (jobs, chats and seekers arrive at the same time), appended in batches.
        var shuffled = streams.OrderBy(_ => random.Next()).ToList();
        var clock = Stopwatch.StartNew();
        long appended = 0;
        foreach (var batch in shuffled.Chunk(options.StreamsPerBatch))
        {
            await using var session = store.LightweightSession();
            foreach (var (id, aggregate, events) in batch) session.Events.StartStream(aggregate, id, events);
            await session.SaveChangesAsync(ct);
            appended += batch.Sum(s => s.Events.Length);
        }
        Console.WriteLine($"  {shuffled.Count:N0} streams, {appended:N0} events in {clock.Elapsed.TotalSeconds:F1} s " +
                          $"({jobList.Count:N0} jobs, {streams.Count(s => s.Aggregate == typeof(ChatSession)):N0} chat sessions, " +
                          $"{streams.Count(s => s.Aggregate == typeof(User)):N0} seekers, {streams.Count(s => s.Aggregate == typeof(IngestionRun)):N0} ingestion runs)");
        return appended;
    }

    private sealed record RawRead(long Events, TimeSpan Time)
    {
        public double Rate => Events / Time.TotalSeconds;
    }

    /// <summary>Every event's row, deserialised into its CLR type the way Marten maps it: the floor of any rebuild's cost.</summary>
    private static async Task<RawRead> ReadRawAsync(DocumentStore store, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var serializer = store.Options.Serializer();
        var types = JobEvents.Contract.Concat(UserEvents.Contract).Concat(ChatEvents.Contract).Concat(IngestionEvents.Contract)
            .ToDictionary(entry => entry.Name, entry => entry.Type);
        var clock = Stopwatch.StartNew();
        long count = 0;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT type, data FROM {Schema}.mt_events ORDER BY seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            _ = serializer.FromJson(types[reader.GetString(0)], reader, 1);
            count++;
        }
        return new RawRead(count, clock.Elapsed);
    }

    private static async Task<long> CountEventsAsync(DocumentStore store, NpgsqlDataSource dataSource, ReadModelProjection projection, CancellationToken ct)
    {
        var names = projection.EventTypes.Select(type => store.Events.EventMappingFor(type).EventTypeName).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {Schema}.mt_events WHERE type = ANY(@names)", connection);
        command.Parameters.AddWithValue("names", names);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The rebuilt search table has one row per job and its indexes back.</summary>
    private static async Task CheckRebuiltAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = (long)(await Seeder.Scalar(connection, $"SELECT count(*) FROM {Seeder.SearchTable}", ct))!;
        var jobs = (long)(await Seeder.Scalar(connection, $"SELECT count(*) FROM {Schema}.mt_doc_jobdetails", ct))!;
        var indexes = (long)(await Seeder.Scalar(connection,
            $"SELECT count(*) FROM pg_indexes WHERE schemaname = '{Schema}' AND tablename = '{JobSearchIndexProjection.TableName}'", ct))!;
        Console.WriteLine($"  after the rebuild: {rows:N0} search rows for {jobs:N0} jobs, {indexes} indexes on {JobSearchIndexProjection.TableName}");
        if (rows != jobs || indexes < 3) throw new InvalidOperationException("the rebuilt search table is not complete");
    }
}
