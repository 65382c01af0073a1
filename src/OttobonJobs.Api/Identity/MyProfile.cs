using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using Wolverine.Http;

namespace OttobonJobs.Api.Identity;

/// <summary>A partial update: fields left out (null) keep their value; an empty phone or location clears it.</summary>
public record UpdateMyProfile(string? FullName, string? Phone, string? Location);

public static class GetMyProfileEndpoint
{
    [WolverineGet("/api/users/me", OperationId = "getMyProfile")]
    [Authorize]
    [ProducesResponseType<UserProfileResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<UserAccount>(user.UserId(), cancellationToken);
        return account is null
            ? ApiProblems.Result(StatusCodes.Status404NotFound, "This account no longer exists.")
            : Results.Ok(UserProfileResponse.From(account));
    }

}

public static class UpdateMyProfileEndpoint
{
    public static ProblemDetails Validate(UpdateMyProfile command)
    {
        var problem =
            (command.FullName is not null ? ProfileRules.CheckFullName(command.FullName) : null)
            ?? ProfileRules.CheckPhone(command.Phone)
            ?? ProfileRules.CheckLocation(command.Location);
        return problem is null ? WolverineContinue.NoProblems : ApiProblems.Validation(problem);
    }

    [WolverinePatch("/api/users/me", OperationId = "updateMyProfile")]
    [Authorize]
    [ProducesResponseType<UserProfileResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Patch(
        UpdateMyProfile command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<User>(user.UserId(), cancellationToken);
        if (stream.Aggregate is not { } current)
            return ApiProblems.Result(StatusCodes.Status404NotFound, "This account no longer exists.");

        stream.AppendOne(new UserProfileUpdated(
            FullName: command.FullName?.Trim() ?? current.FullName,
            Phone: command.Phone is null ? current.Phone : Blank(command.Phone),
            Location: command.Location is null ? current.Location : Blank(command.Location),
            UpdatedAt: clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);

        var account = await session.LoadAsync<UserAccount>(current.Id, cancellationToken);
        return Results.Ok(UserProfileResponse.From(account!));
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
