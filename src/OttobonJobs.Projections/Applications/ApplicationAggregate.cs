using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Applications;

namespace OttobonJobs.Projections.Applications;

/// <summary>How Marten folds an application's stream into the domain's <see cref="Application"/> (live: built on each load for writing).</summary>
public sealed class ApplicationAggregate : SingleStreamProjection<Application, Guid>
{
    public ApplicationAggregate() => this.IncludeTypes(ApplicationEvents.Contract);

    public override Application? Evolve(Application? state, Guid id, IEvent e) =>
        Application.Evolve(state, e.Data) is { } next ? next with { Version = e.Version } : null;
}
