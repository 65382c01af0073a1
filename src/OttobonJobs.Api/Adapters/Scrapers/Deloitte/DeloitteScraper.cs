using AngleSharp.Dom;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers.Deloitte;

/// <summary>
/// Deloitte's careers site runs on Avature and serves HTML: a search page of result cards, paged by jobOffset,
/// and one page per job whose rich-text fields make the description.
/// </summary>
public sealed class DeloitteScraper(HttpClient http, ScraperServices services) : CareerSiteScraper(http, services)
{
    public const string SearchPath = "/en_US/careers/SearchJobs/";
    private const int RecordsPerPage = 100;

    public override string SourceName => Sources.Deloitte;
    public override string CompanyName => "Deloitte";
    public override string Platform => Employers.Platforms.Avature;

    protected override async Task<ListingPage> ReadListingPageAsync(Uri site, int offset, CancellationToken cancellationToken)
    {
        var url = new Uri(site, $"{SearchPath}?listFilterMode=1&jobRecordsPerPage={RecordsPerPage}&jobOffset={offset}");
        var page = await Http.GetHtmlAsync(url, cancellationToken);

        var cards = page.QuerySelectorAll("article.article--result");
        if (cards.Length == 0 && offset == 0)
        {
            // The first page of a big firm's careers site always has openings: no cards means the layout changed.
            throw new PageUnreadableException($"{url} has no job cards (article.article--result): not the Avature search page expected.");
        }

        var hasNext = page.QuerySelector("a.paginationNextLink, a[rel='next']") is not null;
        if (cards.Length == 0 && hasNext)
        {
            throw new PageUnreadableException($"{url} links a next page but has no job cards: a page cut short, not the end of the listing.");
        }

        var entries = cards.Select(ReadCard).ToList();
        return new ListingPage(entries, cards.Length > 0 && hasNext ? offset + cards.Length : null);
    }

    private static ListingEntry ReadCard(IElement card)
    {
        var link = card.QuerySelector("h3.article__header__text__title a.link");
        var href = link?.GetAttribute("href");
        // Some cards carry no location at all: the department span is then the only one, and is no place.
        var spans = card.QuerySelectorAll(".article__header__text__subtitle span");
        var location = (card.QuerySelector(".article__header__text__subtitle .list-item-location") ?? (spans.Length > 1 ? spans[^1] : null))?.TextContent;
        return new ListingEntry(LastSegment(href), TextOf(link), location, PostedOn: null, DetailRef: href);
    }

    protected override async Task<ScrapedPosting> ReadPostingAsync(Uri site, ListedPosting listed, CancellationToken cancellationToken)
    {
        var url = OnSite(site, listed.DetailRef);
        var page = await Http.GetHtmlAsync(url, cancellationToken);
        var blocks = page.QuerySelectorAll("div.article__view__item.view--rich-text span.field-value")
            .Select(block => block.InnerHtml.Trim())
            .Where(html => html.Length > 0);
        var description = RequireDescription(string.Join("\n", blocks), url.ToString());
        return new ScrapedPosting(listed.ExternalId, listed.Title, DetailLocation(page) ?? listed.Location, description, url.ToString(), listed.PostedOn);
    }

    /// <summary>The job page's "Location" field: it names the place even when the search card does not.</summary>
    private static string? DetailLocation(IParentNode page) =>
        page.QuerySelectorAll("div.article__view__item")
            .Where(item => string.Equals(TextOf(item.QuerySelector(".field-label")), "Location", StringComparison.OrdinalIgnoreCase))
            .Select(item => TextOf(item.QuerySelector(".field-value")))
            .FirstOrDefault(location => location is not null);
}
