namespace OttobonJobs.Domain.Decisions;

/// <summary>
/// The version a person saw when they decided to edit (the <c>If-Match</c> of their request), or none. A stale one
/// refuses the command before any other rule runs.
/// </summary>
public static class ExpectedVersion
{
    public static Decision? Check(long? expected, long current, string what) =>
        expected is { } seen && seen != current
            ? Decision.Refuse(RefusalKind.StaleVersion, $"This {what} changed since you opened it: you saw version {seen}, the current version is {current}.")
            : null;
}
