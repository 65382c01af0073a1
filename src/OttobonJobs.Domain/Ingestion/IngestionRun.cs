namespace OttobonJobs.Domain.Ingestion;

// An ingestion run is its own event stream (id = run id): started for one or all sources, then each source's
// listing, its batches and its outcome, then finished (or cancelled). The scraping logs are a projection of it.

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

    /// <summary>An admin cancelled the run before the source finished.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The source's lease expired without renewal (its node died or hung) and a later run took it over.</summary>
    public const string Abandoned = "abandoned";
}

public record IngestionRunStarted(Guid RunId, IReadOnlyList<string> Sources, string Trigger, Guid? TriggeredBy, DateTimeOffset StartedAt);

/// <summary>
/// The career site was read: <see cref="Postings"/> postings to record in <see cref="Batches"/> batches (one
/// transaction each), <see cref="Skipped"/> left out by the filters, <see cref="Errors"/> met along the way.
/// <see cref="SkippedPostings"/> says which were skipped and why (at most <see cref="IngestionDecisions.MaxSkippedStored"/>;
/// <see cref="SkippedNotListed"/> counts the rest). <see cref="ListingComplete"/> is false when the listing was not read to
/// its end (MaxJobsPerRun, the page limit). Events written before these fields read as null: no list, and complete.
/// </summary>
public record SourceListingRead(
    string Source, int Postings, int Batches, int Skipped, IReadOnlyList<string> Errors, DateTimeOffset At,
    IReadOnlyList<SkippedPosting>? SkippedPostings = null, int SkippedNotListed = 0, bool? ListingComplete = null)
{
    public bool ReadToTheEnd => ListingComplete != false;
}

/// <summary>
/// Counts so far while a source is being recorded, so admins watch a run move. <see cref="Batch"/> is the batch
/// this progress recorded (absent on events written before batches were numbered).
/// </summary>
public record SourceScrapeProgressed(string Source, int JobsFetched, int JobsNew, int DedupHits, DateTimeOffset At, int? Batch = null);

/// <summary>
/// A source finished. Status is completed (no errors), partial (some postings failed) or failed (the listing
/// could not be read, the scrape timed out, or its work was given up). <see cref="JobsSkipped"/> counts postings
/// the filters left out.
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

/// <summary>
/// The source's lease expired without renewal: its work is no longer trusted to finish. <see cref="TakenOverBy"/>
/// is the run that took the source over (none when this run noticed it lost its lease by itself).
/// </summary>
public record SourceScrapeAbandoned(string Source, string Reason, Guid? TakenOverBy, DateTimeOffset At);

/// <summary>An admin cancelled the run: every source still running stops, and the run is over.</summary>
public record IngestionRunCancelled(Guid? CancelledBy, string Reason, DateTimeOffset At);

public record IngestionRunFinished(DateTimeOffset FinishedAt);

/// <summary>Where one source of a run stands: its listing once read, the batches recorded so far and their counts.</summary>
public sealed record SourceProgress
{
    public SourceListingRead? Listing { get; init; }
    public IReadOnlySet<int> RecordedBatches { get; init; } = new HashSet<int>();
    public int Fetched { get; init; }
    public int New { get; init; }
    public int DedupHits { get; init; }

    /// <summary>Every batch of the listing is recorded: the source can be finished.</summary>
    public bool AllBatchesRecorded => Listing is { } listing && RecordedBatches.Count >= listing.Batches;
}

/// <summary>The run as its stream decides it: which sources are still to finish, and how far each got.</summary>
public sealed record IngestionRun
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyDictionary<string, SourceProgress> Progress { get; init; } = new Dictionary<string, SourceProgress>();
    public IReadOnlySet<string> Finished { get; init; } = new HashSet<string>();
    public bool IsFinished { get; init; }
    public bool IsCancelled { get; init; }

    public bool AllSourcesFinished => Sources.All(Finished.Contains);

    /// <summary>The source belongs to this run and still has work to do.</summary>
    public bool IsRunning(string source) => !IsFinished && Sources.Contains(source) && !Finished.Contains(source);

    public SourceProgress ProgressOf(string source) => Progress.GetValueOrDefault(source) ?? new SourceProgress();

    public static IngestionRun? Evolve(IngestionRun? run, object @event) => (run, @event) switch
    {
        (_, IngestionRunStarted e) => new IngestionRun { Id = e.RunId, Sources = e.Sources },
        (null, _) => null,
        ({ } r, SourceListingRead e) => r.WithProgress(e.Source, p => p with { Listing = e }),
        ({ } r, SourceScrapeProgressed e) => r.WithProgress(e.Source, p => p with
        {
            RecordedBatches = e.Batch is { } batch ? new HashSet<int>(p.RecordedBatches) { batch } : p.RecordedBatches,
            Fetched = e.JobsFetched, New = e.JobsNew, DedupHits = e.DedupHits,
        }),
        ({ } r, SourceScrapeFinished e) => r.WithFinished(e.Source),
        ({ } r, SourceScrapeAbandoned e) => r.WithFinished(e.Source),
        ({ } r, IngestionRunCancelled) => r with { Finished = new HashSet<string>(r.Sources), IsCancelled = true, IsFinished = true },
        ({ } r, IngestionRunFinished) => r with { IsFinished = true },
        _ => run,
    };

    private IngestionRun WithProgress(string source, Func<SourceProgress, SourceProgress> change) =>
        this with { Progress = new Dictionary<string, SourceProgress>(Progress) { [source] = change(ProgressOf(source)) } };

    private IngestionRun WithFinished(string source) => this with { Finished = new HashSet<string>(Finished) { source } };
}

/// <summary>The ingestion run stream's events under their stable names.</summary>
public static class IngestionEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<IngestionRunStarted>("ingestion_run_started"),
        EventContract.Of<SourceListingRead>("source_listing_read"),
        EventContract.Of<SourceScrapeProgressed>("source_scrape_progressed"),
        EventContract.Of<SourceScrapeFinished>("source_scrape_finished"),
        EventContract.Of<SourceScrapeAbandoned>("source_scrape_abandoned"),
        EventContract.Of<IngestionRunCancelled>("ingestion_run_cancelled"),
        EventContract.Of<IngestionRunFinished>("ingestion_run_finished"),
    ];
}
