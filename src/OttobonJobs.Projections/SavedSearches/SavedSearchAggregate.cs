using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.SavedSearches;

namespace OttobonJobs.Projections.SavedSearches;

/// <summary>How Marten folds a saved search's stream into the domain's <see cref="SavedSearch"/> (live: built on each load for writing).</summary>
public sealed class SavedSearchAggregate : SingleStreamProjection<SavedSearch, Guid>
{
    public SavedSearchAggregate() => this.IncludeTypes(SavedSearchEvents.Contract);

    public override SavedSearch? Evolve(SavedSearch? state, Guid id, IEvent e) =>
        SavedSearch.Evolve(state, e.Data) is { } next ? next with { Version = e.Version } : null;
}
