using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;

namespace OttobonJobs.Projections;

/// <summary>A stored read model and the events it folds.</summary>
public sealed record ReadModelProjection(string Name, IReadOnlyList<Type> EventTypes);

/// <summary>Rebuilds the stored read models from the event log, one projection at a time.</summary>
public static class ReadModelRebuild
{
    public static StoreOptions Configure(StoreOptions opts) => opts;

    /// <summary>Every projection that stores something (live aggregations are folded on demand and never rebuilt).</summary>
    public static IReadOnlyList<ReadModelProjection> Projections(IDocumentStore store) =>
        ((DocumentStore)store).Options.Projections.All
            .Where(source => source.Lifecycle != ProjectionLifecycle.Live)
            .Select(source => new ReadModelProjection(source.Name, source is EventFilterable filterable ? filterable.IncludedEventTypes : []))
            .ToList();

    public static async Task RebuildAsync(IDocumentStore store, string name, CancellationToken cancellationToken)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), cancellationToken);
    }
}
