using System.Collections.Immutable;

namespace OttobonJobs.Domain.SavedSearches;

/// <summary>What a saved search runs: Browse's filters, a Smart search question, or the seeker's resume ("Recommended for you").</summary>
public static class SavedSearchKinds
{
    public const string Browse = "browse";
    public const string Smart = "smart";
    public const string Recommended = "recommended";

    public static readonly IReadOnlyList<string> All = [Browse, Smart, Recommended];
}

/// <summary>How often a saved search's new matches are sent: at once, in one daily digest, or never.</summary>
public static class AlertFrequencies
{
    public const string Instant = "instant";
    public const string Daily = "daily";
    public const string Off = "off";

    public static readonly IReadOnlyList<string> All = [Instant, Daily, Off];
}

/// <summary>
/// Browse's filters exactly as the feed takes them (the query string's names in snake case); list filters keep any
/// of their values. The feed's own validation checks them (same messages), so a saved search runs as Browse would.
/// </summary>
public sealed record BrowseFilters(
    string? Q = null, string? Company = null, string? Location = null, string? Skill = null,
    decimal? MinSalary = null, decimal? MaxSalary = null, int? PostedWithinDays = null,
    IReadOnlyList<string>? JobType = null, IReadOnlyList<string>? WorkMode = null, IReadOnlyList<string>? Experience = null);

/// <summary>A new active job that matched a search, as an alert names it.</summary>
public sealed record MatchedJob(Guid JobId, string Title, string Company, string? Place);

public record SavedSearchCreated(
    Guid SavedSearchId, Guid OwnerId, string Name, string Kind, BrowseFilters? Filters, string? Question,
    string Frequency, int? MinFit, DateTimeOffset CreatedAt);

public record SavedSearchRenamed(string Name, DateTimeOffset RenamedAt);

/// <summary>The owner changed how often alerts come, or (Recommended) the minimum fit score.</summary>
public record SavedSearchAlertsChanged(string Frequency, int? MinFit, DateTimeOffset ChangedAt);

/// <summary>Alerts turned off from an email's unsubscribe link: the search stays.</summary>
public record SavedSearchAlertsTurnedOff(DateTimeOffset TurnedOffAt);

public record SavedSearchDeleted(Guid DeletedBy, DateTimeOffset DeletedAt);

/// <summary>
/// The search was evaluated against one batch of newly active jobs (an ingestion run, a provider's job) and these
/// matched. Recorded once per batch: a redelivered trigger finds the batch already evaluated. <see cref="Alerted"/>:
/// the matches went out at once (instant); otherwise they wait for the daily digest (or nothing, when off).
/// </summary>
public record SavedSearchEvaluated(Guid BatchId, IReadOnlyList<MatchedJob> Matches, bool Alerted, DateTimeOffset EvaluatedAt);

/// <summary>The daily digest sent the matches collected since the last one.</summary>
public record SavedSearchDigestSent(Guid DigestId, IReadOnlyList<Guid> JobIds, DateTimeOffset SentAt);

public static class SavedSearchEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<SavedSearchCreated>("saved_search_created"),
        EventContract.Of<SavedSearchRenamed>("saved_search_renamed"),
        EventContract.Of<SavedSearchAlertsChanged>("saved_search_alerts_changed"),
        EventContract.Of<SavedSearchAlertsTurnedOff>("saved_search_alerts_turned_off"),
        EventContract.Of<SavedSearchDeleted>("saved_search_deleted"),
        EventContract.Of<SavedSearchEvaluated>("saved_search_evaluated"),
        EventContract.Of<SavedSearchDigestSent>("saved_search_digest_sent"),
    ];
}

/// <summary>A saved search as its stream decides it.</summary>
public sealed record SavedSearch
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public Guid OwnerId { get; init; }
    public string Name { get; init; } = "";
    public string Kind { get; init; } = SavedSearchKinds.Browse;
    public BrowseFilters? Filters { get; init; }
    public string? Question { get; init; }
    public string Frequency { get; init; } = AlertFrequencies.Instant;
    public int? MinFit { get; init; }
    public bool IsDeleted { get; init; }

    /// <summary>The batches already evaluated: a redelivered trigger changes nothing.</summary>
    public ImmutableHashSet<Guid> EvaluatedBatches { get; init; } = [];

    /// <summary>Matches waiting for the next daily digest.</summary>
    public ImmutableList<MatchedJob> Pending { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastAlertAt { get; init; }

    /// <summary>How many jobs the latest alert (instant or digest) carried.</summary>
    public int LastAlertMatches { get; init; }

    public static SavedSearch? Evolve(SavedSearch? state, object @event) => (state, @event) switch
    {
        (_, SavedSearchCreated e) => new SavedSearch
        {
            Id = e.SavedSearchId, OwnerId = e.OwnerId, Name = e.Name, Kind = e.Kind, Filters = e.Filters, Question = e.Question,
            Frequency = e.Frequency, MinFit = e.MinFit, CreatedAt = e.CreatedAt,
        },
        ({ } s, SavedSearchRenamed e) => s with { Name = e.Name },
        ({ } s, SavedSearchAlertsChanged e) => s with { Frequency = e.Frequency, MinFit = e.MinFit ?? s.MinFit },
        ({ } s, SavedSearchAlertsTurnedOff) => s with { Frequency = AlertFrequencies.Off },
        ({ } s, SavedSearchDeleted) => s with { IsDeleted = true, Pending = [] },
        ({ } s, SavedSearchEvaluated e) => s with
        {
            EvaluatedBatches = s.EvaluatedBatches.Add(e.BatchId),
            Pending = e.Alerted ? s.Pending : s.Pending.AddRange(e.Matches.Where(m => s.Pending.All(p => p.JobId != m.JobId))),
            LastAlertAt = e.Alerted ? e.EvaluatedAt : s.LastAlertAt,
            LastAlertMatches = e.Alerted ? e.Matches.Count : s.LastAlertMatches,
        },
        ({ } s, SavedSearchDigestSent e) => s with
        {
            Pending = s.Pending.RemoveAll(p => e.JobIds.Contains(p.JobId)), LastAlertAt = e.SentAt, LastAlertMatches = e.JobIds.Count,
        },
        _ => state,
    };
}
