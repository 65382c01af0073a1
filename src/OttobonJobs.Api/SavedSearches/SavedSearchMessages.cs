namespace OttobonJobs.Api.SavedSearches;

/// <summary>The user followed a verified unsubscribe link: the saved search's alerts turn off (the search itself stays).</summary>
public record TurnOffSearchAlerts(Guid UserId, Guid SavedSearchId, DateTimeOffset At);
