using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
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
using Wolverine;
using Wolverine.Http;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Identity;

/// <summary>Mail the user a signed link that verifies their current address (after sign-up, or when they ask again).</summary>
public record SendVerificationEmail(Guid UserId, bool RequestedByUser);

public static class SendVerificationEmailHandler
{
    /// <summary>Renders the email from the user's stream; an erased account or an already verified address gets nothing.</summary>
    public static async Task<OutgoingMessages> Handle(
        SendVerificationEmail command, IQuerySession query, EmailLinks links, IOptions<EmailSettings> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var user = await query.Events.AggregateStreamAsync<User>(command.UserId, token: cancellationToken);
        if (user is null or { IsErased: true } || user.EmailStatus == EmailStatus.Verified) return [];

        var settings = options.Value;
        var token = links.Create(LinkPurpose.VerifyEmail, user.Id, clock.GetUtcNow() + settings.VerificationLinkLifetime, user.Email);
        var email = VerificationEmail.Render(user.Email, user.FullName, EmailLinkUrls.Page(settings, "verify-email", token), settings.VerificationLinkLifetime);
        return [new DeliverEmail(user.Id, EmailKinds.Verification, command.RequestedByUser, email)];
    }
}

/// <summary>The token from a verification link.</summary>
public record VerifyMyEmail(string? Token);

/// <summary>The address's status after the request.</summary>
public record EmailStatusResponse([property: AllowedValues(EmailStatus.Unverified, EmailStatus.Verified, EmailStatus.Undeliverable)] string EmailStatus);

public static class VerifyEmailEndpoint
{
    public const string InvalidLink = "This verification link is not valid (it was changed or cut short). Use the latest link we sent, or ask for a new one.";
    public const string ExpiredLink = "This verification link has expired. Sign in and ask for a new one from the banner.";

    /// <summary>
    /// Anonymous: the signed token is the proof (it names the user and the address and expires). Verifying an address
    /// again changes nothing; a link for an address the account no longer has is refused (409).
    /// </summary>
    [WolverinePost("/api/auth/verify-email", OperationId = "verifyEmail")]
    [AllowAnonymous, EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]
    [ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone)]
    [ProducesResponseType<EmailStatusResponse>(StatusCodes.Status200OK)]
    [Emits(typeof(EmailVerified))]
    public static async Task<IResult> Post(
        VerifyMyEmail command, IDocumentSession session, EmailLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (check, claims) = links.Read(command.Token, LinkPurpose.VerifyEmail, now);
        if (check == LinkCheck.Malformed) return ApiProblems.Result(StatusCodes.Status400BadRequest, InvalidLink);
        if (check == LinkCheck.Expired) return ApiProblems.Result(StatusCodes.Status410Gone, ExpiredLink);

        var stream = await session.Events.FetchForWriting<User>(claims!.UserId, cancellationToken);
        var decision = UserDecisions.VerifyEmail(stream.Aggregate, new VerifyEmail(claims.UserId, claims.Subject), now);
        if (decision.Refusal is { } refusal) return refusal.ToResult();
        stream.AppendMany(decision.Events);
        return Results.Ok(new EmailStatusResponse(EmailStatus.Verified));
    }
}

public static class ResendVerificationEmailEndpoint
{
    public const string AlreadyVerified = "Your email address is already verified.";
    public const string TooMany = "You asked for several verification emails already: check your inbox (and spam folder), or try again in an hour.";

    /// <summary>Mails the caller a new verification link (202), at most a few per hour; a verified address gets 409.</summary>
    [WolverinePost("/api/users/me/verification-email", OperationId = "resendVerificationEmail")]
    [Authorize]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<EmailStatusResponse>(StatusCodes.Status202Accepted)]
    public static async Task<(IResult, OutgoingMessages)> Post(
        ClaimsPrincipal user, IQuerySession query, MailRequestThrottle throttle, CancellationToken cancellationToken)
    {
        var me = await query.Events.AggregateStreamAsync<User>(user.UserId(), token: cancellationToken);
        if (me is null or { IsErased: true }) return (ApiProblems.Result(StatusCodes.Status404NotFound, UserDecisions.NoSuchAccount), []);
        if (me.EmailStatus == EmailStatus.Verified) return (ApiProblems.Result(StatusCodes.Status409Conflict, AlreadyVerified), []);
        if (!await throttle.AdmitAddressAsync(LinkPurpose.VerifyEmail, me.Email, cancellationToken))
            return (ApiProblems.Result(StatusCodes.Status429TooManyRequests, TooMany), []);

        return (Results.Json(new EmailStatusResponse(me.EmailStatus), statusCode: StatusCodes.Status202Accepted),
            [new SendVerificationEmail(me.Id, RequestedByUser: true)]);
    }
}
