using Marten;
using OttobonJobs.Domain.SavedSearches;
using OttobonJobs.Projections.SavedSearches;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.SavedSearches;

public static class TurnOffSearchAlertsHandler
{
    /// <summary>Idempotent; a search that is not the user's (or is gone) is left alone.</summary>
    [Emits(typeof(SavedSearchAlertsTurnedOff))]
    public static Events Handle(
        TurnOffSearchAlerts command,
        [WriteAggregate(nameof(TurnOffSearchAlerts.SavedSearchId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SavedSearch? search) =>
        new(SavedSearchDecisions.TurnOffAlerts(search, command.UserId, command.At).Events);
}

/// <summary>An erased account's saved searches go (sent by <c>EraseAccountDataHandler</c>).</summary>
public record EraseSavedSearches(Guid UserId);

/// <summary>One erased seeker's saved search: deleted by its stream, then its names masked in the event log.</summary>
public record EraseSavedSearch(Guid SavedSearchId);

public static class EraseSavedSearchesHandler
{
    public static async Task<OutgoingMessages> Handle(EraseSavedSearches command, IQuerySession session, CancellationToken cancellationToken)
    {
        var ids = await session.Query<SavedSearchView>().Where(v => v.OwnerId == command.UserId).Select(v => v.Id).ToListAsync(cancellationToken);
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(ids.Select(id => new EraseSavedSearch(id)));
        return outgoing;
    }
}

public static class EraseSavedSearchHandler
{
    [Emits(typeof(SavedSearchDeleted))]
    public static (Events, MaskErasedSavedSearch) Handle(
        EraseSavedSearch command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SavedSearch? search, TimeProvider clock) =>
        (new Events(SavedSearchDecisions.Erase(search, clock.GetUtcNow()).Events), new MaskErasedSavedSearch(command.SavedSearchId));
}

/// <summary>After the deletion committed: nothing more is appended to the stream, so its personal values can be masked.</summary>
public record MaskErasedSavedSearch(Guid SavedSearchId);

public static class MaskErasedSavedSearchHandler
{
    public static Task Handle(MaskErasedSavedSearch command, IDocumentStore store, CancellationToken cancellationToken) =>
        store.Advanced.ApplyEventDataMasking(masking => masking.IncludeStream(command.SavedSearchId), cancellationToken);
}
