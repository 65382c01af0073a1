using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Domain.Ingestion;

/// <summary>
/// One posting as a career site lists it, with its full description fetched from the detail page/API.
/// <see cref="PublishedSalary"/> is the salary the employer published (in rupees), if any; <see cref="Country"/> the
/// country the site names, or the employer's configured default.
/// </summary>
public record ScrapedPosting(
    string ExternalId,
    string Title,
    string? Location,
    string DescriptionHtml,
    string ApplyUrl,
    DateTimeOffset? PostedOn,
    SalaryRange? PublishedSalary = null,
    string? Country = null);

/// <summary>
/// What one source produced in a run: the postings it could read, the ones its filters skipped (each with why), and
/// the problems it met (a detail page that failed, a malformed entry) without giving up on the rest.
/// <see cref="ListingComplete"/> is false when the listing was not read to its end (the run stopped at MaxJobsPerRun or
/// the page limit): postings it did not reach were not seen, so they must not count as gone.
/// </summary>
public record ScrapeResult(
    IReadOnlyList<ScrapedPosting> Postings,
    IReadOnlyList<SkippedPosting> Skipped,
    IReadOnlyList<string> Errors,
    bool ListingComplete = true);

/// <summary>A posting the filters left out, and why: "title says \"senior\"", "the detail page places it in New York, …".</summary>
public record SkippedPosting(string ExternalId, string Title, string? Location, string Reason);

/// <summary>
/// The scraper port: one per source. Deloitte (Avature HTML) and EY (SuccessFactors HTML) have their own adapters; employers
/// on Workday, Oracle HCM, Greenhouse, Lever and Ashby are configured. An adapter throws <see cref="SourceUnavailableException"/> when the site as a whole cannot be read.
/// </summary>
public interface ICareerSiteScraper
{
    /// <summary>The source's name in URLs and logs: "deloitte", "pwc", "kpmg", "ey".</summary>
    string SourceName { get; }

    /// <summary>The company recorded on the jobs: "Deloitte", "PwC", "KPMG", "EY".</summary>
    string CompanyName { get; }

    /// <summary>The platform the site runs on ("workday", "greenhouse", …), for people reading the sources.</summary>
    string Platform => "other";

    Task<ScrapeResult> ScrapeAsync(CancellationToken cancellationToken);
}

/// <summary>The listing itself could not be fetched or parsed (site down, timeout, garbage): the source's run fails.</summary>
public class SourceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
