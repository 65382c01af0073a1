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
public class IngestionRun
{
    public Guid Id { get; set; }
    public List<string> Sources { get; set; } = [];
    public HashSet<string> Finished { get; set; } = [];
    public bool IsFinished { get; set; }

    public bool AllSourcesFinished => Sources.All(Finished.Contains);

    public static IngestionRun Create(IngestionRunStarted e) => new() { Id = e.RunId, Sources = [.. e.Sources] };

    public void Apply(SourceScrapeFinished e) => Finished.Add(e.Source);
    public void Apply(IngestionRunFinished _) => IsFinished = true;
}
