using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Applicants;

namespace OttobonJobs.Projections.Applicants;

/// <summary>How Marten folds a candidacy's stream into the domain's <see cref="Candidacy"/> (live: built on each load for writing).</summary>
public sealed class CandidacyAggregate : SingleStreamProjection<Candidacy, Guid>
{
    public CandidacyAggregate() => this.IncludeTypes(CandidacyEvents.Contract);

    public override Candidacy? Evolve(Candidacy? state, Guid id, IEvent e) =>
        Candidacy.Evolve(state, e.Data) is { } next ? next with { Version = e.Version } : null;
}
