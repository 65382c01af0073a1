namespace OttobonJobs.Domain.Decisions;

/// <summary>Why a command was refused; the API turns each kind into one HTTP status (404, 403, 409, 412, 422).</summary>
public enum RefusalKind
{
    /// <summary>The stream does not exist, or the caller may not know that it does.</summary>
    NotFound,

    /// <summary>The caller may see the stream but not change it.</summary>
    Forbidden,

    /// <summary>The stream's current state does not allow the command (archived, closed, already running...).</summary>
    Conflict,

    /// <summary>The caller decided from a version that is no longer the current one.</summary>
    StaleVersion,

    /// <summary>The command itself is not acceptable whatever the state.</summary>
    Invalid,
}

public sealed record Refusal(RefusalKind Kind, string Reason);

/// <summary>
/// What a pure decision returns: the events to append (possibly none: the command changes nothing), or a
/// refusal with a reason. Decisions take the stream's current state, the command and the time; they never
/// read a database, a clock or a network.
/// </summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<object> events, Refusal? refusal) => (Events, Refusal) = (events, refusal);

    public IReadOnlyList<object> Events { get; }
    public Refusal? Refusal { get; }
    public bool IsRefused => Refusal is not null;

    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision Accept(IEnumerable<object> events) => new(events.ToList(), null);

    /// <summary>Accepted, and nothing needs to happen (e.g. archiving an archived job).</summary>
    public static Decision Unchanged { get; } = new([], null);

    public static Decision Refuse(RefusalKind kind, string reason) => new([], new Refusal(kind, reason));
}
