namespace OttobonJobs.Domain.Ingestion;

/// <summary>One posting as a career site lists it, with its full description fetched from the detail page/API.</summary>
public record ScrapedPosting(
    string ExternalId,
    string Title,
    string? Location,
    string DescriptionHtml,
    string ApplyUrl,
    DateTimeOffset? PostedOn);

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
/// The scraper port: one adapter per career site (Deloitte/Avature HTML, PwC/Workday JSON, KPMG/Oracle HCM JSON,
/// EY HTML). An adapter throws <see cref="SourceUnavailableException"/> when the site as a whole cannot be read.
/// </summary>
public interface ICareerSiteScraper
{
    /// <summary>The source's name in URLs and logs: "deloitte", "pwc", "kpmg", "ey".</summary>
    string SourceName { get; }

    /// <summary>The company recorded on the jobs: "Deloitte", "PwC", "KPMG", "EY".</summary>
    string CompanyName { get; }

    Task<ScrapeResult> ScrapeAsync(CancellationToken cancellationToken);
}

/// <summary>The listing itself could not be fetched or parsed (site down, timeout, garbage): the source's run fails.</summary>
public class SourceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
