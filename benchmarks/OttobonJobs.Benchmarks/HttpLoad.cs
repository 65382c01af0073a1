using System.Diagnostics;
using System.Net;

namespace OttobonJobs.Benchmarks;

public record LoadResult(string Name, Latencies Latencies, int Requests, int Errors, TimeSpan Elapsed, int Workers)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// Closed-loop load: N workers share one HttpClient, each sends its next request as soon as the previous answer is
/// read to the end. Latency is from sending to the last byte of the body. A warm-up phase (discarded) comes first:
/// the first requests pay for JIT, Wolverine's runtime code generation and cold PostgreSQL caches.
/// </summary>
public static class HttpLoad
{
    public static async Task<LoadResult> RunAsync(
        HttpClient client, string name, Func<Random, string> nextPath, Options options, int seed, CancellationToken cancellationToken)
    {
        await PhaseAsync(client, nextPath, options.Warmup, options.Workers, seed - 1, cancellationToken);
        var (latencies, requests, errors, elapsed) = await PhaseAsync(client, nextPath, options.Duration, options.Workers, seed, cancellationToken);
        return new LoadResult(name, latencies, requests, errors, elapsed, options.Workers);
    }

    private static async Task<(Latencies, int, int, TimeSpan)> PhaseAsync(
        HttpClient client, Func<Random, string> nextPath, TimeSpan duration, int workers, int seed, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var errorSamples = new List<string>();
        var results = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(seed * 31 + worker);
            var latencies = new Latencies();
            var errors = 0;
            while (clock.Elapsed < duration)
            {
                var path = nextPath(random);
                var started = Stopwatch.GetTimestamp();
                HttpStatusCode status;
                using (var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
                {
                    await response.Content.LoadIntoBufferAsync(cancellationToken);
                    status = response.StatusCode;
                }
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if ((int)status is >= 200 and < 300)
                {
                    latencies.Add(elapsed);
                }
                else
                {
                    errors++;
                    lock (errorSamples)
                        if (errorSamples.Count < 3) errorSamples.Add($"{(int)status} {path}");
                }
            }
            return (latencies, errors);
        }, cancellationToken)));
        var total = clock.Elapsed;

        var all = new Latencies();
        foreach (var (latencies, _) in results) all.AddRange(latencies);
        var errorCount = results.Sum(r => r.errors);
        if (errorCount > 0) Console.WriteLine($"  ! {errorCount} failed requests, e.g. {string.Join("; ", errorSamples)}");
        return (all, all.Count + errorCount, errorCount, total);
    }

    /// <summary>End-to-end latency of a few requests sent one at a time (the caller warms up what it wants warm).</summary>
    public static async Task<LoadResult> SequentialAsync(
        HttpClient client, string name, IReadOnlyList<string> paths, int rounds, CancellationToken cancellationToken)
    {
        var latencies = new Latencies();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var path in paths)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.IsSuccessStatusCode) latencies.Add(elapsed);
                else errors++;
            }
        }
        return new LoadResult(name, latencies, latencies.Count + errors, errors, clock.Elapsed, 1);
    }
}
