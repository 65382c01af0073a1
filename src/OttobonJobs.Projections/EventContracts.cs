using JasperFx.Events.Projections;
using Marten;
using OttobonJobs.Domain;

namespace OttobonJobs.Projections;

public static class EventContracts
{
    /// <summary>Registers each event type under its stable name, never the CLR type name.</summary>
    public static StoreOptions AddEventContract(this StoreOptions opts, IEnumerable<EventContract> contract)
    {
        foreach (var (name, type) in contract) opts.Events.MapEventType(type, name);
        return opts;
    }

    /// <summary>Tells Marten (and Wolverine's event model) which events a projection folds.</summary>
    public static void IncludeTypes(this IEventFilterable projection, IEnumerable<EventContract> contract)
    {
        foreach (var entry in contract) projection.IncludeType(entry.Type);
    }
}
