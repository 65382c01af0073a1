using System.Text.RegularExpressions;
using OttobonJobs.Api.Adapters.Scrapers.Employers;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers.Workday;

/// <summary>
/// A Workday tenant's career sites, read through the JSON API their pages call ("cxs"): a POST searches one site
/// (paged by offset, 20 at a time) and a GET per job returns its description and apply link. Every configured site
/// is read in the same run; a job listed on several (same path, same requisition) is kept once.
/// </summary>
public sealed partial class WorkdayScraper(HttpClient http, ScraperServices services, WorkdayTenant tenant)
    : EmployerScraper<WorkdayTenant>(http, services, tenant)
{
    private const int PageSize = 20;

    public override string Platform => Platforms.Workday;

    /// <summary>"/wday/cxs/pwc/Global_Experienced_Careers": where a site's API answers.</summary>
    public static string ApiPath(string tenant, string site) => $"/wday/cxs/{tenant}/{site}";

    protected override async Task<ListingPage> ReadListingPageAsync(Uri site, int offset, CancellationToken cancellationToken)
    {
        var (list, at) = Split(offset);
        var careerSite = ListAt(Employer.Sites, list);
        var url = new Uri(site, $"{ApiPath(Employer.Tenant, careerSite)}/jobs");
        var search = new WorkdaySearch(new Dictionary<string, string[]>(), PageSize, at, "");
        var page = await Http.PostJsonAsync<WorkdayJobsPage>(url, search, cancellationToken);
        var jobs = page.JobPostings ?? throw new PageUnreadableException($"{url.AbsolutePath} answered without jobPostings.");

        var entries = jobs.Select(job => new ListingEntry(
            LastSegment(job.ExternalPath),
            job.Title,
            PlaceOf(job.LocationsText),
            PostedOn(job.PostedOn),
            job.ExternalPath is { } path ? $"{careerSite}{path}" : null)).ToList();

        // Workday gives the total on the first page only; later pages say 0, so then a short page is the end.
        var end = at + jobs.Count;
        var more = jobs.Count > 0 && (page.Total > 0 ? end < page.Total : jobs.Count == PageSize);
        return Page(entries, list, Employer.Sites.Count, more ? end : null);
    }

    protected override async Task<ScrapedPosting> ReadPostingAsync(Uri site, ListedPosting listed, CancellationToken cancellationToken)
    {
        // "Global_Experienced_Careers/job/Mumbai/Associate_R123" → GET …/Global_Experienced_Careers/job/Mumbai/Associate_R123
        var (careerSite, path) = listed.DetailRef.IndexOf('/') is var slash and > 0
            ? (listed.DetailRef[..slash], listed.DetailRef[slash..])
            : throw new PageUnreadableException($"the listed path {listed.DetailRef} names no career site.");
        var slug = path.Split("/job/", 2) is [_, var rest] ? rest : path.TrimStart('/');
        var url = new Uri(site, $"{ApiPath(Employer.Tenant, careerSite)}/job/{slug}");
        var detail = await Http.GetJsonAsync<WorkdayJobDetail>(url, cancellationToken);
        var info = detail.JobPostingInfo ?? throw new PageUnreadableException($"{url.AbsolutePath} has no jobPostingInfo.");

        return new ScrapedPosting(
            ExternalId: string.IsNullOrWhiteSpace(info.JobReqId) ? listed.ExternalId : info.JobReqId.Trim(),
            Title: listed.Title,
            Location: listed.Location ?? Collapse(info.Location),
            DescriptionHtml: RequireDescription(info.JobDescription, url.ToString()),
            ApplyUrl: info.ExternalUrl ?? new Uri(site, $"/{careerSite}{path}").ToString(),
            PostedOn: DateOf(info.StartDate) ?? listed.PostedOn,
            Country: CountryOr(info.Country?.Descriptor));
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
