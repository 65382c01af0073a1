using System.Reflection;
using OttobonJobs.Api.Adapters.Scrapers.Employers;

namespace OttobonJobs.Api.Adapters.Scrapers.SampleSites;

/// <summary>
/// The sample career sites' files, embedded in this assembly under their path below SampleSites/
/// ("Deloitte/jobs/204130.html"). They are written with the real sites' addresses in their links;
/// <see cref="Read"/> rewrites those to wherever the files are being served.
/// </summary>
public static class SampleSiteFiles
{
    private const string Prefix = "SampleSites/";
    private static readonly Assembly Assembly = typeof(SampleSiteFiles).Assembly;

    private static readonly Dictionary<string, string> ResourceByName = Assembly.GetManifestResourceNames()
        .Select(resource => (Resource: resource, Name: resource.Replace('\\', '/')))
        .Where(r => r.Name.StartsWith(Prefix, StringComparison.Ordinal))
        .ToDictionary(r => r.Name[Prefix.Length..], r => r.Resource, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] RealSites = RealBaseUrls();

    public static IReadOnlyCollection<string> Names => ResourceByName.Keys;

    /// <summary>The file's text with the real sites' addresses replaced by <paramref name="servedAt"/>; null if there is no such file.</summary>
    public static string? Read(string name, Uri servedAt)
    {
        if (!ResourceByName.TryGetValue(name, out var resource)) return null;
        using var stream = Assembly.GetManifestResourceStream(resource)!;
        var text = new StreamReader(stream).ReadToEnd();
        var origin = servedAt.GetLeftPart(UriPartial.Authority);
        return RealSites.Aggregate(text, (current, site) => current.Replace(site, origin, StringComparison.OrdinalIgnoreCase));
    }

    public static string ContentTypeOf(string name) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json; charset=utf-8" : "text/html; charset=utf-8";

    /// <summary>The hosts the sample files' links name: the sites' APIs and the job boards' public pages.</summary>
    private static string[] RealBaseUrls()
    {
        var defaults = new ScraperSettings();
        return
        [
            defaults.Deloitte.BaseUrl, defaults.Ey.BaseUrl,
            .. DefaultEmployers.Workday.Select(t => t.BaseUrl), .. DefaultEmployers.OracleHcm.Select(t => t.BaseUrl),
            "https://job-boards.greenhouse.io", "https://boards.greenhouse.io", "https://jobs.lever.co", "https://jobs.ashbyhq.com",
        ];
    }
}
