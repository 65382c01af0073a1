using Marten;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Api.SavedSearches;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Ingestion;

/// <summary>What the career site listed for one source in one run, as the scrape read it.</summary>
/// <remarks>
/// A message queued by the release before skipped postings were listed carries a count under "skipped" and no
/// completeness: the list has its own name and the flag a default, so such a message still reads (as complete, as then).
/// </remarks>
public record RecordScrapedListing(
    Guid RunId, string Source, string Company, IReadOnlyList<ScrapedPosting> Postings, IReadOnlyList<string> Errors,
    IReadOnlyList<SkippedPosting>? SkippedPostings = null, bool ListingComplete = true)
    : IIngestionSourceWork;

/// <summary>One batch of a listing, recorded in one transaction with the EnrichJob messages of its new jobs.</summary>
public record RecordScrapedBatch(Guid RunId, ScrapedBatch Batch) : IIngestionSourceWork
{
    public string Source => Batch.Source;
}

public static class RecordScrapedListingHandler
{
    /// <summary>Records the listing on the run and queues its batches (or the source's finish when it listed nothing).</summary>
    [Emits(typeof(SourceListingRead))]
    public static (Events, OutgoingMessages) Handle(
        RecordScrapedListing command,
        [WriteAggregate(nameof(RecordScrapedListing.RunId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] IngestionRun? run,
        IOptions<IngestionSettings> settings,
        TimeProvider clock)
    {
        var result = new ScrapeResult(command.Postings, command.SkippedPostings ?? [], command.Errors, command.ListingComplete);
        var outcome = IngestionDecisions.ReadListing(run, command.Source, command.Company, result, settings.Value.BatchSize, clock.GetUtcNow());
        var messages = new OutgoingMessages();
        if (outcome.Run.Events.Count == 0) return ([], messages);

        messages.AddRange(outcome.Batches.Select(batch => new RecordScrapedBatch(command.RunId, batch)));
        if (outcome.Batches.Count == 0) messages.Add(new FinishSourceScrape(command.RunId, command.Source, null));
        return (new Events(outcome.Run.Events), messages);
    }
}

/// <summary>
/// Records one batch under the run stream's lock: new postings start a job stream whose id derives from (company,
/// external id) and are enriched; known postings are seen again; the run's progress moves and the source's lease is
/// renewed — all in one transaction with the outgoing messages. A redelivered batch changes nothing, and the last
/// batch queues the source's finish. A batch of a source whose lease another run took over abandons the source.
/// </summary>
public static class RecordScrapedBatchHandler
{
    [Emits(typeof(SourceScrapeProgressed), typeof(SourceScrapeAbandoned), typeof(IngestionRunFinished), typeof(JobScraped), typeof(JobSeenAgain))]
    public static async Task<(Events, IEnumerable<IMartenOp>, OutgoingMessages)> Handle(
        RecordScrapedBatch command,
        [WriteAggregate(nameof(RecordScrapedBatch.RunId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] IngestionRun? run,
        IDocumentSession session,
        IngestionNode node,
        IOptions<IngestionSettings> settings,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var source = command.Batch.Source;
        var messages = new OutgoingMessages();
        var changes = new List<IMartenOp>();

        var lease = await session.LoadAsync<SourceLease>(source, cancellationToken);
        switch (IngestionDecisions.Renew(run, lease, source, node.Name, now, settings.Value.LeaseDuration))
        {
            case LeaseRenewal.Stop stop:
                var takenOverBy = lease is not null && lease.RunId != command.RunId ? lease.RunId : (Guid?)null;
                var abandoned = IngestionDecisions.Abandon(run, source, stop.Reason, takenOverBy, now).Events;
                return (new Events(abandoned), [], ActivationBatches.WhenRunFinished(command.RunId, abandoned));
            case LeaseRenewal.Renewed renewed:
                session.RenewLease(renewed.Lease);
                break;
        }

        var outcome = IngestionDecisions.RecordBatch(run, command.Batch, await RecordedByAsync(session, command.Batch, cancellationToken), now);
        if (outcome.Run.Events.Count == 0) return ([], [], messages);

        foreach (var job in outcome.NewJobs)
        {
            changes.Add(MartenOps.StartStream<Job>(job.JobId, job));
            messages.Add(new EnrichJob(job.JobId));
        }
        changes.AddRange(outcome.SeenAgain.Select(jobId => MartenOps.Append(jobId, new JobSeenAgain(command.RunId, now))));
        if (outcome.SourceComplete) messages.Add(new FinishSourceScrape(command.RunId, source, null));
        return (new Events(outcome.Run.Events), changes, messages);
    }

    /// <summary>The batch's postings that already are jobs, each with the run that first scraped it (null if it was posted).</summary>
    private static async Task<IReadOnlyDictionary<Guid, Guid?>> RecordedByAsync(IQuerySession session, ScrapedBatch batch, CancellationToken cancellationToken)
    {
        var recordedBy = new Dictionary<Guid, Guid?>();
        foreach (var jobId in batch.Postings.Select(p => JobIdentity.ForScrapedPosting(batch.Company, p.ExternalId)).Distinct())
        {
            var first = (await session.Events.FetchStreamAsync(jobId, version: 1, token: cancellationToken)).FirstOrDefault()?.Data;
            if (first is not null) recordedBy[jobId] = (first as JobScraped)?.RunId;
        }
        return recordedBy;
    }
}
