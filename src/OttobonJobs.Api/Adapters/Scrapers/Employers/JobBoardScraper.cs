using System.Collections.Concurrent;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers.Employers;

/// <summary>
/// An employer's public job board (Greenhouse, Lever, Ashby): the listing already carries each job's description,
/// so a posting the filters keep is taken from the listing this run read rather than fetched again. A scraper lives
/// for one run (scrapers are resolved per use), so what it remembers is that run's listing.
/// </summary>
public abstract class JobBoardScraper(HttpClient http, ScraperServices services, JobBoard board)
    : EmployerScraper<JobBoard>(http, services, board)
{
    private readonly ConcurrentDictionary<string, ScrapedPosting> _listed = new();

    /// <summary>Lists a posting, remembering the whole of it for <see cref="ReadPostingAsync"/>.</summary>
    protected ListingEntry Listed(ScrapedPosting posting)
    {
        _listed[posting.ExternalId] = posting;
        return new ListingEntry(posting.ExternalId, posting.Title, posting.Location, posting.PostedOn, posting.ExternalId, posting.Country);
    }

    protected override Task<ScrapedPosting> ReadPostingAsync(Uri site, ListedPosting listed, CancellationToken cancellationToken) =>
        _listed.TryGetValue(listed.DetailRef, out var posting)
            ? Task.FromResult(posting with
            {
                Title = listed.Title,
                DescriptionHtml = RequireDescription(posting.DescriptionHtml, $"{Employer.Board}'s job {listed.ExternalId}"),
            })
            : throw new PageUnreadableException($"job {listed.ExternalId} was not in {Employer.Board}'s listing.");

    /// <summary>A board's id fields are numbers on some platforms and strings on others: both as text.</summary>
    protected static string? IdOf(System.Text.Json.JsonElement? id) => id switch
    {
        { ValueKind: System.Text.Json.JsonValueKind.Number } number => number.GetRawText(),
        { ValueKind: System.Text.Json.JsonValueKind.String } text => text.GetString(),
        _ => null,
    };
}
