using System.Text.RegularExpressions;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers.Pwc;

/// <summary>
/// PwC's careers site runs on Workday, whose pages call a JSON API: a POST searches (paged by offset, 20 at a time)
/// and a GET per job returns its description and its apply link.
/// </summary>
public sealed partial class PwcScraper(HttpClient http, ScraperServices services) : CareerSiteScraper(http, services)
{
    public const string ApiPath = "/wday/cxs/pwc/Global_Experienced_Careers";
    private const int PageSize = 20;

    public override string SourceName => Sources.Pwc;
    public override string CompanyName => "PwC";

    protected override async Task<ListingPage> ReadListingPageAsync(Uri site, int offset, CancellationToken cancellationToken)
    {
        var url = new Uri(site, $"{ApiPath}/jobs");
        var search = new { appliedFacets = new { }, limit = PageSize, offset, searchText = "" };
        var page = await Http.PostJsonAsync<WorkdayJobsPage>(url, search, cancellationToken);
        var jobs = page.JobPostings ?? throw new PageUnreadableException($"{url.AbsolutePath} answered without jobPostings.");

        var entries = jobs.Select(job => new ListingEntry(
            LastSegment(job.ExternalPath),
            job.Title,
            PlaceOf(job.LocationsText),
            PostedOn(job.PostedOn),
            job.ExternalPath)).ToList();

        // Workday gives the total on the first page only; later pages say 0, so then a short page is the end.
        var end = offset + jobs.Count;
        var more = jobs.Count > 0 && (page.Total > 0 ? end < page.Total : jobs.Count == PageSize);
        return new ListingPage(entries, more ? end : null);
    }

    protected override async Task<ScrapedPosting> ReadPostingAsync(Uri site, ListedPosting listed, CancellationToken cancellationToken)
    {
        // "/job/Mumbai/Associate_R123" → GET …/job/Mumbai/Associate_R123
        var slug = listed.DetailRef.Split("/job/", 2) is [_, var rest] ? rest : listed.DetailRef.TrimStart('/');
        var url = new Uri(site, $"{ApiPath}/job/{slug}");
        var detail = await Http.GetJsonAsync<WorkdayJobDetail>(url, cancellationToken);
        var info = detail.JobPostingInfo ?? throw new PageUnreadableException($"{url.AbsolutePath} has no jobPostingInfo.");

        return new ScrapedPosting(
            ExternalId: string.IsNullOrWhiteSpace(info.JobReqId) ? listed.ExternalId : info.JobReqId.Trim(),
            Title: listed.Title,
            Location: listed.Location ?? Collapse(info.Location),
            DescriptionHtml: RequireDescription(info.JobDescription, url.ToString()),
            ApplyUrl: info.ExternalUrl ?? new Uri(site, $"/Global_Experienced_Careers{listed.DetailRef}").ToString(),
            PostedOn: DateOf(info.StartDate) ?? listed.PostedOn);
    }

    /// <summary>"2 Locations" names no place: unknown until the detail says, so the location filter keeps it.</summary>
    private static string? PlaceOf(string? locationsText) =>
        locationsText is not null && SeveralLocations().IsMatch(locationsText) ? null : locationsText;

    /// <summary>Workday's "Posted Today", "Posted Yesterday", "Posted 3 Days Ago", "Posted 30+ Days Ago".</summary>
    private DateTimeOffset? PostedOn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var today = new DateTimeOffset(Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        if (text.Contains("today", StringComparison.OrdinalIgnoreCase)) return today;
        if (text.Contains("yesterday", StringComparison.OrdinalIgnoreCase)) return today.AddDays(-1);
        return DaysAgo().Match(text) is { Success: true } match ? today.AddDays(-int.Parse(match.Groups[1].Value)) : null;
    }

    [GeneratedRegex(@"^\s*\d+\s+Locations\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SeveralLocations();

    [GeneratedRegex(@"(\d{1,4})\+?\s+Days?\s+Ago", RegexOptions.IgnoreCase)]
    private static partial Regex DaysAgo();
}
