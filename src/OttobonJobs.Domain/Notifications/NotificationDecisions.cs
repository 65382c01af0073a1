using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Domain.Notifications;

/// <summary>A feature's request to notify a user, as the notification decisions take it.</summary>
public record AddNotification(Guid UserId, string Kind, string Title, string Body, string? Link, string DedupKey);

public static class NotificationDecisions
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 1000;
    public const int MaxDedupKeyLength = 200;
    public const string NoSuchNotification = "No such notification.";

    /// <summary>
    /// Adds the notification once: a second request with the same dedup key (a redelivery, a retry) finds the stream
    /// and changes nothing. Long texts are shortened rather than refused (the feature asking has no user to tell);
    /// a link must be a path inside the SPA, so a notification can never send the user to another site. A request for
    /// an account that is gone (<paramref name="recipient"/> null or erased) adds nothing.
    /// </summary>
    public static Decision Add(Notification? existing, User? recipient, AddNotification command, DateTimeOffset now)
    {
        if (existing is not null) return Decision.Unchanged;
        // The account was erased (or never was) after the feature asked: nothing of theirs is written again.
        if (recipient is null || recipient.IsErased || recipient.Id != command.UserId) return Decision.Unchanged;
        if (command.UserId == Guid.Empty) return Decision.Refuse(RefusalKind.Invalid, "A notification needs a user.");
        if (!NotificationKinds.All.Contains(command.Kind))
            return Decision.Refuse(RefusalKind.Invalid, $"Unknown notification kind '{command.Kind}': use one of {string.Join(", ", NotificationKinds.All)}.");
        if (string.IsNullOrWhiteSpace(command.Title)) return Decision.Refuse(RefusalKind.Invalid, "A notification needs a title.");
        if (string.IsNullOrWhiteSpace(command.DedupKey) || command.DedupKey.Length > MaxDedupKeyLength)
            return Decision.Refuse(RefusalKind.Invalid, $"A notification needs a dedup key of at most {MaxDedupKeyLength} characters.");
        if (command.Link is { } link && !IsAppPath(link))
            return Decision.Refuse(RefusalKind.Invalid, "A notification's link must be a path inside the app, such as /jobs/{id}.");

        return Decision.Accept(new NotificationAdded(NotificationIds.For(command.UserId, command.DedupKey), command.UserId, command.Kind,
            Shorten(command.Title.Trim(), MaxTitleLength), Shorten((command.Body ?? "").Trim(), MaxBodyLength), command.Link, command.DedupKey, now));
    }

    /// <summary>Only the notification's own user may read it; anyone else is told it does not exist. Reading twice changes nothing.</summary>
    public static Decision MarkRead(Notification? notification, Actor actor, DateTimeOffset now)
    {
        if (notification is null || notification.UserId != actor.Id) return Decision.Refuse(RefusalKind.NotFound, NoSuchNotification);
        return notification.IsRead ? Decision.Unchanged : Decision.Accept(new NotificationRead(notification.Id, notification.UserId, now));
    }

    private static bool IsAppPath(string link) =>
        link.StartsWith('/') && !link.StartsWith("//") && !link.Contains('\\') && link.Length <= 500 && !link.Any(char.IsControl);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
