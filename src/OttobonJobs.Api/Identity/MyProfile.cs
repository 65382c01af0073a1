using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Projections.Resumes;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Identity;

/// <summary>A partial update: fields left out (null) keep their value; an empty phone or location clears it.</summary>
public record UpdateMyProfile(
    [property: MaxLength(ProfileRules.MaxFullNameLength)] string? FullName,
    [property: MaxLength(ProfileRules.MaxPhoneLength)] string? Phone,
    [property: MaxLength(ProfileRules.MaxLocationLength)] string? Location);

public static class GetMyProfileEndpoint
{
    /// <summary>
    /// The caller's profile; its ETag is the user stream's version, to send back as If-Match when editing.
    /// <c>has_resume</c> says whether GET /api/users/me/resume has anything to show, so clients need not ask for nothing.
    /// </summary>
    [WolverineGet("/api/users/me", OperationId = "getMyProfile")]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    [Authorize]
    [ProducesResponseType<UserProfileResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<UserAccount>(user.UserId(), cancellationToken);
        if (account is null or { ErasedAt: not null }) return ApiProblems.Result(StatusCodes.Status404NotFound, UserDecisions.NoSuchAccount);

        var resume = await session.LoadAsync<SeekerResume>(account.Id, cancellationToken);
        response.SetETag(account.StreamVersion);
        return Results.Ok(UserProfileResponse.From(account, hasResume: resume is not null));
    }
}

public static class UpdateMyProfileEndpoint
{
    public static ProblemDetails Validate(UpdateMyProfile command, HttpRequest request)
    {
        var problem =
            (command.FullName is not null ? ProfileRules.CheckFullName(command.FullName) : null)
            ?? ProfileRules.CheckPhone(command.Phone)
            ?? ProfileRules.CheckLocation(command.Location);
        if (problem is not null) return ApiProblems.Validation(problem);
        return request.IfMatch().IsMalformed ? ApiProblems.Problem(StatusCodes.Status400BadRequest, StreamVersions.Malformed) : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Edits the caller's profile. The stream is the caller's own (its id is the token's subject); with If-Match, an
    /// edit made from an older version is refused with 412 naming the current one.
    /// </summary>
    [WolverinePatch("/api/users/me", OperationId = "updateMyProfile")]
    [AcceptsIfMatch]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    [Authorize]
    [ProducesResponseType<UserProfileResponse>(StatusCodes.Status200OK)]
    [Emits(typeof(UserProfileUpdated))]
    public static (IResult, Events) Patch(
        UpdateMyProfile command,
        [WriteAggregate(FromClaim = CurrentUser.UserIdClaim, Required = false)] User? me,
        ClaimsPrincipal user, HttpRequest request, HttpResponse response, TimeProvider clock)
    {
        var decision = UserDecisions.UpdateProfile(
            me, new UpdateProfile(command.FullName, command.Phone, command.Location, request.IfMatch().Version), user.Actor(), clock.GetUtcNow());
        if (decision.Refusal is { } refusal)
        {
            if (me is not null && refusal.Kind == RefusalKind.StaleVersion) response.SetETag(me.Version);
            return (refusal.ToResult(), []);
        }

        var updated = decision.Events.Aggregate(me!, (state, e) => User.Evolve(state, e)!);
        response.SetETag(me!.Version + decision.Events.Count);
        return (Results.Ok(UserProfileResponse.From(updated)), new Events(decision.Events));
    }
}
