using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Projections.Jobs;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Browsing;

public static class JobDetailsEndpoint
{
    /// <summary>
    /// A job that is not active is 404 to everyone but its owner and admins. The ETag is the job stream's version: send
    /// it back as If-Match when editing or archiving the job.
    /// </summary>
    [WolverineGet("/api/jobs/{id}/details", OperationId = "jobDetails")]
    [AllowAnonymous]
    [ProducesResponseType<JobDetailsResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var job = await session.LoadAsync<JobDetails>(id, cancellationToken);
        if (job is null || !JobAccess.CanSee(job, user)) return JobAccess.NotFoundResult();
        response.SetETag(job.StreamVersion);
        return Results.Ok(JobDetailsResponse.From(job));
    }
}
