using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Domain;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.SavedSearches;
using OttobonJobs.Projections.SavedSearches;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.SavedSearches;

/// <summary>
/// A search to save. <see cref="Kind"/>: <c>browse</c> (give <see cref="Filters"/>, Browse's query string filters),
/// <c>smart</c> (give <see cref="Question"/>, as typed into Smart search) or <c>recommended</c> (jobs that fit the
/// resume at <see cref="MinFit"/> percent or more, 60–90, default 70; one per seeker). <see cref="Frequency"/>:
/// <c>instant</c> (default), <c>daily</c> or <c>off</c>.
/// </summary>
public record CreateSavedSearch(
    [property: MaxLength(SavedSearchDecisions.MaxNameLength)] string? Name,
    [property: AllowedValues(SavedSearchKinds.Browse, SavedSearchKinds.Smart, SavedSearchKinds.Recommended)] string? Kind,
    BrowseFilters? Filters,
    [property: MaxLength(SavedSearchDecisions.MaxQuestionLength)] string? Question,
    [property: AllowedValues(AlertFrequencies.Instant, AlertFrequencies.Daily, AlertFrequencies.Off, null)] string? Frequency,
    [property: Range(SavedSearchDecisions.MinFitLowest, SavedSearchDecisions.MinFitHighest)] int? MinFit);

public record RenameSavedSearch([property: MaxLength(SavedSearchDecisions.MaxNameLength)] string? Name);

/// <summary>Either or both: how often alerts come, and (recommended only) the minimum fit score in percent.</summary>
public record ChangeSavedSearchAlerts(
    [property: AllowedValues(AlertFrequencies.Instant, AlertFrequencies.Daily, AlertFrequencies.Off, null)] string? Frequency,
    [property: Range(SavedSearchDecisions.MinFitLowest, SavedSearchDecisions.MinFitHighest)] int? MinFit);

/// <summary>
/// A saved search as its owner sees it: what it runs (<see cref="Filters"/> or <see cref="Question"/>, so the SPA
/// can open its results), its alerts, and the latest one: <see cref="LastAlertAt"/>, <see cref="NewMatches"/> (the
/// jobs of the latest alert plus those waiting for the daily digest).
/// </summary>
public record SavedSearchResponse(
    Guid Id, string Name,
    [property: AllowedValues(SavedSearchKinds.Browse, SavedSearchKinds.Smart, SavedSearchKinds.Recommended)] string Kind,
    BrowseFilters? Filters, string? Question,
    [property: AllowedValues(AlertFrequencies.Instant, AlertFrequencies.Daily, AlertFrequencies.Off)] string Frequency,
    int? MinFit, DateTimeOffset CreatedAt, DateTimeOffset? LastAlertAt, int NewMatches, int PendingMatches, long Version)
{
    public static SavedSearchResponse From(SavedSearchView v) =>
        new(v.Id, v.Name, v.Kind, v.Filters, v.Question, v.Frequency, v.MinFit, v.CreatedAt, v.LastAlertAt,
            v.LastAlertMatches + v.PendingMatches, v.PendingMatches, v.StreamVersion);
}

public static class SavedSearchIds
{
    private static readonly Guid Namespace = new("6f1d2c8e-4b7a-4e39-9a51-0c3f5e7d2b91");

    /// <summary>A seeker's one "Recommended for you" alert: a second one is a stream collision (409), not a duplicate.</summary>
    public static Guid RecommendedFor(Guid seekerId) => NameBasedIds.Create(Namespace, $"recommended:{seekerId}");

    /// <summary>The notification and email of one search's alert for one batch (or digest) land once.</summary>
    public static string AlertKey(Guid searchId, Guid batchId) => $"saved-search:{searchId}:{batchId}";

    /// <summary>One day's digest: the same day gives the same id on every node and every retry.</summary>
    public static Guid DigestFor(DateOnly day) => NameBasedIds.Create(Namespace, $"digest:{day:yyyy-MM-dd}");
}

public static class CreateSavedSearchEndpoint
{
    /// <summary>Browse filters are checked by the feed's own validation: the same 400 with the same detail naming the filter.</summary>
    public static ProblemDetails Validate(CreateSavedSearch command)
    {
        if (command.Filters is not { } f || command.Kind != SavedSearchKinds.Browse) return WolverineContinue.NoProblems;
        return JobFeedEndpoint.Validate(null, null, f.Q, null, f.PostedWithinDays, f.MinSalary, f.MaxSalary,
            f.JobType?.ToArray(), f.WorkMode?.ToArray(), f.Experience?.ToArray());
    }

    /// <summary>Saves a search (seekers only); its alerts start with the next jobs that become active.</summary>
    [WolverinePost("/api/saved-searches", OperationId = "createSavedSearch")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<SavedSearchResponse>(StatusCodes.Status201Created)]
    [ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)]
    [Emits(typeof(SavedSearchCreated))]
    public static (IResult, IMartenOp) Post(CreateSavedSearch command, ClaimsPrincipal user, TimeProvider clock)
    {
        var actor = user.Actor();
        var kind = command.Kind ?? (command.Question is null ? SavedSearchKinds.Browse : SavedSearchKinds.Smart);
        var id = kind == SavedSearchKinds.Recommended ? SavedSearchIds.RecommendedFor(actor.Id) : Guid.CreateVersion7();
        var filters = command.Filters is { } f
            ? f with
            {
                JobType = JobFeedEndpoint.Values(f.JobType), WorkMode = JobFeedEndpoint.Values(f.WorkMode),
                Experience = JobFeedEndpoint.Values(f.Experience),
            }
            : null;
        var decision = SavedSearchDecisions.Create(
            id, new NewSavedSearch(command.Name, kind, filters, command.Question, command.Frequency, command.MinFit), actor, clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return (refusal.ToResult(), MartenOps.Nothing());

        var created = (SavedSearchCreated)decision.Events[0];
        var view = new SavedSearchView(id, actor.Id, created.Name, created.Kind, created.Filters, created.Question, created.Frequency,
            created.MinFit, created.CreatedAt) { StreamVersion = 1 };
        return (Results.Created($"/api/saved-searches/{id}", SavedSearchResponse.From(view)),
            MartenOps.StartStream<SavedSearch>(id, decision.Events.ToArray()));
    }
}

public static class SavedSearchListEndpoint
{
    /// <summary>The caller's saved searches, newest first.</summary>
    [WolverineGet("/api/saved-searches", OperationId = "savedSearches")]
    [RequireRole(Role.Seeker)]
    public static async Task<IReadOnlyList<SavedSearchResponse>> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var views = await session.Query<SavedSearchView>().Where(v => v.OwnerId == me).OrderByDescending(v => v.CreatedAt).ToListAsync(cancellationToken);
        return views.Select(SavedSearchResponse.From).ToList();
    }

    /// <summary>One of the caller's saved searches, with what it runs (to open its results); another seeker's is 404.</summary>
    [WolverineGet("/api/saved-searches/{id}", OperationId = "savedSearch")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<SavedSearchResponse>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public static async Task<IResult> GetOne(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<SavedSearchView>(id, cancellationToken);
        return view is null || view.OwnerId != user.UserId()
            ? ApiProblems.Result(StatusCodes.Status404NotFound, "No such saved search.")
            : Results.Ok(SavedSearchResponse.From(view));
    }
}

public static class ChangeSavedSearchEndpoints
{
    [WolverinePut("/api/saved-searches/{id}/name", OperationId = "renameSavedSearch")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<SavedSearchResponse>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)]
    [Emits(typeof(SavedSearchRenamed))]
    public static (IResult, Events) Rename(
        RenameSavedSearch command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SavedSearch? search,
        ClaimsPrincipal user, TimeProvider clock) =>
        Answer(search, SavedSearchDecisions.Rename(search, command.Name, user.Actor(), clock.GetUtcNow()));

    /// <summary>Instant, daily or off; and for the recommended alert, the minimum fit score (60–90).</summary>
    [WolverinePut("/api/saved-searches/{id}/alerts", OperationId = "changeSavedSearchAlerts")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<SavedSearchResponse>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)]
    [Emits(typeof(SavedSearchAlertsChanged))]
    public static (IResult, Events) ChangeAlerts(
        ChangeSavedSearchAlerts command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SavedSearch? search,
        ClaimsPrincipal user, TimeProvider clock) =>
        Answer(search, SavedSearchDecisions.ChangeAlerts(search, new ChangeAlerts(command.Frequency, command.MinFit), user.Actor(), clock.GetUtcNow()));

    [WolverineDelete("/api/saved-searches/{id}", OperationId = "deleteSavedSearch")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    [Emits(typeof(SavedSearchDeleted))]
    public static (IResult, Events) Delete(
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SavedSearch? search, ClaimsPrincipal user, TimeProvider clock)
    {
        var decision = SavedSearchDecisions.Delete(search, user.Actor(), clock.GetUtcNow());
        return decision.Refusal is { } refusal ? (refusal.ToResult(), []) : (Results.NoContent(), new Events(decision.Events));
    }

    /// <summary>The search as the decision leaves it (the list's counters come from the stream's own state).</summary>
    private static (IResult, Events) Answer(SavedSearch? search, Decision decision)
    {
        if (decision.Refusal is { } refusal) return (refusal.ToResult(), []);
        var after = decision.Events.Aggregate(search!, (state, e) => SavedSearch.Evolve(state, e)!) with { Version = search!.Version + decision.Events.Count };
        return (Results.Ok(ResponseOf(after)), new Events(decision.Events));
    }

    public static SavedSearchResponse ResponseOf(SavedSearch s) =>
        new(s.Id, s.Name, s.Kind, s.Filters, s.Question, s.Frequency, s.MinFit, s.CreatedAt, s.LastAlertAt, s.LastAlertMatches + s.Pending.Count,
            s.Pending.Count, s.Version);
}
