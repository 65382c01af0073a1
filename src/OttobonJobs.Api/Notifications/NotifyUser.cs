namespace OttobonJobs.Api.Notifications;

/// <summary>
/// Any feature's request to notify one user in the app (bell, list, live socket). <paramref name="DedupKey"/> makes a
/// redelivered or retried request land once: the same key for the same user is one notification.
/// <paramref name="Kind"/> is one of <c>NotificationKinds</c>; <paramref name="Link"/> is an SPA path such as <c>/jobs/{id}</c>.
/// </summary>
public record NotifyUser(Guid UserId, string Kind, string Title, string Body, string? Link, string DedupKey);
