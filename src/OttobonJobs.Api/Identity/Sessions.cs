using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using Wolverine.Http;
using Wolverine.Marten;

namespace OttobonJobs.Api.Identity;

public record RefreshSessionTokens(string? RefreshToken);

public static class RefreshEndpoint
{
    public const string InvalidRefreshToken = "The refresh token is invalid or has expired. Please sign in again.";
    public const string ReusedRefreshToken = "This refresh token was already used, so it may have been stolen: the session has been ended everywhere. Please sign in again.";

    /// <summary>
    /// Spends the refresh token and returns the next pair (same session). A spent token presented again revokes the
    /// whole session (401). Two refreshes racing with the same token: one gets the pair, the other 409 (the session
    /// document's optimistic concurrency), and the client should keep the winner's pair.
    /// </summary>
    [WolverinePost("/api/auth/refresh", OperationId = "refreshTokens")]
    [ProducesProblems(StatusCodes.Status401Unauthorized)]
    [AllowAnonymous, EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status200OK)]
    public static async Task<(IResult, IMartenOp)> Post(
        RefreshSessionTokens command, IDocumentSession session, SignInSessions sessions, SessionValidity validity,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var invalid = ApiProblems.Result(StatusCodes.Status401Unauthorized, InvalidRefreshToken);
        if (!RefreshTokens.TryReadSessionId(command.RefreshToken, out var sessionId)) return (invalid, MartenOps.Nothing());

        var current = await session.LoadAsync<RefreshSession>(sessionId, cancellationToken);
        var next = RefreshTokens.Create(sessionId);
        var decision = RefreshTokenRules.Rotate(current, RefreshTokens.Hash(command.RefreshToken!), next.Hash, clock.GetUtcNow(), sessions.RefreshLifetime);
        switch (decision.Outcome)
        {
            case RefreshOutcome.Reused:
                validity.ForgetUser(current!.UserId);
                return (ApiProblems.Result(StatusCodes.Status401Unauthorized, ReusedRefreshToken), MartenOps.Store(decision.NewState!));
            case not RefreshOutcome.Rotated:
                return (invalid, MartenOps.Nothing());
        }

        var account = await session.LoadAsync<UserAccount>(current!.UserId, cancellationToken);
        if (account is null || !await session.CheckExistsAsync<UserCredentials>(current.UserId, cancellationToken))
            return (ApiProblems.Result(StatusCodes.Status401Unauthorized, SessionValidity.AccountGone), MartenOps.Nothing());

        var user = new AuthUser(account.Id, account.Email, account.Role, account.FullName);
        return (Results.Ok(sessions.Respond(user, sessionId, next.Token)), MartenOps.Store(decision.NewState!));
    }
}

public static class LogOutEndpoint
{
    /// <summary>Ends the caller's session: its refresh token and every access token of the session stop working.</summary>
    [WolverinePost("/api/auth/logout", OperationId = "logOut")]
    [Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public static async Task<(IResult, IMartenOp)> Post(
        ClaimsPrincipal user, IDocumentSession session, SessionValidity validity, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The bearer handler only lets tokens with an open session through, so the session exists.
        var current = await session.LoadAsync<RefreshSession>(user.SessionId()!.Value, cancellationToken);
        validity.ForgetUser(user.UserId());
        return current is null
            ? (Results.NoContent(), MartenOps.Nothing())
            : (Results.NoContent(), MartenOps.Store(RefreshTokenRules.Revoke(current, RefreshTokenRules.RevokedByLogout, clock.GetUtcNow())));
    }
}

public record ChangePassword(
    string? CurrentPassword,
    [property: StringLength(ProfileRules.MaxPasswordLength, MinimumLength = ProfileRules.MinPasswordLength)] string? NewPassword);

public static class ChangePasswordEndpoint
{
    public const string WrongCurrentPassword = "The current password is incorrect.";

    public static ProblemDetails Validate(ChangePassword command) =>
        string.IsNullOrEmpty(command.CurrentPassword) ? ApiProblems.Validation("current_password is required.")
        : ProfileRules.CheckPassword(command.NewPassword) is { } problem ? ApiProblems.Validation(problem.Replace("password", "new_password"))
        : WolverineContinue.NoProblems;

    /// <summary>
    /// Changes the caller's password (they confirm with the current one). Every session of the account is ended, on
    /// every device; the caller gets a fresh session in the response so this tab stays signed in.
    /// </summary>
    [WolverinePost("/api/users/me/password", OperationId = "changeMyPassword")]
    [ProducesProblems(StatusCodes.Status403Forbidden)]
    [Authorize, EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(
        ChangePassword command, ClaimsPrincipal user, IDocumentSession session, PasswordHashing passwords, SignInSessions sessions,
        SessionValidity validity, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var credentials = await session.LoadAsync<UserCredentials>(userId, cancellationToken);
        var account = await session.LoadAsync<UserAccount>(userId, cancellationToken);
        if (credentials is null || account is null) return ApiProblems.Result(StatusCodes.Status401Unauthorized, SessionValidity.AccountGone);
        if (!passwords.Verify(credentials.PasswordHash, command.CurrentPassword!))
            return ApiProblems.Result(StatusCodes.Status403Forbidden, WrongCurrentPassword);

        var now = clock.GetUtcNow();
        session.Store(credentials with { PasswordHash = passwords.Hash(command.NewPassword!), ChangedAt = now });
        var open = await session.Query<RefreshSession>().Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var ended in open) session.Store(RefreshTokenRules.Revoke(ended, RefreshTokenRules.RevokedByPasswordChange, now));
        var (response, started) = sessions.Start(account);
        session.Store(started);
        validity.ForgetUser(userId);
        return Results.Ok(response);
    }
}
