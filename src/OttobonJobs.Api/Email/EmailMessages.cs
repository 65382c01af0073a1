namespace OttobonJobs.Api.Email;

/// <summary>One job in an alert email.</summary>
public record AlertedJob(Guid JobId, string Title, string Company, string? Place);

/// <summary>
/// Mail the user the new jobs of one saved search (instant alert or daily digest): one email per search per
/// evaluation, with a signed one-click unsubscribe link for that search and a <c>List-Unsubscribe</c> header.
/// </summary>
public record SendSearchAlertEmail(Guid UserId, Guid SavedSearchId, string SearchName, bool IsDigest, IReadOnlyList<AlertedJob> Jobs);
