using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// A career site under the test's control behind the scraper port, for tests of the ingestion pipeline
/// (runs, dedup, archiving, logs). The real adapters are tested against fake career-site servers.
/// </summary>
public class ScriptedScraper(string sourceName, string companyName) : ICareerSiteScraper
{
    private readonly object _gate = new();
    private Func<CancellationToken, Task<ScrapeResult>> _next = _ => Task.FromResult(new ScrapeResult([], [], []));

    public string SourceName { get; } = sourceName;
    public string CompanyName { get; } = companyName;
    public int Calls { get; private set; }

    /// <summary>What every following run finds on the site.</summary>
    public void Lists(params ScrapedPosting[] postings) => Respond(_ => Task.FromResult(new ScrapeResult(postings, [], [])));

    public void Respond(Func<CancellationToken, Task<ScrapeResult>> behaviour)
    {
        lock (_gate) _next = behaviour;
    }

    public Task<ScrapeResult> ScrapeAsync(CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task<ScrapeResult>> behaviour;
        lock (_gate)
        {
            Calls++;
            behaviour = _next;
        }
        return behaviour(cancellationToken);
    }

    public static ScrapedPosting Posting(string externalId, string title = "Analyst", string? location = "Mumbai") => new(
        externalId, $"{title} {externalId}", location,
        $"<p>Sample posting {externalId}: support audit and advisory teams, reconcile ledgers, prepare reports in Excel.</p>",
        $"https://careers.example.com/job/{externalId}", DateTimeOffset.UtcNow.AddDays(-1));
}

