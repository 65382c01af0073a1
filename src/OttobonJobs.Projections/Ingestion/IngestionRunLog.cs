using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Projections.Ingestion;

/// <summary>
/// One source's scraping log within a run; <see cref="StatusReason"/> says why it was cancelled, abandoned or failed.
/// <see cref="SkippedPostings"/> are the postings the filters left out, each with why (at most 200, <see cref="SkippedNotListed"/>
/// counts the rest); <see cref="ListingComplete"/> is false when the listing was not read to its end, so the run archives nothing.
/// </summary>
public record ScrapingLog(
    Guid RunId,
    string SourceName,
    string Status,
    int JobsFetched,
    int JobsNew,
    int JobsSkipped,
    int DedupHits,
    int JobsArchived,
    int Errors,
    IReadOnlyList<string> ErrorMessages,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    string? StatusReason = null,
    IReadOnlyList<SkippedPosting>? SkippedPostings = null,
    int SkippedNotListed = 0,
    bool ListingComplete = true);

/// <summary>A run and the log of each of its sources; the admin Ingestion page and its live progress read this.</summary>
public record IngestionRunLog(
    Guid Id,
    string Trigger,
    Guid? TriggeredBy,
    string Status,
    IReadOnlyList<ScrapingLog> Sources,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    string? StatusReason = null);

public class IngestionRunLogProjection : SingleStreamProjection<IngestionRunLog, Guid>
{
    public IngestionRunLogProjection() => this.IncludeTypes(IngestionEvents.Contract);

    public override IngestionRunLog? Evolve(IngestionRunLog? run, Guid id, IEvent e) => (run, e.Data) switch
    {
        (_, IngestionRunStarted started) => new IngestionRunLog(
            started.RunId, started.Trigger, started.TriggeredBy, SourceRunStatus.Running,
            started.Sources.Select(source => new ScrapingLog(started.RunId, source, SourceRunStatus.Running, 0, 0, 0, 0, 0, 0, [], started.StartedAt, null)).ToList(),
            started.StartedAt, null),
        (null, _) => null,
        ({ } log, SourceListingRead listing) => WithSource(log, listing.Source, source => source with
        {
            JobsSkipped = listing.Skipped, SkippedPostings = listing.SkippedPostings ?? [], SkippedNotListed = listing.SkippedNotListed,
            ListingComplete = listing.ReadToTheEnd,
        }),
        ({ } log, SourceScrapeProgressed progress) => WithSource(log, progress.Source, source => source with
        {
            JobsFetched = progress.JobsFetched, JobsNew = progress.JobsNew, DedupHits = progress.DedupHits,
        }),
        ({ } log, SourceScrapeFinished finished) => WithSource(log, finished.Source, source => source with
        {
            Status = finished.Status, JobsFetched = finished.JobsFetched, JobsNew = finished.JobsNew,
            JobsSkipped = finished.JobsSkipped, DedupHits = finished.DedupHits, JobsArchived = finished.JobsArchived,
            Errors = finished.ErrorMessages.Count, ErrorMessages = finished.ErrorMessages, CompletedAt = finished.FinishedAt,
            StatusReason = finished.Status == SourceRunStatus.Failed ? finished.ErrorMessages.LastOrDefault() : null,
        }),
        ({ } log, SourceScrapeAbandoned abandoned) => WithSource(log, abandoned.Source, source => source with
        {
            Status = SourceRunStatus.Abandoned, StatusReason = abandoned.Reason, CompletedAt = abandoned.At,
        }),
        ({ } log, IngestionRunCancelled cancelled) => log with
        {
            Status = SourceRunStatus.Cancelled, StatusReason = cancelled.Reason, CompletedAt = cancelled.At,
            Sources = log.Sources.Select(s => s.Status == SourceRunStatus.Running
                ? s with { Status = SourceRunStatus.Cancelled, StatusReason = cancelled.Reason, CompletedAt = cancelled.At }
                : s).ToList(),
        },
        ({ } log, IngestionRunFinished finished) => log with { Status = OverallStatus(log.Sources), CompletedAt = finished.FinishedAt },
        _ => run,
    };

    private static IngestionRunLog WithSource(IngestionRunLog log, string source, Func<ScrapingLog, ScrapingLog> change) =>
        log with { Sources = log.Sources.Select(s => s.SourceName == source ? change(s) : s).ToList() };

    /// <summary>
    /// A run whose sources all ended the same way (completed, failed, abandoned) has that status; one where no source
    /// produced anything is failed; any other mix is partial.
    /// </summary>
    private static string OverallStatus(IReadOnlyList<ScrapingLog> sources) =>
        sources.Select(s => s.Status).Distinct().ToList() switch
        {
            [var only] => only,
            var mixed when !mixed.Any(s => s is SourceRunStatus.Completed or SourceRunStatus.Partial) => SourceRunStatus.Failed,
            _ => SourceRunStatus.Partial,
        };
}

public static class IngestionStoreConfiguration
{
    public static StoreOptions AddIngestion(this StoreOptions opts)
    {
        opts.Projections.Add<IngestionRunAggregate>(ProjectionLifecycle.Live);
        opts.Projections.Add<IngestionRunLogProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<IngestionRunLog>().Index(x => x.StartedAt);
        // One row per source; taking over an expired lease is an update that must find the version it read.
        opts.Schema.For<SourceLease>().UseOptimisticConcurrency(true).Index(x => x.RunId);
        opts.AddEventContract(IngestionEvents.Contract);
        return opts;
    }
}
