namespace OttobonJobs.Domain.Ingestion;

/// <summary>
/// "Run <see cref="RunId"/> on node <see cref="Node"/> is reading this source until <see cref="ExpiresAt"/>": one per
/// source (<see cref="Id"/> is the source name). The run renews it while it makes progress and releases it when the
/// source finishes, fails or is cancelled; a lease nobody renewed (the node died, hung, or lost its database) simply
/// expires, and the next trigger takes the source over and marks the old run's source abandoned.
/// </summary>
public sealed record SourceLease(string Id, Guid RunId, string Node, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt)
{
    public bool HasExpiredAt(DateTimeOffset now) => ExpiresAt <= now;
}
