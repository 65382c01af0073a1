using Marten;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.SavedSearches;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Ingestion;

/// <summary>
/// Close one source of a run: with <see cref="Failure"/> it failed (unreadable, timed out, given up); without, every
/// batch was recorded and it completed.
/// </summary>
public record FinishSourceScrape(Guid RunId, string Source, string? Failure);

/// <summary>Give a source of a run up because another run took over its expired lease.</summary>
public record AbandonSourceScrape(Guid RunId, string Source, string Reason, Guid TakenOverBy);

public static class FinishSourceScrapeHandler
{
    /// <summary>
    /// Records the source's outcome, archives the jobs recent successful runs no longer saw, releases the source's
    /// lease, and finishes the run with its last source — one transaction.
    /// </summary>
    [Emits(typeof(SourceScrapeFinished), typeof(IngestionRunFinished), typeof(JobArchived))]
    public static async Task<(Events, IEnumerable<IMartenOp>, OutgoingMessages)> Handle(
        FinishSourceScrape command,
        [WriteAggregate(nameof(FinishSourceScrape.RunId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] IngestionRun? run,
        IDocumentSession session,
        CareerSites sites,
        IOptions<IngestionSettings> settings,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var missedRuns = settings.Value.ArchiveAfterMissedRuns;
        var unseen = IngestionDecisions.MayArchive(run, command.Source, command.Failure)
            ? await UnseenJobsAsync(session, command, missedRuns, cancellationToken)
            : [];
        var company = sites.Find(command.Source)?.CompanyName ?? command.Source;

        var outcome = IngestionDecisions.FinishSource(run, command.Source, company, command.Failure, unseen, missedRuns, now);
        if (outcome.Run.IsRefused && run is not null && run.IsRunning(command.Source)) return ([], [], []);

        var changes = new List<IMartenOp> { ReleaseLease(command.RunId, command.Source) };
        changes.AddRange(outcome.Archive.Select(jobId => MartenOps.Append(jobId, new JobArchived(outcome.ArchiveReason, null, now))));
        return (new Events(outcome.Run.Events), changes, ActivationBatches.WhenRunFinished(command.RunId, outcome.Run.Events));
    }

    /// <summary>Deletes the source's lease only while this run holds it: a lease another run took over stays.</summary>
    public static IMartenOp ReleaseLease(Guid runId, string source) =>
        MartenOps.DeleteWhere<SourceLease>(lease => lease.Id == source && lease.RunId == runId);

    /// <summary>
    /// Archive candidates, from the read models: scraped jobs of this source not seen since the archive rule's cutoff
    /// (<see cref="IngestionDecisions.ArchiveCutoff"/>, over the source's recent runs). Provider-posted jobs have no source
    /// and are never touched.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> UnseenJobsAsync(IQuerySession session, FinishSourceScrape command, int missedRuns, CancellationToken cancellationToken)
    {
        var recentRuns = await session.Query<IngestionRunLog>().OrderByDescending(r => r.StartedAt).Take(200).ToListAsync(cancellationToken);
        var summaries = recentRuns
            .SelectMany(r => r.Sources.Where(s => s.SourceName == command.Source)
                .Select(s => new SourceRunSummary(r.Id, r.StartedAt, s.Status, s.ListingComplete)))
            .ToList();
        if (IngestionDecisions.ArchiveCutoff(command.RunId, summaries, missedRuns) is not { } cutoff) return [];

        return await session.Query<JobDetails>()
            .Where(j => j.Source == command.Source && j.Status != JobStatus.Archived && j.LastSeenAt < cutoff)
            .Select(j => j.Id)
            .ToListAsync(cancellationToken);
    }
}

public static class AbandonSourceScrapeHandler
{
    [Emits(typeof(SourceScrapeAbandoned), typeof(IngestionRunFinished))]
    public static (Events, OutgoingMessages) Handle(
        AbandonSourceScrape command,
        [WriteAggregate(nameof(AbandonSourceScrape.RunId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] IngestionRun? run,
        TimeProvider clock)
    {
        var events = IngestionDecisions.Abandon(run, command.Source, command.Reason, command.TakenOverBy, clock.GetUtcNow()).Events;
        return (new Events(events), ActivationBatches.WhenRunFinished(command.RunId, events));
    }
}
