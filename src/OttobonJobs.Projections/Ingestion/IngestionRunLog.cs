using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Projections.Ingestion;

/// <summary>One source's scraping log within a run.</summary>
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
    DateTimeOffset? CompletedAt);

/// <summary>A run and the log of each of its sources; the admin Ingestion page and its live progress read this.</summary>
public record IngestionRunLog(
    Guid Id,
    string Trigger,
    Guid? TriggeredBy,
    string Status,
    IReadOnlyList<ScrapingLog> Sources,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt);

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
        ({ } log, SourceScrapeProgressed progress) => WithSource(log, progress.Source, source => source with
        {
            JobsFetched = progress.JobsFetched, JobsNew = progress.JobsNew, DedupHits = progress.DedupHits,
        }),
        ({ } log, SourceScrapeFinished finished) => WithSource(log, finished.Source, source => source with
        {
            Status = finished.Status, JobsFetched = finished.JobsFetched, JobsNew = finished.JobsNew,
            JobsSkipped = finished.JobsSkipped, DedupHits = finished.DedupHits, JobsArchived = finished.JobsArchived,
            Errors = finished.ErrorMessages.Count, ErrorMessages = finished.ErrorMessages, CompletedAt = finished.FinishedAt,
        }),
        ({ } log, IngestionRunFinished finished) => log with { Status = OverallStatus(log.Sources), CompletedAt = finished.FinishedAt },
        _ => run,
    };

    private static IngestionRunLog WithSource(IngestionRunLog log, string source, Func<ScrapingLog, ScrapingLog> change) =>
        log with { Sources = log.Sources.Select(s => s.SourceName == source ? change(s) : s).ToList() };

    /// <summary>A run is completed when every source completed, failed when every source failed, partial otherwise.</summary>
    private static string OverallStatus(IReadOnlyList<ScrapingLog> sources) =>
        sources.All(s => s.Status == SourceRunStatus.Completed) ? SourceRunStatus.Completed
        : sources.All(s => s.Status == SourceRunStatus.Failed) ? SourceRunStatus.Failed
        : SourceRunStatus.Partial;
}

/// <summary>
/// "This source has a run in progress": a document whose id is the source name, inserted in the same transaction
/// that starts a run. A second trigger, on any node, fails to insert it — that is the single-run guarantee.
/// </summary>
public record SourceRunLock(string Id, Guid RunId, DateTimeOffset StartedAt);

public static class IngestionStoreConfiguration
{
    public static StoreOptions AddIngestion(this StoreOptions opts)
    {
        opts.Projections.Add<IngestionRunAggregate>(ProjectionLifecycle.Live);
        opts.Projections.Add<IngestionRunLogProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<IngestionRunLog>().Index(x => x.StartedAt);
        opts.Schema.For<SourceRunLock>();
        opts.AddEventContract(IngestionEvents.Contract);
        return opts;
    }
}
