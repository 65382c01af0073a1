using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;

namespace OttobonJobs.Api.Identity;

public record AuthUser(Guid Id, string Email, [property: AllowedValues(Domain.Identity.Role.Seeker, Domain.Identity.Role.Provider, Domain.Identity.Role.Admin)] string Role, string FullName);

/// <summary>
/// What sign-up, login, refresh and a password change return: a short-lived bearer token, the single-use refresh
/// token that gets the next pair, and who they belong to.
/// </summary>
public record AuthResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn, AuthUser User);

/// <summary>Starts and continues sign-in sessions: the stored <see cref="RefreshSession"/> and the tokens the client gets.</summary>
public class SignInSessions(TokenIssuer tokens, IOptions<OttobonSettings> settings, TimeProvider clock)
{
    public TimeSpan RefreshLifetime => TimeSpan.FromDays(settings.Value.Jwt.RefreshTokenDays);

    public (AuthResponse Response, RefreshSession Session) Start(UserAccount account) =>
        Start(account.Id, account.Email, account.Role, account.FullName);

    /// <summary>A new session (a new refresh token family) for the user.</summary>
    public (AuthResponse Response, RefreshSession Session) Start(Guid userId, string email, string role, string fullName)
    {
        var sessionId = Guid.CreateVersion7();
        var refresh = RefreshTokens.Create(sessionId);
        var session = RefreshTokenRules.Start(sessionId, userId, refresh.Hash, clock.GetUtcNow(), RefreshLifetime);
        return (Respond(new AuthUser(userId, email, role, fullName), sessionId, refresh.Token), session);
    }

    /// <summary>The pair for an existing session, after its refresh token rotated to <paramref name="refreshToken"/>.</summary>
    public AuthResponse Respond(AuthUser user, Guid sessionId, string refreshToken)
    {
        var access = tokens.Issue(user.Id, user.Email, user.Role, user.FullName, sessionId);
        return new AuthResponse(access.AccessToken, "bearer", access.ExpiresInSeconds, refreshToken, (int)RefreshLifetime.TotalSeconds, user);
    }
}

public record UserProfileResponse(
    Guid Id, string Email, [property: AllowedValues(Domain.Identity.Role.Seeker, Domain.Identity.Role.Provider, Domain.Identity.Role.Admin)] string Role, string FullName, string? Phone, string? Location,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool HasResume,
    [property: AllowedValues(Domain.Identity.EmailStatus.Unverified, Domain.Identity.EmailStatus.Verified, Domain.Identity.EmailStatus.Undeliverable)] string EmailStatus)
{
    public static UserProfileResponse From(UserAccount account, bool hasResume) => new(
        account.Id, account.Email, account.Role, account.FullName, account.Phone, account.Location,
        account.CreatedAt, account.UpdatedAt, hasResume, account.EmailStatus);

    public static UserProfileResponse From(Domain.Identity.User user) => new(
        user.Id, user.Email, user.Role, user.FullName, user.Phone, user.Location, user.RegisteredAt, user.UpdatedAt,
        user.Resume is not null, user.EmailStatus);
}
