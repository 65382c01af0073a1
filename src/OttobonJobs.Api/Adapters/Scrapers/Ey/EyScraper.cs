using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers.Ey;

/// <summary>
/// EY's careers site (SAP SuccessFactors career site) serves HTML: a search results table paged by startrow,
/// 25 rows a page, each job linked as /ey/job/{slug}/{id}/, and a job page whose description is marked up
/// with itemprop="description". A row's date is optional (most real India rows have none): then the job page's
/// datePosted is the posting date.
/// </summary>
public sealed class EyScraper(HttpClient http, ScraperServices services) : CareerSiteScraper(http, services)
{
    public const string SearchPath = "/ey/search/";
    private const int PageSize = 25;

    public override string SourceName => Sources.Ey;
    public override string CompanyName => "EY";
    public override string Platform => Employers.Platforms.SuccessFactors;

    protected override async Task<ListingPage> ReadListingPageAsync(Uri site, int offset, CancellationToken cancellationToken)
    {
        var url = new Uri(site, $"{SearchPath}?q=&locationsearch=India&startrow={offset}");
        var page = await Http.GetHtmlAsync(url, cancellationToken);

        var links = page.QuerySelectorAll("a[href*='/ey/job/']");
        if (links.Length == 0 && offset == 0)
        {
            throw new PageUnreadableException($"{url} has no job links (/ey/job/…): not the EY search page expected.");
        }

        // Each row links its job twice (desktop and phone layouts); the base keeps the first of each id.
        var entries = links.Select(ReadLink).ToList();
        return new ListingPage(entries, links.Length > 0 ? offset + PageSize : null);
    }

    private static ListingEntry ReadLink(IElement link)
    {
        var href = link.GetAttribute("href");
        var row = link.Closest("tr, li") ?? link.ParentElement;
        var location = TextOf(row?.QuerySelector(".jobLocation") ?? row?.QuerySelector("td.colLocation"));
        var postedOn = DateOf(TextOf(row?.QuerySelector(".jobDate")));
        return new ListingEntry(LastSegment(href), TextOf(link), location, postedOn, href);
    }

    protected override async Task<ScrapedPosting> ReadPostingAsync(Uri site, ListedPosting listed, CancellationToken cancellationToken)
    {
        var url = OnSite(site, listed.DetailRef);
        var page = await Http.GetHtmlAsync(url, cancellationToken);
        var description = RequireDescription(page.QuerySelector("span[itemprop='description']")?.InnerHtml, url.ToString());
        // The job page's own location (itemprop="jobLocation") places the posting even when the search row does not.
        var location = TextOf(page.QuerySelector("[itemprop='jobLocation']")) ?? listed.Location;
        return new ScrapedPosting(
            listed.ExternalId, listed.Title, location, description, url.ToString(), listed.PostedOn ?? DatePosted(page));
    }

    /// <summary>
    /// The job page's posting date, for the rows (most of the real India search) that show none: schema.org's
    /// datePosted as microdata text ("Sun Nov 08 2026"), as a meta's content ("2025-11-20"), or in a JSON-LD JobPosting.
    /// </summary>
    private static DateTimeOffset? DatePosted(IDocument page)
    {
        var microdata = page.QuerySelectorAll("[itemprop='datePosted']")
            .Select(e => e.GetAttribute("content") ?? e.TextContent)
            .Select(ReadDate).FirstOrDefault(date => date is not null);
        return microdata ?? page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(script => JsonLdDatePosted(script.TextContent)).FirstOrDefault(date => date is not null);
    }

    private static DateTimeOffset? JsonLdDatePosted(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var candidates = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList()
                : root.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array ? graph.EnumerateArray().ToList()
                : [root];
            return candidates
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("@type", out var type) && type.ToString() == "JobPosting")
                .Select(c => c.TryGetProperty("datePosted", out var date) && date.ValueKind == JsonValueKind.String ? ReadDate(date.GetString()) : null)
                .FirstOrDefault(date => date is not null);
        }
        catch (JsonException)
        {
            return null; // a broken script block is not a reason to lose the posting
        }
    }

    /// <summary>ISO dates and "Nov 8, 2026" through <see cref="CareerSiteScraper.DateOf"/>; SuccessFactors' "Sun Nov 08 2026" too.</summary>
    private static DateTimeOffset? ReadDate(string? text) =>
        DateOf(text) ?? (DateTimeOffset.TryParseExact(Collapse(text), "ddd MMM dd yyyy", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var date) ? date : null);
}
