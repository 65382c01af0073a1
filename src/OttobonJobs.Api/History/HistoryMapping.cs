using JasperFx.Events;
using Marten;
using OttobonJobs.Domain;

namespace OttobonJobs.Api.History;

/// <summary>
/// How one kind of stream is shown to admins: each event type of the stream's contract mapped to a documented
/// DTO (<typeparamref name="TData"/>'s derived records), so raw events (hashes, vectors, resume text) never leave
/// the API. An event without a mapping (a new one, or one of another stream) is an entry without data.
/// </summary>
public sealed class HistoryMapping<TData> where TData : class
{
    private readonly Dictionary<Type, string> _names;
    private readonly Dictionary<Type, Func<object, TData>> _mappers = [];
    private readonly Dictionary<Type, Type> _dataTypes = [];

    public HistoryMapping(IEnumerable<EventContract> contract) =>
        _names = contract.ToDictionary(entry => entry.Type, entry => entry.Name);

    public HistoryMapping<TData> Map<TEvent, TEventData>(Func<TEvent, TEventData> toData) where TEventData : TData
    {
        _mappers[typeof(TEvent)] = @event => toData((TEvent)@event);
        _dataTypes[typeof(TEvent)] = typeof(TEventData);
        return this;
    }

    /// <summary>Event type → DTO type, for the test that holds every DTO's <c>type</c> to the contract.</summary>
    public IReadOnlyDictionary<Type, Type> DataTypes => _dataTypes;

    /// <summary>The stream's events, or null when it is not a stream of this kind: its first event is not one of the kind's contract.</summary>
    public async Task<IReadOnlyList<IEvent>?> LoadStreamAsync(IQuerySession session, Guid id, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        return events.Count > 0 && _names.ContainsKey(events[0].EventType) ? events : null;
    }

    /// <summary>The stable name from the contract; an event outside it keeps the name the event log stores.</summary>
    public string NameOf(IEvent @event) => _names.TryGetValue(@event.EventType, out var name) ? name : @event.EventTypeName;

    public TData? DataOf(object @event) => _mappers.TryGetValue(@event.GetType(), out var toData) ? toData(@event) : null;
}
