using System.Text;
using OttobonJobs.Api.Adapters.Scrapers.Employers;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers.Lever;

/// <summary>
/// A Lever job board: <c>GET /v0/postings/{board}?mode=json&amp;skip=…&amp;limit=100</c> answers a bare JSON array, paged
/// by skip until a short page. The description is the opening text, each list ("What you'll do") and the closing
/// text; <c>createdAt</c> is epoch milliseconds; a salary range in rupees a year or a month is kept.
/// </summary>
public sealed class LeverScraper(HttpClient http, ScraperServices services, JobBoard board)
    : JobBoardScraper(http, services, board)
{
    private const int PageSize = 100;

    public override string Platform => Platforms.Lever;

    public static string PostingsPath(string board) => $"/v0/postings/{board}";

    protected override async Task<ListingPage> ReadListingPageAsync(Uri site, int offset, CancellationToken cancellationToken)
    {
        var url = new Uri(site, $"{PostingsPath(Employer.Board)}?mode=json&skip={offset}&limit={PageSize}");
        var postings = await Http.GetJsonAsync<List<LeverPosting>>(url, cancellationToken);

        var entries = postings.Select(p => Listed(new ScrapedPosting(
            p.Id ?? "",
            p.Text ?? "",
            PlaceOf(p),
            DescriptionOf(p),
            p.HostedUrl ?? p.ApplyUrl ?? "",
            p.CreatedAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            p.SalaryRange is { } pay ? PublishedSalary.FromAmounts(pay.Currency, pay.Min, pay.Max, pay.Interval) : null,
            CountryOr(p.Country)))).ToList();
        return new ListingPage(entries, postings.Count == PageSize ? offset + PageSize : null);
    }

    private static string? PlaceOf(LeverPosting posting) =>
        Collapse(posting.Categories?.Location)
        ?? (string.Equals(posting.WorkplaceType, "remote", StringComparison.OrdinalIgnoreCase) ? "Remote" : null);

    private static string DescriptionOf(LeverPosting posting)
    {
        var html = new StringBuilder(posting.Description ?? "");
        foreach (var list in posting.Lists ?? [])
        {
            if (string.IsNullOrWhiteSpace(list.Content)) continue;
            html.Append($"<h3>{System.Net.WebUtility.HtmlEncode(list.Text ?? "")}</h3><ul>{list.Content}</ul>");
        }
        return html.Append(posting.Additional ?? "").ToString();
    }
}
