using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Adapters.Email;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.SavedSearches;
using OttobonJobs.Domain.Email;
using OttobonJobs.Domain.Identity;
using Wolverine;
using Wolverine.Http;

namespace OttobonJobs.Api.Email;

public static class SendSearchAlertEmailHandler
{
    /// <summary>
    /// Renders one email for one saved search's new jobs (links to each job page, a signed unsubscribe link for this
    /// search, RFC 8058 one-click headers) and queues it. Only verified, deliverable addresses get alerts
    /// (<see cref="EmailRules.MayMail"/>).
    /// </summary>
    public static async Task<OutgoingMessages> Handle(
        SendSearchAlertEmail command, IQuerySession query, EmailLinks links, IOptions<EmailSettings> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var kind = command.IsDigest ? EmailKinds.DailyDigest : EmailKinds.InstantAlert;
        var user = await query.Events.AggregateStreamAsync<User>(command.UserId, token: cancellationToken);
        if (command.Jobs.Count == 0 || user is null || !EmailRules.MayMail(user, user.Email, kind, requestedByUser: false)) return [];

        var settings = options.Value;
        var token = links.Create(LinkPurpose.Unsubscribe, user.Id, clock.GetUtcNow() + settings.UnsubscribeLinkLifetime, command.SavedSearchId.ToString("N"));
        var jobs = command.Jobs.Select(job => (job, EmailLinkUrls.Absolute(settings, $"/jobs/{job.JobId}"))).ToList();
        var email = SearchAlertEmail.Render(user.Email, user.FullName, command.SearchName, command.IsDigest, jobs,
            EmailLinkUrls.Page(settings, "unsubscribe", token),
            EmailLinkUrls.Absolute(settings, $"/api/email/unsubscribe?token={Uri.EscapeDataString(token)}"));
        return [new DeliverEmail(user.Id, kind, RequestedByUser: false, email)];
    }
}

/// <summary>Which saved search's alerts were turned off.</summary>
public record UnsubscribeResponse(Guid SavedSearchId);

public static class UnsubscribeEndpoint
{
    public const string InvalidLink = "This unsubscribe link is not valid (it was changed or cut short). Turn alerts off from your saved searches instead.";
    public const string ExpiredLink = "This unsubscribe link has expired. Turn alerts off from your saved searches instead.";

    /// <summary>
    /// Turns off the alerts of the saved search the signed token names (anonymous: the token is the proof). Mail
    /// clients call it directly for one-click unsubscribe (RFC 8058, a form body the endpoint does not need); the
    /// SPA's /unsubscribe page calls it after the user confirms. Repeating it is harmless.
    /// </summary>
    [WolverinePost("/api/email/unsubscribe", OperationId = "unsubscribeFromAlerts")]
    [AllowAnonymous, EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]
    [ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status410Gone)]
    [ReadsQuery("token", "The signed unsubscribe token from the alert email's link.")]
    [ProducesResponseType<UnsubscribeResponse>(StatusCodes.Status200OK)]
    public static (IResult, OutgoingMessages) Post(HttpRequest request, EmailLinks links, TimeProvider clock)
    {
        // Read from the query by hand: a bound parameter would make Wolverine expect a JSON body, and mail clients post a form.
        var now = clock.GetUtcNow();
        var (check, claims) = links.Read(request.Query["token"].FirstOrDefault(), LinkPurpose.Unsubscribe, now);
        if (check == LinkCheck.Malformed || !Guid.TryParseExact(claims!.Subject, "N", out var savedSearchId))
            return (ApiProblems.Result(StatusCodes.Status400BadRequest, InvalidLink), []);
        if (check == LinkCheck.Expired) return (ApiProblems.Result(StatusCodes.Status410Gone, ExpiredLink), []);

        return (Results.Ok(new UnsubscribeResponse(savedSearchId)), [new TurnOffSearchAlerts(claims.UserId, savedSearchId, now)]);
    }
}
