using System.Text.Json;
using System.Text.RegularExpressions;
using OttobonJobs.Api.Adapters.Scrapers.Deloitte;
using OttobonJobs.Api.Adapters.Scrapers.Ey;
using OttobonJobs.Api.Adapters.Scrapers.Kpmg;
using OttobonJobs.Api.Adapters.Scrapers.Pwc;

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
            return new SampleAnswer(200, SampleSiteFiles.ContentTypeOf(name), text);
        }
        return IsApplyPage(path)
            ? new SampleAnswer(200, "text/html; charset=utf-8", ApplyNote)
            : new SampleAnswer(404, "text/plain; charset=utf-8", $"No sample page for {method} {path}.");
    }

    /// <summary>The sample file that answers this request, e.g. "Pwc/jobs-offset-20.json"; null when none does.</summary>
    public static string? FileFor(string method, string path, IQueryCollection query, string body)
    {
        var trimmed = path.TrimEnd('/');
        var id = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        bool Is(string route) => trimmed.Equals(route.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        bool Under(string route) => trimmed.StartsWith(route, StringComparison.OrdinalIgnoreCase);

        return method.ToUpperInvariant() switch
        {
            "GET" when Is(DeloitteScraper.SearchPath) => $"Deloitte/search-offset-{Number(query["jobOffset"])}.html",
            "GET" when Under("/en_US/careers/JobDetail/") => $"Deloitte/jobs/{id}.html",
            "POST" when Is($"{PwcScraper.ApiPath}/jobs") => $"Pwc/jobs-offset-{WorkdayOffset(body)}.json",
            "GET" when Under($"{PwcScraper.ApiPath}/job/") => $"Pwc/job/{id}.json",
            "GET" when Is(KpmgScraper.SearchPath) => $"Kpmg/requisitions-offset-{Number(FinderOffset().Match(query["finder"].ToString()).Groups[1].Value)}.json",
            "GET" when Is(KpmgScraper.DetailsPath) => $"Kpmg/requisition/{FinderId().Match(query["finder"].ToString()).Groups[1].Value}.json",
            "GET" when Is(EyScraper.SearchPath) => $"Ey/search-startrow-{Number(query["startrow"])}.html",
            "GET" when Under("/ey/job/") => $"Ey/job/{id}.html",
            _ => null,
        };
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

    private static bool IsApplyPage(string path) =>
        path.StartsWith("/en_US/careers/ApplicationMethods", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/Global_Experienced_Careers/job/", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/hcmUI/CandidateExperience/", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/talentcommunity/apply/", StringComparison.OrdinalIgnoreCase);

    private const string ApplyNote = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sample posting</title></head>
        <body><h1>This is a sample posting</h1>
        <p>Ottobon Jobs is running in sample mode (Ottobon:Scrapers:Mode = sample), reading career sites written for it
        rather than the real ones. On a real career site, this is where you would apply.</p></body></html>
        """;

    [GeneratedRegex(@"offset=(\d+)")]
    private static partial Regex FinderOffset();

    [GeneratedRegex(@"Id=""?([^"",;]+)")]
    private static partial Regex FinderId();
}
