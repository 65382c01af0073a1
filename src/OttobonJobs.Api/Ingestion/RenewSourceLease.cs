using Marten;
using Marten.Patching;
using Microsoft.Extensions.Options;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Ingestion;

/// <summary>Extend a source's lease for the run working on it; invoked inline by the scrape while it waits on the site.</summary>
public record RenewSourceLease(Guid RunId, string Source);

/// <summary>The answer: keep going (the lease is held until later), or stop, and why.</summary>
public record SourceLeaseStatus(bool Held, string? StopReason);

public static class RenewSourceLeaseHandler
{
    /// <summary>
    /// Extends the lease in place, only while this run still holds it: a lease released (finished, cancelled) or taken
    /// over in the meantime is left alone rather than brought back or overwritten.
    /// </summary>
    public static void RenewLease(this IDocumentOperations session, SourceLease renewed) =>
        session.Patch<SourceLease>(lease => lease.Id == renewed.Id && lease.RunId == renewed.RunId)
            .Set(lease => lease.ExpiresAt, renewed.ExpiresAt)
            .Set(lease => lease.Node, renewed.Node);

    public static async Task<SourceLeaseStatus> Handle(
        RenewSourceLease command, IDocumentSession session, IngestionNode node, IOptions<IngestionSettings> settings, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var run = await session.Events.AggregateStreamAsync<IngestionRun>(command.RunId, token: cancellationToken);
        var lease = await session.LoadAsync<SourceLease>(command.Source, cancellationToken);
        switch (IngestionDecisions.Renew(run, lease, command.Source, node.Name, clock.GetUtcNow(), settings.Value.LeaseDuration))
        {
            case LeaseRenewal.Renewed renewed:
                session.RenewLease(renewed.Lease);
                return new SourceLeaseStatus(true, null);
            case LeaseRenewal.Stop stop:
                return new SourceLeaseStatus(false, stop.Reason);
            default:
                throw new InvalidOperationException("Unexpected lease renewal.");
        }
    }
}
