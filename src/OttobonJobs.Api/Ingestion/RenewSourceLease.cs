using Marten;
using Microsoft.Extensions.Options;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Ingestion;

/// <summary>Extend a source's lease for the run working on it; invoked inline by the scrape while it waits on the site.</summary>
public record RenewSourceLease(Guid RunId, string Source);

/// <summary>The answer: keep going (the lease is held until later), or stop, and why.</summary>
public record SourceLeaseStatus(bool Held, string? StopReason);

public static class RenewSourceLeaseHandler
{
    public static async Task<SourceLeaseStatus> Handle(
        RenewSourceLease command, IDocumentSession session, IngestionNode node, IOptions<IngestionSettings> settings, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var run = await session.Events.AggregateStreamAsync<IngestionRun>(command.RunId, token: cancellationToken);
        var lease = await session.LoadAsync<SourceLease>(command.Source, cancellationToken);
        switch (IngestionDecisions.Renew(run, lease, command.Source, node.Name, clock.GetUtcNow(), settings.Value.LeaseDuration))
        {
            case LeaseRenewal.Renewed renewed:
                // At the version read: a takeover committed in between makes this renewal fail instead of undoing it.
                session.UpdateExpectedVersion(renewed.Lease, session.VersionFor(lease!) ?? Guid.Empty);
                return new SourceLeaseStatus(true, null);
            case LeaseRenewal.Stop stop:
                return new SourceLeaseStatus(false, stop.Reason);
            default:
                throw new InvalidOperationException("Unexpected lease renewal.");
        }
    }
}
