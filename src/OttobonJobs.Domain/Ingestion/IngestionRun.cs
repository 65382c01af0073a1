namespace OttobonJobs.Domain.Ingestion;

// An ingestion run is its own event stream (id = run id): started for one or all sources, then each
// source's outcome, then finished. The scraping logs are a projection of it.

public static class RunTrigger
{
    public const string Scheduled = "scheduled";
    public const string Admin = "admin";
}

public static class SourceRunStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Partial = "partial";
    public const string Failed = "failed";
}

public record IngestionRunStarted(Guid RunId, IReadOnlyList<string> Sources, string Trigger, Guid? TriggeredBy, DateTimeOffset StartedAt);

/// <summary>Counts so far while a source is being read, so admins watch a run move.</summary>
public record SourceScrapeProgressed(string Source, int JobsFetched, int JobsNew, int DedupHits, DateTimeOffset At);

/// <summary>
/// A source finished. Status is completed (no errors), partial (some postings failed) or failed (the listing
/// could not be read). <see cref="JobsSkipped"/> counts postings the filters left out.
/// </summary>
public record SourceScrapeFinished(
    string Source,
    string Status,
    int JobsFetched,
    int JobsNew,
    int JobsSkipped,
    int DedupHits,
    int JobsArchived,
    IReadOnlyList<string> ErrorMessages,
    DateTimeOffset FinishedAt);

public record IngestionRunFinished(DateTimeOffset FinishedAt);

/// <summary>The run as its stream decides it: which sources are still to finish.</summary>
public sealed record IngestionRun
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlySet<string> Finished { get; init; } = new HashSet<string>();
    public bool IsFinished { get; init; }

    public bool AllSourcesFinished => Sources.All(Finished.Contains);

    public static IngestionRun? Evolve(IngestionRun? run, object @event) => (run, @event) switch
    {
        (_, IngestionRunStarted e) => new IngestionRun { Id = e.RunId, Sources = e.Sources },
        (null, _) => null,
        ({ } r, SourceScrapeFinished e) => r with { Finished = new HashSet<string>(r.Finished) { e.Source } },
        ({ } r, IngestionRunFinished) => r with { IsFinished = true },
        _ => run,
    };
}

/// <summary>The ingestion run stream's events under their stable names.</summary>
public static class IngestionEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<IngestionRunStarted>("ingestion_run_started"),
        EventContract.Of<SourceScrapeProgressed>("source_scrape_progressed"),
        EventContract.Of<SourceScrapeFinished>("source_scrape_finished"),
        EventContract.Of<IngestionRunFinished>("ingestion_run_finished"),
    ];
}
