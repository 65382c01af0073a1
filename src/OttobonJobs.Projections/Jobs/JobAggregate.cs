using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Projections.Jobs;

/// <summary>
/// How Marten folds a job's stream into the domain's <see cref="Job"/> (a live aggregation: built on each load for
/// writing, never stored). The domain knows nothing of Marten, so the fold is handed over here.
/// </summary>
public sealed class JobAggregate : SingleStreamProjection<Job, Guid>
{
    public JobAggregate() => this.IncludeTypes(JobEvents.Contract);

    public override Job? Evolve(Job? state, Guid id, IEvent e) => Job.Evolve(state, e.Data) is { } next ? next with { Version = e.Version } : null;
}
