using Marten;
using OttobonJobs.Domain.Ingestion;
using Wolverine;
using Wolverine.Marten;

namespace OttobonJobs.Api.Ingestion;

/// <summary>The leases of the sources a run asks for, with the document versions they were read at.</summary>
public sealed record CurrentLeases(IReadOnlyDictionary<string, SourceLease> Leases, IReadOnlyDictionary<string, Guid> Versions);

/// <summary>What starting a run writes: the decision, the run's stream and its leases, and the work it queues.</summary>
public sealed record IngestionStartPlan(RunStart Outcome, IReadOnlyList<IMartenOp> Changes, OutgoingMessages Messages);

/// <summary>
/// Starts ingestion runs, from the admin endpoints and the nightly schedule alike. The decision reads the sources'
/// leases; the run's stream, its leases and its ScrapeSource messages commit in one transaction (Wolverine's outbox).
/// Two triggers racing for a free source both try to insert its lease, and two racing for an expired one both
/// update it at the version they read: the database lets one win, the other fails to commit and answers 409.
/// </summary>
public static class StartIngestion
{
    private static async Task<CurrentLeases> ReadLeasesAsync(IQuerySession session, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        var leases = await session.LoadManyAsync<SourceLease>(cancellationToken, sources.ToArray());
        return new CurrentLeases(
            leases.ToDictionary(l => l.Id),
            leases.ToDictionary(l => l.Id, l => session.VersionFor(l) ?? Guid.Empty));
    }

    public static async Task<IngestionStartPlan> PlanAsync(
        IDocumentSession session, IReadOnlyList<string> sources, string trigger, Guid? triggeredBy, IngestionNode node,
        IngestionSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = await ReadLeasesAsync(session, sources, cancellationToken);
        var command = new StartIngestionRun(Guid.CreateVersion7(), sources, trigger, triggeredBy, node.Name);
        var outcome = IngestionDecisions.Start(current.Leases, command, clock.GetUtcNow(), settings.LeaseDuration);
        var messages = new OutgoingMessages();
        if (outcome is not RunStart.Started started) return new IngestionStartPlan(outcome, [], messages);

        var changes = new List<IMartenOp> { MartenOps.StartStream<IngestionRun>(command.RunId, started.Event) };
        foreach (var (lease, expired) in started.Leases)
        {
            if (expired is null)
            {
                changes.Add(MartenOps.Insert(lease));
            }
            else
            {
                changes.Add(MartenOps.UpdateExpectedVersion(lease, current.Versions[expired.Id]));
                messages.Add(new AbandonSourceScrape(expired.RunId, expired.Id, IngestionDecisions.AbandonReason(expired, command.RunId), command.RunId));
            }
            messages.Add(new ScrapeSource(command.RunId, lease.Id));
        }
        return new IngestionStartPlan(outcome, changes, messages);
    }
}
