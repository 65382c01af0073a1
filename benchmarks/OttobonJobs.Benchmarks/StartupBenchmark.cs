using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// Starts the API dll N times against an already migrated database, as `dotnet OttobonJobs.Api.dll` (Production,
/// the pre-generated code), and times each start to the first 200 from /api/health/ready; then the idle RSS, and the
/// RSS after one search (which loads the MiniLM model). The baseline is <see cref="PlainApp"/>, started the same way.
/// </summary>
public static class StartupBenchmark
{
    private const string SearchPath = "/api/jobs/search?q=graduate%20data%20analyst%20sql";

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var apiDll = options.ApiDll ?? typeof(OttobonJobs.Api.Hosting.OttobonApi).Assembly.Location;
        var benchDll = typeof(StartupBenchmark).Assembly.Location;
        Console.WriteLine($"Startup benchmark: {options.Starts} starts each of {apiDll} and of the plain ASP.NET Core app, " +
                          $"idle RSS read {options.IdleSeconds} s after ready");

        // The first start migrates the database when it is fresh; it is not counted.
        await using (var warmup = await Started.LaunchAsync(apiDll, [], options, ct)) Console.WriteLine($"  warm-up start: {warmup.Ready.TotalSeconds:F2} s");

        var api = new List<Sample>();
        var plain = new List<Sample>();
        double? rssAfterSearch = null;
        for (var i = 0; i < options.Starts; i++)
        {
            await using (var started = await Started.LaunchAsync(apiDll, [], options, ct))
            {
                api.Add(await started.SampleAsync(options, ct));
                if (i == options.Starts - 1) rssAfterSearch = await started.RssAfterAsync(SearchPath, ct);
            }
            await using (var started = await Started.LaunchAsync(benchDll, [PlainApp.Argument], options, ct))
                plain.Add(await started.SampleAsync(options, ct));
            Console.WriteLine($"  start {i + 1}: API {api[^1]}  |  plain {plain[^1]}");
        }

        var ready = Median(api, s => s.Ready.TotalSeconds);
        var plainReady = Median(plain, s => s.Ready.TotalSeconds);
        const string baselineName = "plain ASP.NET Core app (one Npgsql readiness query), started the same way";
        Figures.Report(Figures.AtMost("startup.ready_s", ready, "s", 1.0, plainReady, baselineName,
            $"median of {options.Starts} starts against a migrated database"));
        Figures.Report(Figures.AtMost("startup.idle_rss_mb", Median(api, s => s.IdleRssMb), "MB", 300, Median(plain, s => s.IdleRssMb), baselineName,
            $"{options.IdleSeconds} s after ready, model not loaded"));
        Figures.Report(new Figure("startup.cpu_to_ready_s", Median(api, s => s.CpuToReady.TotalSeconds), "s", Median(plain, s => s.CpuToReady.TotalSeconds),
            baselineName, null, null, "process CPU time until ready (less sensitive to machine load than the wall time)"));
        if (rssAfterSearch is { } afterSearch)
            Figures.Report(new Figure("startup.rss_after_model_mb", afterSearch, "MB", null, null, null, null,
                "after one GET /api/jobs/search, which loads the MiniLM model (context)"));
        return 0;
    }

    private static double Median<T>(List<T> samples, Func<T, double> value)
    {
        var sorted = samples.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Sample(TimeSpan Ready, TimeSpan CpuToReady, double IdleRssMb)
    {
        public override string ToString() => $"ready {Ready.TotalSeconds:F2} s (CPU {CpuToReady.TotalSeconds:F2} s), idle RSS {IdleRssMb:F0} MB";
    }

    /// <summary>One started process, killed on dispose.</summary>
    private sealed class Started : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;

        private Started(Process process, HttpClient http, TimeSpan ready, TimeSpan cpu) => (_process, _http, Ready, CpuToReady) = (process, http, ready, cpu);

        public TimeSpan Ready { get; }
        public TimeSpan CpuToReady { get; }

        public static async Task<Started> LaunchAsync(string dll, string[] arguments, Options options, CancellationToken ct)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.ArgumentList.Add(dll);
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            start.Environment["OTTOBON_DATABASE_URL"] = options.DatabaseUrl;
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["OTTOBON_JWT_SECRET"] = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray());
            start.Environment["OTTOBON_SCRAPER_MODE"] = "sample";
            start.Environment["Ottobon__Ingestion__ScheduleEnabled"] = "false";
            start.Environment["Logging__LogLevel__Default"] = "Warning";

            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var clock = Stopwatch.StartNew();
            var process = Process.Start(start)!;
            // Drain the output so a chatty process never blocks on a full pipe.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"{dll} exited with {process.ExitCode} before it was ready");
                if (clock.Elapsed > options.Timeout) { process.Kill(entireProcessTree: true); throw new TimeoutException($"{dll} was not ready within {options.Timeout}"); }
                try
                {
                    using var response = await http.GetAsync("/api/health/ready", ct);
                    if (response.StatusCode == HttpStatusCode.OK) break;
                }
                catch (HttpRequestException) { }
                await Task.Delay(10, ct);
            }
            var ready = clock.Elapsed;
            process.Refresh();
            return new Started(process, http, ready, process.TotalProcessorTime);
        }

        public async Task<Sample> SampleAsync(Options options, CancellationToken ct)
        {
            await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), ct);
            return new Sample(Ready, CpuToReady, RssMb());
        }

        public async Task<double> RssAfterAsync(string path, CancellationToken ct)
        {
            using var response = await _http.GetAsync(path, ct);
            response.EnsureSuccessStatusCode();
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            return RssMb();
        }

        private double RssMb()
        {
            _process.Refresh();
            return _process.WorkingSet64 / 1024.0 / 1024.0;
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

/// <summary>
/// The startup baseline: the smallest ASP.NET Core app that answers readiness as the API does (one Npgsql
/// <c>SELECT 1</c>). Run as <c>OttobonJobs.Benchmarks.dll plain-app</c> with OTTOBON_DATABASE_URL and ASPNETCORE_URLS.
/// </summary>
public static class PlainApp
{
    public const string Argument = "plain-app";

    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("OTTOBON_DATABASE_URL")!));
        var app = builder.Build();
        app.MapGet("/api/health/ready", async (NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(ct);
            return Results.Ok();
        });
        await app.RunAsync();
        return 0;
    }
}
