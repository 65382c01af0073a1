using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.SavedSearches;

namespace OttobonJobs.Projections.SavedSearches;

/// <summary>
/// A saved search as its owner's list shows it (inline, gone when the search is deleted). <see cref="LastAlertMatches"/>
/// counts the jobs of the latest alert, <see cref="PendingMatches"/> those waiting for the daily digest.
/// </summary>
public record SavedSearchView(
    Guid Id, Guid OwnerId, string Name, string Kind, BrowseFilters? Filters, string? Question, string Frequency, int? MinFit,
    DateTimeOffset CreatedAt)
{
    public DateTimeOffset? LastAlertAt { get; init; }
    public int LastAlertMatches { get; init; }
    public int PendingMatches { get; init; }
    public long StreamVersion { get; init; }
}

public class SavedSearchViewProjection : SingleStreamProjection<SavedSearchView, Guid>
{
    public SavedSearchViewProjection() => this.IncludeTypes(SavedSearchEvents.Contract);

    public override SavedSearchView? Evolve(SavedSearchView? view, Guid id, IEvent e)
    {
        var version = FoldedVersion.After(view?.StreamVersion, e);
        return Next(view, e.Data) is { } next ? next with { StreamVersion = version } : null;
    }

    private static SavedSearchView? Next(SavedSearchView? view, object @event) => (view, @event) switch
    {
        (_, SavedSearchCreated e) => new SavedSearchView(e.SavedSearchId, e.OwnerId, e.Name, e.Kind, e.Filters, e.Question, e.Frequency, e.MinFit, e.CreatedAt),
        (null, _) => null,
        (_, SavedSearchDeleted) => null,
        ({ } v, SavedSearchRenamed e) => v with { Name = e.Name },
        ({ } v, SavedSearchAlertsChanged e) => v with { Frequency = e.Frequency, MinFit = e.MinFit ?? v.MinFit },
        ({ } v, SavedSearchAlertsTurnedOff) => v with { Frequency = AlertFrequencies.Off },
        ({ } v, SavedSearchEvaluated { Alerted: true } e) => v with { LastAlertAt = e.EvaluatedAt, LastAlertMatches = e.Matches.Count },
        ({ } v, SavedSearchEvaluated e) => v with { PendingMatches = v.PendingMatches + e.Matches.Count },
        ({ } v, SavedSearchDigestSent e) => v with
        {
            LastAlertAt = e.SentAt, LastAlertMatches = e.JobIds.Count, PendingMatches = Math.Max(0, v.PendingMatches - e.JobIds.Count),
        },
        _ => view,
    };
}

public static class SavedSearchStoreConfiguration
{
    public static StoreOptions AddSavedSearches(this StoreOptions opts)
    {
        opts.Projections.Add<SavedSearchAggregate>(ProjectionLifecycle.Live);
        opts.Projections.Add<SavedSearchViewProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<SavedSearchView>().Duplicate(x => x.OwnerId).Duplicate(x => x.Frequency);
        opts.AddEventContract(SavedSearchEvents.Contract);
        // An erased seeker's searches: their names and questions are theirs, the facts (kinds, times, job ids) stay.
        opts.Events.AddMaskingRuleForProtectedInformation<SavedSearchCreated>(e => e with { Name = ErasedName, Question = null, Filters = null });
        opts.Events.AddMaskingRuleForProtectedInformation<SavedSearchRenamed>(e => e with { Name = ErasedName });
        return opts;
    }

    public const string ErasedName = "(erased)";
}
