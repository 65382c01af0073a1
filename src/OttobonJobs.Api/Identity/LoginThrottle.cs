using Marten;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Identity;

/// <summary>Failed sign-ins for one email address within the current window. Kept in the database so every API node shares it.</summary>
public record LoginFailures(string Id, int Count, DateTimeOffset WindowStartedAt, DateTimeOffset? LockedUntil);

/// <summary>
/// Locks an email out of sign-in for a while after repeated wrong passwords, which stops password guessing
/// against one account. (Guessing across many accounts is slowed by the per-address rate limit on /api/auth.)
/// </summary>
public class LoginThrottle(IDocumentStore store, IOptions<OttobonSettings> settings, TimeProvider clock)
{
    private LoginThrottleSettings Limits => settings.Value.LoginThrottle;

    /// <summary>How long the caller must still wait, or null when sign-in may be tried.</summary>
    public async Task<TimeSpan?> LockedForAsync(string normalisedEmail, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var failures = await session.LoadAsync<LoginFailures>(normalisedEmail, cancellationToken);
        var now = clock.GetUtcNow();
        return failures?.LockedUntil is { } until && until > now ? until - now : null;
    }

    public async Task RecordFailureAsync(string normalisedEmail, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        var failures = await session.LoadAsync<LoginFailures>(normalisedEmail, cancellationToken);
        if (failures is null || now - failures.WindowStartedAt > TimeSpan.FromMinutes(Limits.WindowMinutes))
            failures = new LoginFailures(normalisedEmail, 0, now, null);

        var count = failures.Count + 1;
        var lockedUntil = count >= Limits.MaxFailures ? now.AddMinutes(Limits.LockoutMinutes) : failures.LockedUntil;
        session.Store(failures with { Count = count, LockedUntil = lockedUntil });
        await session.SaveChangesAsync(cancellationToken);
    }

    public async Task ResetAsync(string normalisedEmail, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Delete<LoginFailures>(normalisedEmail);
        await session.SaveChangesAsync(cancellationToken);
    }
}
