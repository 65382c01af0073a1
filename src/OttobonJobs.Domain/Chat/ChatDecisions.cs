using OttobonJobs.Domain.Decisions;

namespace OttobonJobs.Domain.Chat;

/// <summary>A seeker asks for a session, about a job (its context read before deciding; null if it is not active) or in general.</summary>
public sealed record StartChatAbout(Guid? JobId, ChatJobContext? Job);

/// <summary>A message from the seeker or an admin; the id is chosen by the caller, so the decision stays deterministic.</summary>
public sealed record PostChatMessage(Guid MessageId, string Content, string? ClientMessageId);

/// <summary>The coach's answer to <paramref name="InReplyTo"/>, or the fallback when it could not answer (<paramref name="FailureReason"/>).</summary>
public sealed record CoachAnswer(Guid MessageId, Guid InReplyTo, string? Content, string? FailureReason);

/// <summary>The coach's opening line when the seeker first connects.</summary>
public sealed record GreetSeeker(Guid MessageId, string SeekerName);

/// <summary>
/// The chat session's rules: pure functions of the session's state, the command, who asks and the time. Whether the
/// coach should answer next is read from the state the events lead to (<see cref="ChatSession.AwaitsCoach"/>).
/// </summary>
public static class ChatDecisions
{
    public const string NoSuchSession = "No such chat session.";
    public const string NoSuchJob = "No such active job to talk about.";
    public const string SessionClosed = "This chat is closed.";
    public const string TakeOverFirst = "Take the session over before replying as a human.";
    public const string NotTakenOver = "Only a session a human has taken over can be handed back.";
    public const string AdminsOnly = "Only an admin can do this.";

    /// <summary>The seeker's session about the job: asking again changes nothing (the caller returns the existing one).</summary>
    public static Decision Start(ChatSession? session, StartChatAbout command, Actor actor, DateTimeOffset now)
    {
        if (session is not null) return Decision.Unchanged;
        if (command.JobId is not null && command.Job is null) return Decision.Refuse(RefusalKind.NotFound, NoSuchJob);
        var id = ChatRules.SessionIdFor(actor.Id, command.JobId);
        return Decision.Accept(new ChatSessionStarted(id, actor.Id, command.Job, now));
    }

    /// <summary>
    /// The seeker writes. A resent message (same client id) is stored once; while a human is in charge the message
    /// is kept and waits for them (and for the coach, if the session is handed back before anyone answers).
    /// </summary>
    public static Decision PostFromSeeker(ChatSession? session, PostChatMessage command, Actor actor, DateTimeOffset now)
    {
        if (session is null || session.SeekerId != actor.Id) return Decision.Refuse(RefusalKind.NotFound, NoSuchSession);
        if (session.Status == ChatStatus.Closed) return Decision.Refuse(RefusalKind.Conflict, SessionClosed);
        if (ChatRules.CheckContent(command.Content) is { } problem) return Decision.Refuse(RefusalKind.Invalid, problem);
        if (IsResent(session, command)) return Decision.Unchanged;
        return Decision.Accept(new ChatMessagePosted(command.MessageId, ChatRole.User, command.Content.Trim(), command.ClientMessageId, actor.Id, now));
    }

    /// <summary>An admin writes as a human coach: only in a session taken over and still open, whichever way the message comes.</summary>
    public static Decision PostFromAdmin(ChatSession? session, PostChatMessage command, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsAdmin) return Decision.Refuse(RefusalKind.Forbidden, AdminsOnly);
        if (session is null) return Decision.Refuse(RefusalKind.NotFound, NoSuchSession);
        if (session.Status == ChatStatus.Closed) return Decision.Refuse(RefusalKind.Conflict, SessionClosed);
        if (session.Status != ChatStatus.ActiveHuman) return Decision.Refuse(RefusalKind.Conflict, TakeOverFirst);
        if (ChatRules.CheckContent(command.Content) is { } problem) return Decision.Refuse(RefusalKind.Invalid, problem);
        if (IsResent(session, command)) return Decision.Unchanged;
        // The agent who took over is shown under the name they had then; another admin writing meanwhile, under theirs.
        var author = session.TakenOverBy == actor.Id ? session.TakenOverByName : DisplayName(actor);
        return Decision.Accept(new ChatMessagePosted(command.MessageId, ChatRole.Admin, command.Content.Trim(), command.ClientMessageId, actor.Id, now,
            AuthorName: author));
    }

    /// <summary>
    /// The coach's answer, decided after the coach was asked (outside any lock): dropped when a human took over
    /// meanwhile, the session closed, or the message was answered already (by a human or by a concurrent answer).
    /// </summary>
    public static Decision RecordCoachAnswer(ChatSession? session, CoachAnswer command, DateTimeOffset now)
    {
        if (session is not { AwaitsCoach: true } || session.Unanswered[0] != command.InReplyTo) return Decision.Unchanged;
        var reply = new ChatMessagePosted(command.MessageId, ChatRole.Assistant, command.FailureReason is null ? command.Content ?? "" : ChatRules.FallbackReply,
            null, null, now, command.InReplyTo);
        return command.FailureReason is { } reason
            ? Decision.Accept(new CoachReplyFailed(reason, now), reply)
            : Decision.Accept(reply);
    }

    /// <summary>An admin takes the conversation from the AI. Only one can: a second takeover is a conflict.</summary>
    public static Decision TakeOver(ChatSession? session, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsAdmin) return Decision.Refuse(RefusalKind.Forbidden, AdminsOnly);
        if (session is null) return Decision.Refuse(RefusalKind.NotFound, NoSuchSession);
        if (session.Status == ChatStatus.Closed) return Decision.Refuse(RefusalKind.Conflict, SessionClosed);
        if (session.Status == ChatStatus.ActiveHuman)
            return Decision.Refuse(RefusalKind.Conflict, $"{session.TakenOverByName ?? "Another admin"} has already taken this chat over.");
        return Decision.Accept(new ChatTakenOver(actor.Id, DisplayName(actor), now));
    }

    /// <summary>The AI is back in charge; it then answers the seeker's unanswered messages, oldest first.</summary>
    public static Decision HandBack(ChatSession? session, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsAdmin) return Decision.Refuse(RefusalKind.Forbidden, AdminsOnly);
        if (session is null) return Decision.Refuse(RefusalKind.NotFound, NoSuchSession);
        if (session.Status == ChatStatus.Closed) return Decision.Refuse(RefusalKind.Conflict, SessionClosed);
        if (session.Status != ChatStatus.ActiveHuman) return Decision.Refuse(RefusalKind.Conflict, NotTakenOver);
        return Decision.Accept(new ChatHandedBack(actor.Id, now));
    }

    /// <summary>Its seeker or an admin closes it; closing a closed session changes nothing.</summary>
    public static Decision Close(ChatSession? session, Actor actor, DateTimeOffset now)
    {
        if (session is null || !actor.CanManage(session.SeekerId)) return Decision.Refuse(RefusalKind.NotFound, NoSuchSession);
        if (session.Status == ChatStatus.Closed) return Decision.Unchanged;
        return Decision.Accept(new ChatClosed(actor.Id, now));
    }

    /// <summary>The coach's opening line, once per session, before anything else was said and only while the AI is in charge.</summary>
    public static Decision Greet(ChatSession? session, GreetSeeker command, Actor actor, DateTimeOffset now)
    {
        if (session is null || session.SeekerId != actor.Id) return Decision.Refuse(RefusalKind.NotFound, NoSuchSession);
        if (session.Greeted || session.MessageCount > 0 || session.Status != ChatStatus.ActiveAi) return Decision.Unchanged;
        return Decision.Accept(new ChatMessagePosted(command.MessageId, ChatRole.Assistant, ChatRules.Greeting(command.SeekerName, session.Job),
            ChatRules.GreetingClientId, null, now));
    }

    private static string? DisplayName(Actor actor) => string.IsNullOrWhiteSpace(actor.Name) ? null : actor.Name.Trim();

    private static bool IsResent(ChatSession session, PostChatMessage command) =>
        command.ClientMessageId is { } clientId && session.ClientMessageIds.Contains(clientId);
}
