using OttobonJobs.Api.Notifications;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Notifications;
using Wolverine;

namespace OttobonJobs.Api.Chat;

/// <summary>A human coach's message was stored: tell the seeker in the app if they are not in the chat to read it.</summary>
public record NotifyIfSeekerAway(Guid ChatSessionId, Guid SeekerId, Guid MessageId, string? AgentName, string Content, string? JobTitle);

/// <summary>What a chat write sends after its decision (not on the handler: Wolverine reads a handler's <c>After</c> methods as middleware).</summary>
public static class AwayChecks
{
    /// <summary>One check per human coach's message the decision posted.</summary>
    public static OutgoingMessages For(ChatSession? before, Decision decision)
    {
        var session = ChatSession.Fold(before, decision.Events);
        return session is null
            ? []
            : [.. decision.Events.OfType<ChatMessagePosted>().Where(m => m.Role == ChatRole.Admin)
                .Select(m => new NotifyIfSeekerAway(session.Id, session.SeekerId, m.MessageId, m.AuthorName, m.Content, session.Job?.Title))];
    }
}

public static class NotifyIfSeekerAwayHandler
{
    public const int ExcerptLength = 140;

    /// <summary>
    /// Runs after the message committed, so a seeker connected on any node has a fresh presence row. The dedup key
    /// is the message, so a redelivered check notifies once.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(NotifyIfSeekerAway command, ChatPresence presence, CancellationToken cancellationToken)
    {
        if (await presence.IsPresentAsync(command.SeekerId, cancellationToken)) return [];
        var about = command.JobTitle is null ? "your chat" : $"your chat about {command.JobTitle}";
        var excerpt = command.Content.Length <= ExcerptLength ? command.Content : command.Content[..(ExcerptLength - 1)].TrimEnd() + "…";
        return
        [
            new NotifyUser(command.SeekerId, NotificationKinds.HumanCoachReplied, $"{ChatRules.AgentLabel(command.AgentName)} replied in {about}",
                excerpt, $"/chat/{command.ChatSessionId}", $"coach-reply:{command.MessageId}"),
        ];
    }
}
