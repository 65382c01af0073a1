using System.Net;
using OttobonJobs.Api.Adapters.Scrapers.Employers;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers.Greenhouse;

/// <summary>
/// A Greenhouse job board: <c>GET /v1/boards/{board}/jobs?content=true</c> answers every job at once, each with its
/// description in <c>content</c> as HTML-escaped HTML ("&amp;lt;p&amp;gt;…"), decoded here. The board API publishes no salary.
/// </summary>
public sealed class GreenhouseScraper(HttpClient http, ScraperServices services, JobBoard board)
    : JobBoardScraper(http, services, board)
{
    public override string Platform => Platforms.Greenhouse;

    public static string JobsPath(string board) => $"/v1/boards/{board}/jobs";

    protected override async Task<ListingPage> ReadListingPageAsync(Uri site, int offset, CancellationToken cancellationToken)
    {
        var url = new Uri(site, $"{JobsPath(Employer.Board)}?content=true");
        var board = await Http.GetJsonAsync<GreenhouseJobs>(url, cancellationToken);
        var jobs = board.Jobs ?? throw new PageUnreadableException($"{url.AbsolutePath} answered without jobs.");

        var entries = jobs.Select(job => Listed(new ScrapedPosting(
            IdOf(job.Id) ?? "",
            job.Title ?? "",
            Collapse(job.Location?.Name) ?? Collapse(job.Offices?.FirstOrDefault()?.Location),
            WebUtility.HtmlDecode(job.Content ?? ""),
            job.AbsoluteUrl ?? "",
            DateOf(job.FirstPublished) ?? DateOf(job.UpdatedAt),
            Country: CountryOr(null)))).ToList();
        return new ListingPage(entries, null); // one answer holds the whole board
    }
}
