using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>
/// The API as a real child process (<c>dotnet OttobonJobs.Api.dll</c>, Balanced durability) killed with SIGKILL mid-run:
/// nothing of it runs any shutdown code. The run of the four big sources (each pointed at one <see cref="FakeCareerSite"/>; the job boards left out)
/// is killed once the other three sources' postings are recorded and EY's scrape is stuck on its job pages.
/// A second node then starts on the same database. It is an in-process host, which (like every test host) runs
/// Wolverine in Solo mode: on start it releases the ownership of every node's inbox, so the dead node's ScrapeSource(ey)
/// (and its pending EnrichJob/finish messages) are redelivered to it at once. The design then continues the SAME run:
/// <see cref="IngestionDecisions.Renew"/> lets any node renew a lease held by the message's own run, so the second node
/// takes the lease over, reads EY again and finishes the run completed — nothing is abandoned (abandoning only happens
/// when a NEW run takes over an expired lease). Every posting becomes exactly one job stream.
/// </summary>
public class when_a_server_is_killed_mid_run : IAsyncLifetime
{
    private const string StalledSource = "ey";
    private TestDatabase _database = null!;
    private FakeCareerSite _site = null!;
    private volatile bool _stallEyJobPages = true;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _site = await FakeCareerSite.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task the_next_node_completes_the_killed_run_with_every_posting_recorded_once()
    {
        var expected = await PostingsOnTheSite();
        expected.Keys.Order().ShouldBe(new[] { "deloitte", "ey", "kpmg", "pwc" });
        var recordedBeforeTheKill = expected.Where(s => s.Key != StalledSource).Sum(s => s.Value.Count);
        _site.ClearRequests();
        // EY's job pages (read after its listing) hang until the kill; afterwards they answer normally.
        _site.When(r => _stallEyJobPages && r.Path.StartsWith("/ey/job/", StringComparison.OrdinalIgnoreCase),
            new SiteReply(503) { Delay = TimeSpan.FromMinutes(5) });

        Guid runId;
        await using (var doomed = KilledNode.Start(_database.ConnectionString, NodeSettings(_site)))
        {
            var token = await doomed.SignInAsync();
            runId = await doomed.TriggerAllAsync(token);
            await Eventually("three sources recorded and EY stuck on its job pages", async () =>
                await ScrapedJobCount() == recordedBeforeTheKill && _site.Requests.Any(r => r.Path.StartsWith("/ey/job/")));
            doomed.Kill();
        }
        _stallEyJobPages = false;
        var requestsBeforeRestart = _site.Requests.Count;

        var settings = NodeSettings(_site).ToDictionary(s => s.Key.Replace("__", ":"), s => (string?)s.Value);
        await using var survivor = await ApiFixture.StartHostAsync(_database.ConnectionString, settings,
            s => s.AddSingleton<IJobEnricher>(new ScriptedEnricher()));

        await Eventually("the killed run completes", async () => (await survivor.RunLog(runId)).CompletedAt is not null);

        var log = await survivor.RunLog(runId);
        log.Sources.ShouldAllBe(s => s.Status == SourceRunStatus.Completed);
        log.Sources.Single(s => s.SourceName == StalledSource).JobsNew.ShouldBe(expected[StalledSource].Count);
        _site.Requests.Skip(requestsBeforeRestart).ShouldContain(r => r.Path.StartsWith("/ey/job/"));

        await using (var session = survivor.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var scraped = await session.Events.QueryRawEventDataOnly<JobScraped>().ToListAsync();
            scraped.GroupBy(j => (j.Source, j.ExternalId)).ShouldAllBe(g => g.Count() == 1);
            scraped.Select(j => j.JobId).Distinct().Count().ShouldBe(scraped.Count);
            var recorded = scraped.ToLookup(j => j.Source, j => j.ExternalId);
            recorded.Select(g => g.Key).Order().ShouldBe(expected.Keys.Order());
            foreach (var (source, externalIds) in expected) recorded[source].Order().ToList().ShouldBe(externalIds, source);
            (await session.Query<SourceLease>().CountAsync()).ShouldBe(0);
            var events = await session.Events.FetchStreamAsync(runId);
            events.ShouldNotContain(e => e.Data is SourceScrapeAbandoned);
            events.Count(e => e.Data is SourceScrapeFinished).ShouldBe(expected.Count);
        }

        // The source is free again: a new run of EY starts (202), sees every posting again and records none twice.
        var admin = await survivor.SignedInAdmin();
        await survivor.IngestedAsync(admin, StalledSource);
        await using (var session = survivor.Services.GetRequiredService<IDocumentStore>().QuerySession())
            (await session.Events.QueryRawEventDataOnly<JobScraped>().CountAsync()).ShouldBe(expected.Sum(s => s.Value.Count));
    }

    /// <summary>The external ids each source lists on the fake site, read by the real scrapers.</summary>
    private async Task<Dictionary<string, List<string>>> PostingsOnTheSite()
    {
        await using var scrapers = ScraperTestServices.Against(_site, ScraperTestServices.WithoutJobBoards);
        var postings = new Dictionary<string, List<string>>();
        foreach (var scraper in scrapers.GetServices<ICareerSiteScraper>())
            postings[scraper.SourceName] = (await scraper.ScrapeAsync(CancellationToken.None)).Postings.Select(p => p.ExternalId.Trim()).Distinct().Order().ToList();
        return postings;
    }

    private async Task<long> ScrapedJobCount()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{EventStoreSetup.MartenSchema}.mt_events') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!) return 0;
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {EventStoreSetup.MartenSchema}.mt_events WHERE type = 'job_scraped'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Both nodes' settings, as environment variables: live scrapers on the fake site, short leases, no schedule.</summary>
    private static Dictionary<string, string> NodeSettings(FakeCareerSite site)
    {
        var settings = new Dictionary<string, string>
        {
            ["Ottobon__Scrapers__Mode"] = ScraperModes.Live,
            // A stuck page must still be stuck when the node is killed, not given up on by the HTTP client first.
            ["Ottobon__Scrapers__Http__AttemptTimeout"] = "00:02:00",
            ["Ottobon__Scrapers__Http__TotalRequestTimeout"] = "00:05:00",
            ["Ottobon__Ingestion__LeaseDuration"] = "00:00:10",
            ["Ottobon__Ingestion__LeaseRenewal"] = "00:00:02",
            ["Ottobon__Ingestion__ScheduleEnabled"] = "false",
        };
        foreach (var key in ScraperTestServices.BaseUrlKeys())
            settings[key.Replace(":", "__")] = site.BaseUrl.ToString();
        var withoutBoards = new Dictionary<string, string?>();
        ScraperTestServices.WithoutJobBoards(withoutBoards);
        foreach (var (key, value) in withoutBoards) settings[key.Replace(":", "__")] = value!;
        return settings;
    }

    private static async Task Eventually(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting for: {what}.");
            await Task.Delay(200);
        }
    }

    /// <summary>The API as a child process, its output kept in a file beside the test assembly; always killed at the end.</summary>
    private sealed class KilledNode : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StreamWriter _output;
        private readonly HttpClient _http;

        private KilledNode(Process process, StreamWriter output, HttpClient http) => (_process, _output, _http) = (process, output, http);

        public string LogPath { get; private init; } = "";

        public static KilledNode Start(string databaseConnectionString, Dictionary<string, string> settings)
        {
            var dll = typeof(Program).Assembly.Location;
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(dll);
            start.Environment["OTTOBON_DATABASE_URL"] = databaseConnectionString;
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["OTTOBON_JWT_SECRET"] = ApiFixture.JwtSecret;
            start.Environment["OTTOBON_ADMIN_EMAIL"] = ApiFixture.AdminEmail;
            start.Environment["OTTOBON_ADMIN_PASSWORD"] = ApiFixture.AdminPassword;
            start.Environment["Ottobon__Storage__Root"] = Directory.CreateTempSubdirectory("ottobon-files-").FullName;
            foreach (var (key, value) in settings) start.Environment[key] = value;

            var logPath = Path.Combine(AppContext.BaseDirectory, $"killed-node-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
            var output = new StreamWriter(logPath) { AutoFlush = true };
            var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.WriteLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.WriteLine("ERR " + e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new KilledNode(process, output, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }) { LogPath = logPath };
        }

        public async Task<string> SignInAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                if (_process.HasExited) throw new InvalidOperationException($"The API process exited with {_process.ExitCode}; see {LogPath}.");
                try
                {
                    var response = await _http.PostAsJsonAsync("/api/auth/login", new { email = ApiFixture.AdminEmail, password = ApiFixture.AdminPassword });
                    if (response.StatusCode == HttpStatusCode.OK)
                        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"The API process did not start within 60 s; see {LogPath}.");
                await Task.Delay(250);
            }
        }

        public async Task<Guid> TriggerAllAsync(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/ingest/all");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
            return JsonDocument.Parse(body).RootElement.GetProperty("run_id").GetGuid();
        }

        /// <summary>SIGKILL on Linux: no shutdown hook, drain or ownership release runs.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) Kill();
            _process.Dispose();
            _http.Dispose();
            await _output.DisposeAsync();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
