using System.Collections.Concurrent;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;

namespace OttobonJobs.Api.Access;

/// <summary>
/// Whether a token's account still exists and its sign-in session is still open: asked on every request and by open
/// sockets. Answers are cached briefly (<see cref="JwtSettings.SessionCheckCacheSeconds"/>); logout, a password change
/// and an account deletion forget the user's answers on this node at once (other nodes notice within the cache time).
/// </summary>
public class SessionValidity(IDocumentStore store, IMemoryCache cache, IOptions<OttobonSettings> settings, TimeProvider clock)
{
    public const string AccountGone = "This account no longer exists. Sign in with another account.";
    public const string SessionEnded = "This session has ended (signed out, or the password was changed). Please sign in again.";
    public const string SessionExpired = "Your session has expired. Please sign in again.";

    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _forgetUser = new();

    /// <summary>Null when the session is valid, else the reason to show.</summary>
    public async Task<string?> ProblemAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(("session", sessionId), out string? cached)) return cached == "" ? null : cached;

        var forget = _forgetUser.GetOrAdd(userId, _ => new CancellationTokenSource());
        await using var query = store.QuerySession();
        var session = await query.LoadAsync<RefreshSession>(sessionId, cancellationToken);
        var problem =
            !await query.CheckExistsAsync<UserCredentials>(userId, cancellationToken) ? AccountGone
            : session is null || session.UserId != userId || !session.IsActive(clock.GetUtcNow()) ? SessionEnded
            : null;

        using var entry = cache.CreateEntry(("session", sessionId));
        entry.Value = problem ?? "";
        entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(settings.Value.Jwt.SessionCheckCacheSeconds);
        entry.AddExpirationToken(new CancellationChangeToken(forget.Token));
        return problem;
    }

    /// <summary>Drops this node's cached answers for the user's sessions: the next check reads the store.</summary>
    public void ForgetUser(Guid userId)
    {
        // Not disposed: a check running right now may still be attaching its entry to this source.
        if (_forgetUser.TryRemove(userId, out var forget)) forget.Cancel();
    }
}
