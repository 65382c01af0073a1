using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Projections.Jobs;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Browsing;

public static class JobDetailsEndpoint
{
    /// <summary>A job that is not active is 404 to everyone but its owner and admins.</summary>
    [WolverineGet("/api/jobs/{id}/details", OperationId = "jobDetails")]
    [AllowAnonymous]
    [ProducesResponseType<JobDetailsResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var job = await session.LoadAsync<JobDetails>(id, cancellationToken);
        return job is not null && JobAccess.CanSee(job, user)
            ? Results.Ok(JobDetailsResponse.From(job))
            : JobAccess.NotFoundResult();
    }
}
