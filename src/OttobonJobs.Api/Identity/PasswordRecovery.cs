using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Adapters.Email;
using OttobonJobs.Api.Email;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Email;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Identity;

public record ForgotPassword(string? Email);

/// <summary>Always the same answer, whether or not the address has an account.</summary>
public record ForgotPasswordResponse(string Message);

public static class ForgotPasswordEndpoint
{
    public const string Accepted = "If an account uses this address, we have emailed it a link to choose a new password. The link works once, for 30 minutes.";
    public const string TooMany = "Too many password reset requests from this network: try again in an hour.";

    public static ProblemDetails Validate(ForgotPassword command) =>
        EmailAddress.IsValid(command.Email) ? WolverineContinue.NoProblems : ApiProblems.Validation("email must be a valid email address.");

    /// <summary>
    /// Answers 202 whatever the address (no account enumeration). When it has an account, and it has not asked too
    /// often, a single-use reset link is mailed: its nonce is stored as a <see cref="PasswordResetTicket"/> in the same
    /// transaction as the queued email. One client address asking too often gets 429 (that says nothing about accounts).
    /// </summary>
    [WolverinePost("/api/auth/forgot-password", OperationId = "forgotPassword")]
    [AllowAnonymous, EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]
    [ProducesProblems(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<ForgotPasswordResponse>(StatusCodes.Status202Accepted)]
    public static async Task<(IResult, IMartenOp, OutgoingMessages)> Post(
        ForgotPassword command, HttpContext context, IQuerySession query, MailRequestThrottle throttle, EmailLinks links,
        IOptions<EmailSettings> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var accepted = Results.Json(new ForgotPasswordResponse(Accepted), statusCode: StatusCodes.Status202Accepted);
        if (!await throttle.AdmitClientAsync(LinkPurpose.ResetPassword, context.Connection.RemoteIpAddress, cancellationToken))
            return (ApiProblems.Result(StatusCodes.Status429TooManyRequests, TooMany), MartenOps.Nothing(), []);

        var email = EmailAddress.Normalise(command.Email!);
        if (!await throttle.AdmitAddressAsync(LinkPurpose.ResetPassword, email, cancellationToken)) return (accepted, MartenOps.Nothing(), []);
        // The lookup model only finds the stream; what is mailed is read from the stream itself.
        var account = await query.Query<UserAccount>().FirstOrDefaultAsync(a => a.Email == email, cancellationToken);
        var user = account is null ? null : await query.Events.AggregateStreamAsync<User>(account.Id, token: cancellationToken);
        if (user is null or { IsErased: true }) return (accepted, MartenOps.Nothing(), []);

        var settings = options.Value;
        var expiresAt = clock.GetUtcNow() + settings.PasswordResetLinkLifetime;
        var ticket = new PasswordResetTicket(Guid.NewGuid(), user.Id, user.Email, expiresAt, UsedAt: null);
        var token = links.Create(LinkPurpose.ResetPassword, user.Id, expiresAt, ticket.Id.ToString("N"));
        var message = PasswordResetEmail.Render(user.Email, user.FullName, EmailLinkUrls.Page(settings, "reset-password", token), settings.PasswordResetLinkLifetime);
        return (accepted, MartenOps.Store(ticket), [new DeliverEmail(user.Id, EmailKinds.PasswordReset, RequestedByUser: true, message)]);
    }
}

public record ResetPassword(
    string? Token,
    [property: StringLength(ProfileRules.MaxPasswordLength, MinimumLength = ProfileRules.MinPasswordLength)] string? NewPassword);

public static class ResetPasswordEndpoint
{
    public const string InvalidLink = "This password reset link is not valid (it was changed or cut short). Ask for a new one.";
    public const string ExpiredLink = "This password reset link has expired (links work for 30 minutes). Ask for a new one.";
    public const string UsedLink = "This password reset link has already been used. Ask for a new one if you need to reset again.";

    public static ProblemDetails Validate(ResetPassword command) =>
        string.IsNullOrEmpty(command.Token) ? ApiProblems.Problem(StatusCodes.Status400BadRequest, "token is required: open the link from the email.")
        : ProfileRules.CheckPassword(command.NewPassword) is { } problem ? ApiProblems.Validation(problem.Replace("password", "new_password"))
        : WolverineContinue.NoProblems;

    /// <summary>
    /// Sets a new password from a signed, single-use link: in one transaction the credentials change, every sign-in
    /// session of the account is revoked, the ticket is marked used (optimistic concurrency: of two resets racing with
    /// one link, the second fails with 409) and <see cref="PasswordReset"/> is recorded. Tampered: 400; expired or used: 410.
    /// </summary>
    [WolverinePost("/api/auth/reset-password", OperationId = "resetPassword")]
    [AllowAnonymous, EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]
    [ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [Emits(typeof(PasswordReset), typeof(EmailVerified))]
    public static async Task<IResult> Post(
        ResetPassword command, IDocumentSession session, EmailLinks links, PasswordHashing passwords, SessionValidity validity,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (check, claims) = links.Read(command.Token, LinkPurpose.ResetPassword, now);
        if (check == LinkCheck.Malformed || !Guid.TryParseExact(claims!.Subject, "N", out var nonce))
            return ApiProblems.Result(StatusCodes.Status400BadRequest, InvalidLink);
        if (check == LinkCheck.Expired) return ApiProblems.Result(StatusCodes.Status410Gone, ExpiredLink);

        var ticket = await session.LoadAsync<PasswordResetTicket>(nonce, cancellationToken);
        if (ticket is null || ticket.UserId != claims.UserId) return ApiProblems.Result(StatusCodes.Status400BadRequest, InvalidLink);
        if (ticket.UsedAt is not null) return ApiProblems.Result(StatusCodes.Status410Gone, UsedLink);
        if (ticket.ExpiresAt <= now) return ApiProblems.Result(StatusCodes.Status410Gone, ExpiredLink);

        var stream = await session.Events.FetchForWriting<User>(ticket.UserId, cancellationToken);
        var decision = UserDecisions.RecordPasswordReset(stream.Aggregate, new RecordPasswordReset(ticket.UserId, ticket.Email), now);
        if (decision.Refusal is { } refusal) return refusal.ToResult();
        var credentials = await session.LoadAsync<UserCredentials>(ticket.UserId, cancellationToken);
        if (credentials is null) return ApiProblems.Result(StatusCodes.Status404NotFound, UserDecisions.NoSuchAccount);

        stream.AppendMany(decision.Events);
        session.Store(ticket with { UsedAt = now });
        session.Store(credentials with { PasswordHash = passwords.Hash(command.NewPassword!), ChangedAt = now });
        var open = await session.Query<RefreshSession>().Where(s => s.UserId == ticket.UserId && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var ended in open) session.Store(RefreshTokenRules.Revoke(ended, RefreshTokenRules.RevokedByPasswordReset, now));
        validity.ForgetUser(ticket.UserId);
        return Results.NoContent();
    }
}

/// <summary>An erased account's reset tickets (they hold the address) go too; queued emails to it are dropped when they come up.</summary>
public record EraseEmailData(Guid UserId);

public static class EraseEmailDataHandler
{
    public static void Handle(EraseEmailData command, IDocumentSession session) =>
        session.DeleteWhere<PasswordResetTicket>(t => t.UserId == command.UserId);
}
