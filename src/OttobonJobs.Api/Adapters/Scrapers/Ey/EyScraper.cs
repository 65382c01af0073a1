using AngleSharp.Dom;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers.Ey;

/// <summary>
/// EY's careers site (SAP SuccessFactors career site) serves HTML: a search results table paged by startrow,
/// 25 rows a page, each job linked as /ey/job/{slug}/{id}/, and a job page whose description is marked up
/// with itemprop="description".
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
            throw new PageUnreadableException($"{url.AbsolutePath} has no job links (/ey/job/…): not the EY search page expected.");
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
        var description = RequireDescription(page.QuerySelector("span[itemprop='description']")?.InnerHtml, url.AbsolutePath);
        return new ScrapedPosting(listed.ExternalId, listed.Title, listed.Location, description, url.ToString(), listed.PostedOn);
    }
}
