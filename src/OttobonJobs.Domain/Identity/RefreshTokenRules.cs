namespace OttobonJobs.Domain.Identity;

/// <summary>
/// One sign-in session: the family of refresh tokens that descend from one sign-up or login. Stored as a document
/// (credentials-like data updated in place, never an event). Only SHA-256 hashes of the tokens are kept: the current
/// one, and the ones already spent, so that presenting a spent token is recognised as theft.
/// </summary>
public record RefreshSession(
    Guid Id, Guid UserId, string CurrentHash, IReadOnlyList<string> SpentHashes,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBecause)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

public enum RefreshOutcome { Rotated, Reused, Unknown, Expired, Revoked }

/// <summary>What presenting a refresh token decides: the session's new state (to store) and the outcome.</summary>
public record RefreshDecision(RefreshOutcome Outcome, RefreshSession? NewState)
{
    public bool Succeeded => Outcome == RefreshOutcome.Rotated;
}

/// <summary>
/// Refresh tokens are single use and rotated: every refresh spends the presented token and issues the next one.
/// A spent token presented again means two parties hold the family (the token leaked), so the whole family is revoked
/// and both must sign in again.
/// </summary>
public static class RefreshTokenRules
{
    public const string RevokedByReuse = "reused";
    public const string RevokedByLogout = "logout";
    public const string RevokedByPasswordChange = "password_changed";
    public const string RevokedByPasswordReset = "password_reset";

    /// <summary>Only the last few spent hashes are kept: enough to catch a thief, bounded in size.</summary>
    public const int SpentHashesKept = 20;

    public static RefreshSession Start(Guid sessionId, Guid userId, string tokenHash, DateTimeOffset now, TimeSpan lifetime) =>
        new(sessionId, userId, tokenHash, [], now, now + lifetime, null, null);

    /// <summary>
    /// Decides what <paramref name="presentedHash"/> does to <paramref name="session"/>: the current token rotates to
    /// <paramref name="nextHash"/> (and extends the session); a spent one revokes the family; anything else changes nothing.
    /// </summary>
    public static RefreshDecision Rotate(RefreshSession? session, string presentedHash, string nextHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (session is null) return new(RefreshOutcome.Unknown, null);
        if (session.RevokedAt is not null) return new(RefreshOutcome.Revoked, null);
        if (session.SpentHashes.Contains(presentedHash))
            return new(RefreshOutcome.Reused, Revoke(session, RevokedByReuse, now));
        if (session.CurrentHash != presentedHash) return new(RefreshOutcome.Unknown, null);
        if (session.ExpiresAt <= now) return new(RefreshOutcome.Expired, null);

        var spent = session.SpentHashes.Append(presentedHash).TakeLast(SpentHashesKept).ToList();
        return new(RefreshOutcome.Rotated, session with { CurrentHash = nextHash, SpentHashes = spent, ExpiresAt = now + lifetime });
    }

    /// <summary>Ends the session; an already revoked one keeps its first reason.</summary>
    public static RefreshSession Revoke(RefreshSession session, string because, DateTimeOffset now) =>
        session.RevokedAt is not null ? session : session with { RevokedAt = now, RevokedBecause = because };
}
