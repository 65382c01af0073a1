using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Ingestion;
using Wolverine.Http;

namespace OttobonJobs.Api.History;

/// <summary>One event of an ingestion run's stream. <c>data</c> is null for an event type this API does not describe yet.</summary>
public record IngestionRunHistoryEntry(long Version, long Sequence, string Type, DateTimeOffset Timestamp, IngestionEventData? Data);

/// <summary>What an ingestion run event says, keyed by the same stable <c>type</c> as its entry.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(IngestionRunStartedData), "ingestion_run_started")]
[JsonDerivedType(typeof(SourceListingReadData), "source_listing_read")]
[JsonDerivedType(typeof(SourceScrapeProgressedData), "source_scrape_progressed")]
[JsonDerivedType(typeof(SourceScrapeFinishedData), "source_scrape_finished")]
[JsonDerivedType(typeof(SourceScrapeAbandonedData), "source_scrape_abandoned")]
[JsonDerivedType(typeof(IngestionRunCancelledData), "ingestion_run_cancelled")]
[JsonDerivedType(typeof(IngestionRunFinishedData), "ingestion_run_finished")]
public abstract record IngestionEventData;

/// <summary>Trigger is scheduled or admin.</summary>
public record IngestionRunStartedData(Guid RunId, IReadOnlyList<string> Sources, string Trigger, Guid? TriggeredBy, DateTimeOffset StartedAt) : IngestionEventData;

/// <summary>
/// The source's listing was read: how many postings, in how many batches, and what the filters skipped (with why, up to
/// 200; <c>skipped_not_listed</c> counts the rest). <c>listing_complete</c> is false when the listing was not read to its end.
/// </summary>
public record SourceListingReadData(
    string Source, int Postings, int Batches, int Skipped, IReadOnlyList<string> Errors, DateTimeOffset At,
    IReadOnlyList<SkippedPosting> SkippedPostings, int SkippedNotListed, bool ListingComplete) : IngestionEventData;

/// <summary><c>batch</c> is the batch just recorded, when known.</summary>
public record SourceScrapeProgressedData(string Source, int JobsFetched, int JobsNew, int DedupHits, DateTimeOffset At, int? Batch) : IngestionEventData;

/// <summary>Status is completed, partial or failed.</summary>
public record SourceScrapeFinishedData(
    string Source, string Status, int JobsFetched, int JobsNew, int JobsSkipped, int DedupHits, int JobsArchived,
    IReadOnlyList<string> ErrorMessages, DateTimeOffset FinishedAt) : IngestionEventData;

/// <summary>The source's lease expired with its run still going (its node died or stalled); <c>taken_over_by</c> is the run that took the source.</summary>
public record SourceScrapeAbandonedData(string Source, string Reason, Guid? TakenOverBy, DateTimeOffset At) : IngestionEventData;

public record IngestionRunCancelledData(Guid? CancelledBy, string Reason, DateTimeOffset At) : IngestionEventData;

public record IngestionRunFinishedData(DateTimeOffset FinishedAt) : IngestionEventData;

/// <summary>The ingestion run stream's events → their history DTOs: the one place a run event's public shape is decided.</summary>
public static class IngestionRunHistory
{
    public static readonly HistoryMapping<IngestionEventData> Mapping = new HistoryMapping<IngestionEventData>(IngestionEvents.Contract)
        .Map((IngestionRunStarted e) => new IngestionRunStartedData(e.RunId, e.Sources, e.Trigger, e.TriggeredBy, e.StartedAt))
        .Map((SourceListingRead e) => new SourceListingReadData(
            e.Source, e.Postings, e.Batches, e.Skipped, e.Errors, e.At, e.SkippedPostings ?? [], e.SkippedNotListed, e.ReadToTheEnd))
        .Map((SourceScrapeProgressed e) => new SourceScrapeProgressedData(e.Source, e.JobsFetched, e.JobsNew, e.DedupHits, e.At, e.Batch))
        .Map((SourceScrapeAbandoned e) => new SourceScrapeAbandonedData(e.Source, e.Reason, e.TakenOverBy, e.At))
        .Map((IngestionRunCancelled e) => new IngestionRunCancelledData(e.CancelledBy, e.Reason, e.At))
        .Map((SourceScrapeFinished e) => new SourceScrapeFinishedData(
            e.Source, e.Status, e.JobsFetched, e.JobsNew, e.JobsSkipped, e.DedupHits, e.JobsArchived, e.ErrorMessages, e.FinishedAt))
        .Map((IngestionRunFinished e) => new IngestionRunFinishedData(e.FinishedAt));

    public static IngestionRunHistoryEntry Entry(IEvent e) => new(e.Version, e.Sequence, Mapping.NameOf(e), e.Timestamp, Mapping.DataOf(e.Data));
}

public static class IngestionRunHistoryEndpoint
{
    /// <summary>Every event of the run in order; 404 for any id that is not an ingestion run's stream.</summary>
    [WolverineGet("/api/admin/ingest/runs/{id}/history", OperationId = "ingestionRunHistory")]
    [RequireRole(Role.Admin)]
    [ProducesResponseType<IReadOnlyList<IngestionRunHistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await IngestionRunHistory.Mapping.LoadStreamAsync(session, id, cancellationToken) is { } events
            ? Results.Ok(events.Select(IngestionRunHistory.Entry).ToList())
            : ApiProblems.Result(StatusCodes.Status404NotFound, "No such ingestion run.");
}
