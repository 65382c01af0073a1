using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Tests.Ingestion;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hosting;

/// <summary>
/// The API with a scrape token, a scripted career site, a scripted AI (so one enrichment can fail) and a built SPA,
/// whose index page /metrics used to return.
/// </summary>
public class ApiWithMetrics : ApiFixture
{
    public const string ScrapeToken = "prometheus-scrape-token-for-the-tests-0123456789";
    public const string SpaMarker = "ottobon-spa-index";
    public ScriptedScraper Site { get; } = new("metrics-site", "Metrics & Sons");
    public ScriptedEnricher Ai { get; } = new();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Ottobon:Telemetry:ScrapeToken"] = ScrapeToken,
        ["Ottobon:SpaPath"] = SpaFolder(),
    };

    /// <summary>A built SPA: one index.html, served for every client-side route.</summary>
    public static string SpaFolder()
    {
        var folder = Directory.CreateTempSubdirectory("ottobon-spa-").FullName;
        File.WriteAllText(Path.Combine(folder, "index.html"), $"<!doctype html><html><body><div id=\"root\">{SpaMarker}</div></body></html>");
        return folder;
    }

    protected override void ConfigureServices(IServiceCollection services) => ApiWithScriptedSites.Register(services, Ai, Site);
}

[Collection(ProcessWideMetrics.Name)]
public class when_scraping_metrics(ApiWithMetrics api) : IClassFixture<ApiWithMetrics>
{
    [Fact]
    public async Task prometheus_finds_the_product_metrics_of_real_work_beside_http_database_and_messaging_metrics()
    {
        var admin = await api.Host.SignedInAdmin();
        var provider = await api.Host.SignedUpProvider();
        var jobId = await api.Host.PostedJob(provider);

        api.Ai.FailNext(new EnrichmentUnavailableException("The scripted AI is down."));
        api.Site.Lists(ScriptedScraper.Posting($"M-{Guid.NewGuid():N}"));
        var runId = await api.Host.IngestedAsync(admin, api.Site.SourceName);
        var run = await FinishedRun(runId);
        run.Sources.Single().JobsNew.ShouldBe(1, $"the run ended {run.Status} ({run.StatusReason})");

        var seeker = await api.Host.SignedUpSeeker();
        var session = await api.Host.Scenario(s => { s.Post.Json(new { job_id = jobId }).ToUrl("/api/chat/sessions"); s.As(seeker); });
        var sessionId = session.Json().GetProperty("id").GetGuid();
        await api.Host.Scenario(s => { s.Post.Json(new { session_id = sessionId }).ToUrl("/api/admin/takeover"); s.As(admin); });
        await api.Host.Scenario(s => { s.Post.Json(new { content = "A coach here: let's look at your CV." }).ToUrl($"/api/admin/sessions/{sessionId}/messages"); s.As(admin); });

        var tower = api.Host.GetTestServer().CreateWebSocketClient();
        tower.SubProtocols.Add("ottobon.bearer");
        tower.SubProtocols.Add(admin.Token);
        using var socket = await tower.ConnectAsync(new Uri("ws://localhost/ws/admin/sessions"), CancellationToken.None);

        var scrape = await api.Host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            s.WithRequestHeader("Authorization", $"Bearer {ApiWithMetrics.ScrapeToken}");
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });
        var metrics = Samples.Parse(scrape.ReadAsText());

        metrics.Value("ottobon_jobs_ingested_total", ("source", "posted")).ShouldBeGreaterThanOrEqualTo(1);
        metrics.Value("ottobon_jobs_ingested_total", ("source", "metrics-site")).ShouldBe(1);
        metrics.Value("ottobon_jobs_enriched_total", ("method", "ai")).ShouldBeGreaterThanOrEqualTo(1);
        metrics.Value("ottobon_jobs_enrichment_failures_total", ("will_retry", "true")).ShouldBeGreaterThanOrEqualTo(1);
        metrics.Value("ottobon_chat_messages_total", ("sender_role", "admin")).ShouldBeGreaterThanOrEqualTo(1);
        metrics.Value("ottobon_sockets_open", ("socket", "control_tower")).ShouldBeGreaterThanOrEqualTo(1);

        metrics.Value("http_server_request_duration_seconds_count", ("http_route", "/api/jobs"), ("http_request_method", "POST")).ShouldBeGreaterThanOrEqualTo(1);
        metrics.Names.ShouldContain(name => name.StartsWith("db_client_"), "Npgsql's metrics");
        metrics.Names.ShouldContain(name => name.StartsWith("wolverine_messages_succeeded"), "Wolverine's metrics");
    }

    /// <summary>
    /// The run as it ended. Message tracking stops at a scheduled retry (a transient database error on a busy machine),
    /// so this waits for the run's own record of finishing, within a bound.
    /// </summary>
    private async Task<IngestionRunLog> FinishedRun(Guid runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var run = await api.Host.RunLog(runId);
        while (run.CompletedAt is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            run = await api.Host.RunLog(runId);
        }
        return run;
    }

    [Fact]
    public async Task anyone_but_an_admin_or_the_scrape_token_is_refused_with_a_problem_not_the_spa()
    {
        var anonymous = await api.Host.Scenario(s => { s.Get.Url("/metrics"); s.StatusCodeShouldBe(HttpStatusCode.Unauthorized); });
        anonymous.ReadAsText().ShouldNotContain(ApiWithMetrics.SpaMarker);
        (await api.Host.Scenario(s => s.Get.Url("/jobs"))).ReadAsText().ShouldContain(ApiWithMetrics.SpaMarker, customMessage: "this host serves the SPA");
        anonymous.Detail().ShouldNotBeNullOrWhiteSpace();
        await api.Host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            s.WithRequestHeader("Authorization", "Bearer prometheus-scrape-token-for-the-tests-but-wrong");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });

        var seeker = await api.Host.SignedUpSeeker();
        var refused = await api.Host.Scenario(s => { s.Get.Url("/metrics"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
        refused.Detail().ShouldNotBeNullOrWhiteSpace();

        var admin = await api.Host.SignedInAdmin();
        var scrape = await api.Host.Scenario(s => { s.Get.Url("/metrics"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.OK); });
        scrape.ReadAsText().ShouldContain("target_info");
    }
}

/// <summary>The API with its metrics on a port of their own.</summary>
public class ApiWithMetricsPort : ApiFixture
{
    public int Port { get; } = FreePort();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Ottobon:Telemetry:PrometheusPort"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Ottobon:SpaPath"] = ApiWithMetrics.SpaFolder(),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[Collection(ProcessWideMetrics.Name)]
public class when_metrics_have_their_own_port(ApiWithMetricsPort api) : IClassFixture<ApiWithMetricsPort>
{
    [Fact]
    public async Task prometheus_scrapes_that_port_without_a_token_and_the_main_port_has_no_metrics_nor_the_spa()
    {
        await api.Host.SignedUpSeeker();

        using var http = new HttpClient();
        var scrape = await http.GetAsync($"http://127.0.0.1:{api.Port}/metrics");
        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
        var metrics = Samples.Parse(await scrape.Content.ReadAsStringAsync());
        metrics.Value("http_server_request_duration_seconds_count", ("http_route", "/api/auth/signup")).ShouldBeGreaterThanOrEqualTo(1);

        var admin = await api.Host.SignedInAdmin();
        var main = await api.Host.Scenario(s => { s.Get.Url("/metrics"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        main.Detail().ShouldNotBeNullOrWhiteSpace();
        main.ReadAsText().ShouldNotContain(ApiWithMetrics.SpaMarker);
    }
}

/// <summary>Prometheus text exposition, read into samples: name, labels and value per line.</summary>
public sealed partial class Samples
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public IEnumerable<string> Names => _samples.Select(s => s.Name).Distinct();

    public static Samples Parse(string text)
    {
        var samples = new Samples();
        foreach (var line in text.Split('\n').Where(l => l.Length > 0 && l[0] != '#'))
        {
            var match = SampleLine().Match(line);
            if (!match.Success) continue;
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
            samples._samples.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
        return samples;
    }

    /// <summary>The sum over every series of <paramref name="name"/> that has all these labels (0 when there is none).</summary>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var series = _samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).ToList();
        series.ShouldNotBeEmpty($"no {name} series with {string.Join(", ", labels.Select(l => $"{l.Key}=\"{l.Value}\""))}");
        return series.Sum(s => s.Value);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
