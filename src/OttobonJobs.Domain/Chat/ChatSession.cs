using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace OttobonJobs.Domain.Chat;

public static class ChatStatus
{
    public const string ActiveAi = "active_ai";
    public const string ActiveHuman = "active_human";
    public const string Closed = "closed";
}

public static class ChatRole
{
    public const string User = "user";
    public const string Assistant = "assistant";
    public const string Admin = "admin";
}

/// <summary>The job a session is about, attached when it starts as hidden context for the coach.</summary>
public record ChatJobContext(
    Guid JobId,
    string Title,
    string CompanyName,
    string Description,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> PrepQuestions,
    IReadOnlyList<string> ResumeTips);

// A chat session is an event stream. Messages are appended, never rewritten, so an admin's message sent
// while the AI is answering is simply the next event. An assistant message says which seeker message it answers
// (InReplyTo), so the coach can answer several waiting messages one by one, in order. A human agent's message
// carries the agent's name as it was at the takeover (AuthorName), so a replay shows the name the seeker saw.
public record ChatSessionStarted(Guid SessionId, Guid SeekerId, ChatJobContext? Job, DateTimeOffset StartedAt);

public record ChatMessagePosted(
    Guid MessageId, string Role, string Content, string? ClientMessageId, Guid? AuthorId, DateTimeOffset PostedAt, Guid? InReplyTo = null,
    string? AuthorName = null);

/// <summary>A human agent takes over; <paramref name="AdminName"/> is their display name then (null if they had none).</summary>
public record ChatTakenOver(Guid AdminId, string? AdminName, DateTimeOffset At);

public record ChatHandedBack(Guid AdminId, DateTimeOffset At);

public record ChatClosed(Guid ClosedBy, DateTimeOffset At);

/// <summary>The AI coach could not answer; the seeker got a polite fallback instead of silence.</summary>
public record CoachReplyFailed(string Reason, DateTimeOffset At);

/// <summary>A session as its stream decides it.</summary>
public sealed record ChatSession
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public Guid SeekerId { get; init; }
    public ChatJobContext? Job { get; init; }
    public string Status { get; init; } = ChatStatus.ActiveAi;
    public Guid? TakenOverBy { get; init; }
    public string? TakenOverByName { get; init; }
    public int MessageCount { get; init; }
    public bool Greeted { get; init; }

    /// <summary>The seeker's messages nobody has answered yet, oldest first.</summary>
    public IReadOnlyList<Guid> Unanswered { get; init; } = [];

    /// <summary>An immutable set: the session is stored as an inline snapshot, and JSON reads it back as it was written.</summary>
    public ImmutableHashSet<string> ClientMessageIds { get; init; } = [];

    /// <summary>The AI is in charge and a seeker's message waits for it: the coach should answer the oldest one.</summary>
    public bool AwaitsCoach => Status == ChatStatus.ActiveAi && Unanswered.Count > 0;

    public static ChatSession? Evolve(ChatSession? session, object @event) => (session, @event) switch
    {
        (_, ChatSessionStarted e) => new ChatSession { Id = e.SessionId, SeekerId = e.SeekerId, Job = e.Job },
        (null, _) => null,
        ({ } s, ChatMessagePosted e) => s with
        {
            MessageCount = s.MessageCount + 1,
            Greeted = s.Greeted || e is { Role: ChatRole.Assistant, ClientMessageId: ChatRules.GreetingClientId },
            Unanswered = ChatRules.Unanswered(s.Unanswered, e),
            ClientMessageIds = e.ClientMessageId is null ? s.ClientMessageIds : s.ClientMessageIds.Add(e.ClientMessageId),
        },
        ({ } s, ChatTakenOver e) => s with { Status = ChatStatus.ActiveHuman, TakenOverBy = e.AdminId, TakenOverByName = e.AdminName },
        ({ } s, ChatHandedBack) => s with { Status = ChatStatus.ActiveAi, TakenOverBy = null, TakenOverByName = null },
        ({ } s, ChatClosed) => s with { Status = ChatStatus.Closed },
        _ => session,
    };

    /// <summary>The state after <paramref name="events"/>: what a decision's events lead to.</summary>
    public static ChatSession? Fold(ChatSession? session, IEnumerable<object> events) => events.Aggregate(session, Evolve);
}

/// <summary>The stable names a socket tells chat events apart by.</summary>
public static class ChatEventNames
{
    public const string MessagePosted = "chat_message_posted";
    public const string TakenOver = "chat_taken_over";
    public const string HandedBack = "chat_handed_back";
    public const string Closed = "chat_closed";
}

/// <summary>The chat stream's events under their stable names.</summary>
public static class ChatEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<ChatSessionStarted>("chat_session_started"),
        EventContract.Of<ChatMessagePosted>(ChatEventNames.MessagePosted),
        EventContract.Of<ChatTakenOver>(ChatEventNames.TakenOver),
        EventContract.Of<ChatHandedBack>(ChatEventNames.HandedBack),
        EventContract.Of<ChatClosed>(ChatEventNames.Closed),
        EventContract.Of<CoachReplyFailed>("coach_reply_failed"),
    ];

    /// <summary>The stable name of a chat event (what sockets and notifications call it).</summary>
    public static string NameOf(object @event) => Contract.First(c => c.Type == @event.GetType()).Name;
}

public static class ChatRules
{
    public const int MaxMessageBytes = 4 * 1024;
    public const int ReplayCount = 10;

    /// <summary>The client id of the coach's opening line: it is written once per session.</summary>
    public const string GreetingClientId = "greeting";

    /// <summary>How a human agent without a display name is shown.</summary>
    public const string HumanCoachName = "Ottobon coach (human)";

    public const string HandbackNote = "The AI coach is back.";

    /// <summary>The name a human agent's messages are shown under.</summary>
    public static string AgentLabel(string? agentName) => string.IsNullOrWhiteSpace(agentName) ? HumanCoachName : agentName;

    /// <summary>The timeline notice of a takeover, on both sides of the chat.</summary>
    public static string TakeoverNote(string? agentName) =>
        string.IsNullOrWhiteSpace(agentName) ? "A human coach joined the chat." : $"A human coach ({agentName}) joined the chat.";

    public const string FallbackReply =
        "Sorry, I couldn't put an answer together just now. Please try again in a moment — or ask for a human coach, who can join this chat.";

    /// <summary>One seeker and one job give one session: its id is derived from the pair (the general chat has no job).</summary>
    public static Guid SessionIdFor(Guid seekerId, Guid? jobId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ottobon-chat\n{seekerId:N}\n{jobId?.ToString("N") ?? "general"}"));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom, name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// The seeker's unanswered messages after <paramref name="posted"/>: a seeker's message joins them; a human's
    /// reply answers them all; the coach's reply answers the one it names and those before it (a reply that names
    /// none, like the greeting or one from before replies named their question, answers them all).
    /// </summary>
    public static IReadOnlyList<Guid> Unanswered(IReadOnlyList<Guid> unanswered, ChatMessagePosted posted) => posted switch
    {
        { Role: ChatRole.User } => [.. unanswered, posted.MessageId],
        { Role: ChatRole.Assistant, InReplyTo: { } answered } when unanswered.Contains(answered) =>
            unanswered.SkipWhile(id => id != answered).Skip(1).ToList(),
        { Role: ChatRole.Assistant, InReplyTo: not null } => unanswered,
        _ => [],
    };

    /// <summary>Why a message's text is not acceptable, or null.</summary>
    public static string? CheckContent(string? content) =>
        string.IsNullOrWhiteSpace(content) ? "Empty messages are ignored."
        : Encoding.UTF8.GetByteCount(content) > MaxMessageBytes ? $"Messages may be at most {MaxMessageBytes / 1024} KB."
        : null;

    public static string Greeting(string seekerName, ChatJobContext? job)
    {
        var about = job is null ? "your job search" : $"the {job.Title} role";
        return $"Hi {FirstName(seekerName)}! I'm your Ottobon career coach. Ask me anything about {about}: your fit, the skills " +
            "to learn, the salary, interview preparation or your resume. A human coach can join us at any time.";
    }

    private static string FirstName(string fullName) => fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "there";
}

/// <summary>What the coach knows when it answers: the conversation, the resume, the job, and the facts read for the question.</summary>
public record CoachContext(
    IReadOnlyList<ChatMessagePosted> History,
    string? ResumeText,
    IReadOnlyList<string> ResumeSkills,
    ChatJobContext? Job,
    string SeekerName,
    CoachFacts? Facts = null);

/// <summary>The AI coach port. Adapters: OpenAI chat completions (with a key) and a local, offline coach (default).</summary>
public interface IChatCoach
{
    string ModelName { get; }

    /// <summary>
    /// The coach answers in-process and at once (no network, no waiting): the seeker's message and its answer are
    /// then decided in one transaction. A remote coach answers through the durable <c>GenerateCoachReply</c> message.
    /// </summary>
    bool AnswersInProcess { get; }

    /// <exception cref="CoachUnavailableException">The coach could not answer now.</exception>
    Task<string> ReplyAsync(CoachContext context, CancellationToken cancellationToken);
}

public class CoachUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
