using System.Text.Json;
using System.Text.RegularExpressions;
using OttobonJobs.Api.Adapters.Scrapers.Deloitte;
using OttobonJobs.Api.Adapters.Scrapers.Ey;
using System.Text.Json.Nodes;
using OttobonJobs.Api.Adapters.Scrapers.Employers;
using OttobonJobs.Api.Adapters.Scrapers.OracleHcm;

namespace OttobonJobs.Api.Adapters.Scrapers.SampleSites;

/// <summary>A sample site's answer to one request.</summary>
public sealed record SampleAnswer(int Status, string ContentType, string Body);

/// <summary>
/// Answers requests at the paths and with the parameters the real career sites use, from the sample files:
/// listing pages by their offset, detail pages by id. The pages a visitor would apply on get a short note instead.
/// </summary>
public static partial class SampleSiteRoutes
{
    /// <summary>The answer to a request (its body already read), with links rewritten to <paramref name="servedAt"/>.</summary>
    public static SampleAnswer Answer(string method, string path, IQueryCollection query, string body, Uri servedAt)
    {
        var name = FileFor(method, path, query, body);
        if (name is not null && SampleSiteFiles.Read(name, servedAt) is { } text)
        {
            var answer = name.StartsWith("Lever/", StringComparison.Ordinal) ? LeverPage(text, query) : text;
            return new SampleAnswer(200, SampleSiteFiles.ContentTypeOf(name), answer);
        }
        return IsApplyPage(path)
            ? new SampleAnswer(200, "text/html; charset=utf-8", ApplyNote)
            : new SampleAnswer(404, "text/plain; charset=utf-8", $"No sample page for {method} {path}.");
    }

    /// <summary>The sample file that answers this request, e.g. "Workday/pwc/Global_Experienced_Careers/jobs-offset-20.json"; null when none does.</summary>
    public static string? FileFor(string method, string path, IQueryCollection query, string body)
    {
        var trimmed = path.TrimEnd('/');
        var id = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        bool Is(string route) => trimmed.Equals(route.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        bool Under(string route) => trimmed.StartsWith(route, StringComparison.OrdinalIgnoreCase);

        var segments = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string Segment(int i) => i < segments.Length ? segments[i] : "";
        var siteNumber = FinderSiteNumber().Match(query["finder"].ToString()).Groups[1].Value;

        return method.ToUpperInvariant() switch
        {
            "GET" when Is(DeloitteScraper.SearchPath) => $"Deloitte/search-offset-{Number(query["jobOffset"])}.html",
            "GET" when Under("/en_US/careers/JobDetail/") => $"Deloitte/jobs/{id}.html",
            // /wday/cxs/{tenant}/{site}/jobs and /wday/cxs/{tenant}/{site}/job/{location}/{slug}
            "POST" when Under("/wday/cxs/") && segments.Length == 5 && Segment(4) == "jobs" =>
                $"Workday/{Segment(2)}/{Segment(3)}/jobs-offset-{WorkdayOffset(body)}.json",
            "GET" when Under("/wday/cxs/") && Segment(4) == "job" => $"Workday/{Segment(2)}/{Segment(3)}/job/{id}.json",
            "GET" when Is(OracleHcmScraper.SearchPath) =>
                $"OracleHcm/{siteNumber}/requisitions-offset-{Number(FinderOffset().Match(query["finder"].ToString()).Groups[1].Value)}.json",
            "GET" when Is(OracleHcmScraper.DetailsPath) => $"OracleHcm/{siteNumber}/requisition/{FinderId().Match(query["finder"].ToString()).Groups[1].Value}.json",
            // /v1/boards/{board}/jobs, /v0/postings/{board}, /posting-api/job-board/{board}
            "GET" when Under("/v1/boards/") && segments.Length == 4 && Segment(3) == "jobs" => $"Greenhouse/{Segment(2)}.json",
            "GET" when Under("/v0/postings/") && segments.Length == 3 => $"Lever/{Segment(2)}.json",
            "GET" when Under("/posting-api/job-board/") && segments.Length == 3 => $"Ashby/{Segment(2)}.json",
            "GET" when Is(EyScraper.SearchPath) => $"Ey/search-startrow-{Number(query["startrow"])}.html",
            "GET" when Under("/ey/job/") => $"Ey/job/{id}.html",
            _ => null,
        };
    }

    /// <summary>Lever pages its array by skip and limit: the slice asked for.</summary>
    private static string LeverPage(string text, IQueryCollection query)
    {
        var postings = JsonNode.Parse(text)!.AsArray();
        var limit = int.TryParse(query["limit"], out var l) && l > 0 ? l : 100;
        var page = new JsonArray(postings.Skip(Number(query["skip"])).Take(limit).Select(p => p!.DeepClone()).ToArray());
        return page.ToJsonString();
    }

    private static int Number(string? text) => int.TryParse(text, out var number) ? number : 0;

    private static int WorkdayOffset(string body)
    {
        try
        {
            using var search = JsonDocument.Parse(body);
            return search.RootElement.TryGetProperty("offset", out var offset) && offset.TryGetInt32(out var n) ? n : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    /// <summary>Where the sample postings' apply links lead: each site's own job page (a Workday site, a board's job).</summary>
    private static readonly string[] ApplyPages =
    [
        "/en_US/careers/ApplicationMethods", "/hcmUI/CandidateExperience/", "/talentcommunity/apply/",
        .. DefaultEmployers.Workday.SelectMany(t => t.Sites).Select(site => $"/{site}/job/"),
        .. DefaultEmployers.Greenhouse.Select(b => $"/{b.Board}/jobs/"),
        .. DefaultEmployers.Lever.Concat(DefaultEmployers.Ashby).Select(b => $"/{b.Board}/"),
    ];

    private static bool IsApplyPage(string path) =>
        ApplyPages.Any(page => path.StartsWith(page, StringComparison.OrdinalIgnoreCase));

    private const string ApplyNote = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sample posting</title></head>
        <body><h1>This is a sample posting</h1>
        <p>Ottobon Jobs is running in sample mode (Ottobon:Scrapers:Mode = sample), reading career sites written for it
        rather than the real ones. On a real career site, this is where you would apply.</p></body></html>
        """;

    [GeneratedRegex(@"offset=(\d+)")]
    private static partial Regex FinderOffset();

    [GeneratedRegex(@"siteNumber=([^,;]+)")]
    private static partial Regex FinderSiteNumber();

    [GeneratedRegex(@"Id=""?([^"",;]+)")]
    private static partial Regex FinderId();
}
