using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Domain.SavedSearches;

/// <summary>A new saved search, its filters already checked by the feed's own validation.</summary>
public sealed record NewSavedSearch(string? Name, string Kind, BrowseFilters? Filters, string? Question, string? Frequency, int? MinFit);

/// <summary>What alerts the owner wants: either may be left out to keep it.</summary>
public sealed record ChangeAlerts(string? Frequency, int? MinFit);

public static class SavedSearchDecisions
{
    public const int MaxNameLength = 100;
    public const int MaxQuestionLength = 300;
    public const int MinFitLowest = 60;
    public const int MinFitHighest = 90;
    public const int DefaultMinFit = 70;
    public const string RecommendedName = "Recommended for you";

    private const string NoSuchSearch = "No such saved search.";

    public static Decision Create(Guid id, NewSavedSearch search, Actor actor, DateTimeOffset now)
    {
        if (actor.Role != Role.Seeker) return Decision.Refuse(RefusalKind.Forbidden, "Only a job seeker can save a search.");
        if (!SavedSearchKinds.All.Contains(search.Kind))
            return Decision.Refuse(RefusalKind.Invalid, $"kind '{search.Kind}' is not one of: {string.Join(", ", SavedSearchKinds.All)}.");
        var frequency = search.Frequency ?? AlertFrequencies.Instant;
        if (CheckFrequency(frequency) is { } badFrequency) return badFrequency;

        var name = search.Name?.Trim();
        if (search.Kind == SavedSearchKinds.Recommended) name = string.IsNullOrEmpty(name) ? RecommendedName : name;
        if (CheckName(name) is { } badName) return badName;

        string? question = null;
        BrowseFilters? filters = null;
        int? minFit = null;
        switch (search.Kind)
        {
            case SavedSearchKinds.Smart:
                question = search.Question?.Trim();
                if (string.IsNullOrEmpty(question)) return Decision.Refuse(RefusalKind.Invalid, "question is required for a smart search.");
                if (question.Length > MaxQuestionLength)
                    return Decision.Refuse(RefusalKind.Invalid, $"question must be at most {MaxQuestionLength} characters.");
                break;
            case SavedSearchKinds.Browse:
                filters = search.Filters ?? new BrowseFilters();
                break;
            default:
                minFit = search.MinFit ?? DefaultMinFit;
                if (CheckMinFit(minFit) is { } badFit) return badFit;
                break;
        }
        if (search.Kind != SavedSearchKinds.Recommended && search.MinFit is not null)
            return Decision.Refuse(RefusalKind.Invalid, "min_fit applies to the recommended alert only.");

        return Decision.Accept(new SavedSearchCreated(id, actor.Id, name!, search.Kind, filters, question, frequency, minFit, now));
    }

    public static Decision Rename(SavedSearch? search, string? name, Actor actor, DateTimeOffset now)
    {
        if (Owned(search, actor) is { } refused) return refused;
        var trimmed = name?.Trim();
        if (CheckName(trimmed) is { } bad) return bad;
        return trimmed == search!.Name ? Decision.Unchanged : Decision.Accept(new SavedSearchRenamed(trimmed!, now));
    }

    public static Decision ChangeAlerts(SavedSearch? search, ChangeAlerts change, Actor actor, DateTimeOffset now)
    {
        if (Owned(search, actor) is { } refused) return refused;
        if (change.Frequency is null && change.MinFit is null) return Decision.Refuse(RefusalKind.Invalid, "Give frequency, min_fit or both.");
        if (change.Frequency is { } f && CheckFrequency(f) is { } badFrequency) return badFrequency;
        if (change.MinFit is not null && search!.Kind != SavedSearchKinds.Recommended)
            return Decision.Refuse(RefusalKind.Invalid, "min_fit applies to the recommended alert only.");
        if (CheckMinFit(change.MinFit) is { } badFit) return badFit;

        var frequency = change.Frequency ?? search!.Frequency;
        var minFit = change.MinFit ?? search!.MinFit;
        return frequency == search!.Frequency && minFit == search.MinFit
            ? Decision.Unchanged
            : Decision.Accept(new SavedSearchAlertsChanged(frequency, minFit, now));
    }

    /// <summary>From a verified unsubscribe link: idempotent, and only the owner's own search (another user's id is not found).</summary>
    public static Decision TurnOffAlerts(SavedSearch? search, Guid userId, DateTimeOffset now)
    {
        if (search is null || search.IsDeleted || search.OwnerId != userId) return Decision.Refuse(RefusalKind.NotFound, NoSuchSearch);
        return search.Frequency == AlertFrequencies.Off ? Decision.Unchanged : Decision.Accept(new SavedSearchAlertsTurnedOff(now));
    }

    public static Decision Delete(SavedSearch? search, Actor actor, DateTimeOffset now)
    {
        if (Owned(search, actor) is { } refused) return refused;
        return Decision.Accept(new SavedSearchDeleted(actor.Id, now));
    }

    /// <summary>The owner's account was erased: the search goes (nothing to do when it already went).</summary>
    public static Decision Erase(SavedSearch? search, DateTimeOffset now) =>
        search is null || search.IsDeleted ? Decision.Unchanged : Decision.Accept(new SavedSearchDeleted(search.OwnerId, now));

    /// <summary>
    /// Records what a batch of newly active jobs matched. Nothing when the batch was already evaluated (a redelivered
    /// trigger), when nothing matched, or when alerts are off or the search is gone. Instant: the matches are alerted
    /// now (the caller sends one notification and one email); daily: they wait for the digest.
    /// </summary>
    public static Decision RecordEvaluation(SavedSearch? search, Guid batchId, IReadOnlyList<MatchedJob> matches, DateTimeOffset now)
    {
        if (search is null || search.IsDeleted || search.Frequency == AlertFrequencies.Off) return Decision.Unchanged;
        if (search.EvaluatedBatches.Contains(batchId) || matches.Count == 0) return Decision.Unchanged;
        var distinct = matches.DistinctBy(m => m.JobId).ToList();
        return Decision.Accept(new SavedSearchEvaluated(batchId, distinct, search.Frequency == AlertFrequencies.Instant, now));
    }

    /// <summary>The daily digest: the collected matches go out once; a second digest (or a redelivery) finds none left.</summary>
    public static Decision SendDigest(SavedSearch? search, Guid digestId, DateTimeOffset now)
    {
        if (search is null || search.IsDeleted || search.Frequency != AlertFrequencies.Daily || search.Pending.IsEmpty) return Decision.Unchanged;
        return Decision.Accept(new SavedSearchDigestSent(digestId, search.Pending.Select(p => p.JobId).ToList(), now));
    }

    /// <summary>Another seeker's search is not found (its existence is not theirs to learn); admins may manage any.</summary>
    private static Decision? Owned(SavedSearch? search, Actor actor) =>
        search is null || search.IsDeleted || !actor.CanManage(search.OwnerId) ? Decision.Refuse(RefusalKind.NotFound, NoSuchSearch) : null;

    private static Decision? CheckName(string? name) =>
        string.IsNullOrEmpty(name) ? Decision.Refuse(RefusalKind.Invalid, "name is required.")
        : name.Length > MaxNameLength ? Decision.Refuse(RefusalKind.Invalid, $"name must be at most {MaxNameLength} characters.")
        : null;

    private static Decision? CheckFrequency(string frequency) =>
        AlertFrequencies.All.Contains(frequency) ? null
        : Decision.Refuse(RefusalKind.Invalid, $"frequency '{frequency}' is not one of: {string.Join(", ", AlertFrequencies.All)}.");

    private static Decision? CheckMinFit(int? minFit) =>
        minFit is < MinFitLowest or > MinFitHighest
            ? Decision.Refuse(RefusalKind.Invalid, $"min_fit must be between {MinFitLowest} and {MinFitHighest}.")
            : null;
}
