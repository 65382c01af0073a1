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
// while the AI is answering is simply the next event.
public record ChatSessionStarted(Guid SessionId, Guid SeekerId, ChatJobContext? Job, DateTimeOffset StartedAt);

public record ChatMessagePosted(Guid MessageId, string Role, string Content, string? ClientMessageId, Guid? AuthorId, DateTimeOffset PostedAt);

public record ChatTakenOver(Guid AdminId, string AdminName, DateTimeOffset At);

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
    public int MessageCount { get; init; }
    public IReadOnlySet<string> ClientMessageIds { get; init; } = new HashSet<string>();

    public static ChatSession? Evolve(ChatSession? session, object @event) => (session, @event) switch
    {
        (_, ChatSessionStarted e) => new ChatSession { Id = e.SessionId, SeekerId = e.SeekerId, Job = e.Job },
        (null, _) => null,
        ({ } s, ChatMessagePosted e) => s with
        {
            MessageCount = s.MessageCount + 1,
            ClientMessageIds = e.ClientMessageId is null ? s.ClientMessageIds : new HashSet<string>(s.ClientMessageIds) { e.ClientMessageId },
        },
        ({ } s, ChatTakenOver) => s with { Status = ChatStatus.ActiveHuman },
        ({ } s, ChatHandedBack) => s with { Status = ChatStatus.ActiveAi },
        ({ } s, ChatClosed) => s with { Status = ChatStatus.Closed },
        _ => session,
    };
}

/// <summary>The chat stream's events under their stable names.</summary>
public static class ChatEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<ChatSessionStarted>("chat_session_started"),
        EventContract.Of<ChatMessagePosted>("chat_message_posted"),
        EventContract.Of<ChatTakenOver>("chat_taken_over"),
        EventContract.Of<ChatHandedBack>("chat_handed_back"),
        EventContract.Of<ChatClosed>("chat_closed"),
        EventContract.Of<CoachReplyFailed>("coach_reply_failed"),
    ];
}

public static class ChatRules
{
    public const int MaxMessageBytes = 4 * 1024;
    public const int ReplayCount = 10;

    /// <summary>One seeker and one job give one session: its id is derived from the pair (the general chat has no job).</summary>
    public static Guid SessionIdFor(Guid seekerId, Guid? jobId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ottobon-chat\n{seekerId:N}\n{jobId?.ToString("N") ?? "general"}"));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom, name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

/// <summary>What the coach knows when it answers.</summary>
public record CoachContext(
    IReadOnlyList<ChatMessagePosted> History,
    string? ResumeText,
    IReadOnlyList<string> ResumeSkills,
    ChatJobContext? Job,
    string SeekerName);

/// <summary>The AI coach port. Adapters: OpenAI chat completions (with a key) and a local, offline coach (default).</summary>
public interface IChatCoach
{
    string ModelName { get; }

    /// <exception cref="CoachUnavailableException">The coach could not answer now.</exception>
    Task<string> ReplyAsync(CoachContext context, CancellationToken cancellationToken);
}

public class CoachUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
