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
/// What one source produced in a run: the postings it could read, the ones its filters skipped, and the
/// problems it met (a detail page that failed, a malformed entry) without giving up on the rest.
/// </summary>
public record ScrapeResult(
    IReadOnlyList<ScrapedPosting> Postings,
    int Skipped,
    IReadOnlyList<string> Errors);

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
