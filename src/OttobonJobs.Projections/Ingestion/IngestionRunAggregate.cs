using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Projections.Ingestion;

/// <summary>How Marten folds a ingestion run's stream into the domain's <see cref="IngestionRun"/> (a live aggregation, never stored).</summary>
public sealed class IngestionRunAggregate : SingleStreamProjection<IngestionRun, Guid>
{
    public IngestionRunAggregate() => this.IncludeTypes(IngestionEvents.Contract);

    public override IngestionRun? Evolve(IngestionRun? state, Guid id, IEvent e) => IngestionRun.Evolve(state, e.Data) is { } next ? next with { Version = e.Version } : null;
}
