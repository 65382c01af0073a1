using OttobonJobs.Api.Adapters.Scrapers.Employers;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers.Ashby;

/// <summary>
/// An Ashby job board: <c>GET /posting-api/job-board/{board}?includeCompensation=true</c> answers every job at once.
/// Jobs with <c>isListed: false</c> are not public and are left out; a "Salary" compensation component in rupees is kept.
/// </summary>
public sealed class AshbyScraper(HttpClient http, ScraperServices services, JobBoard board)
    : JobBoardScraper(http, services, board)
{
    public override string Platform => Platforms.Ashby;

    public static string BoardPath(string board) => $"/posting-api/job-board/{board}";

    protected override async Task<ListingPage> ReadListingPageAsync(Uri site, int offset, CancellationToken cancellationToken)
    {
        var url = new Uri(site, $"{BoardPath(Employer.Board)}?includeCompensation=true");
        var board = await Http.GetJsonAsync<AshbyJobBoard>(url, cancellationToken);
        var jobs = board.Jobs ?? throw new PageUnreadableException($"{url.AbsolutePath} answered without jobs.");

        var entries = jobs.Where(job => job.IsListed != false).Select(job => Listed(new ScrapedPosting(
            job.Id ?? "",
            job.Title ?? "",
            Collapse(job.Location) ?? (job.IsRemote == true ? "Remote" : null),
            job.DescriptionHtml ?? "",
            job.JobUrl ?? job.ApplyUrl ?? "",
            DateOf(job.PublishedAt),
            SalaryOf(job.Compensation),
            CountryOr(job.Address?.PostalAddress?.AddressCountry)))).ToList();
        return new ListingPage(entries, null);
    }

    private static Domain.Jobs.Enrichment.SalaryRange? SalaryOf(AshbyCompensation? compensation) =>
        (compensation?.SummaryComponents ?? [])
            .Where(c => string.Equals(c.CompensationType, "Salary", StringComparison.OrdinalIgnoreCase))
            .Select(c => PublishedSalary.FromAmounts(c.CurrencyCode, c.MinValue, c.MaxValue, c.Interval))
            .FirstOrDefault(salary => salary is not null);
}
