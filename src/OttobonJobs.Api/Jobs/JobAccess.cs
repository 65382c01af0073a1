using System.Security.Claims;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;

namespace OttobonJobs.Api.Jobs;

/// <summary>
/// Who may see and change a job, in one place (the original product did this with row-level security):
/// everyone sees active jobs; owners and admins also see their processing, failed and archived ones;
/// only the owner or an admin changes a job, and scraped jobs belong to admins.
/// </summary>
public static class JobAccess
{
    private const string NotFound = "No such job.";

    public static bool CanSee(JobDetails job, ClaimsPrincipal user) =>
        job.Status == JobStatus.Active || IsManager(job.OwnerId, user);

    /// <summary>Null when the caller may change the job; otherwise the response to send.</summary>
    public static IResult? Manageable(Job? job, ClaimsPrincipal user)
    {
        if (job is null) return ApiProblems.Result(StatusCodes.Status404NotFound, NotFound);
        if (IsManager(job.OwnerId, user)) return null;
        // Someone else's active job exists for everyone, so say it is not theirs; anything else stays invisible.
        return job.Status == JobStatus.Active
            ? ApiProblems.Result(StatusCodes.Status403Forbidden, "Only the job's owner or an admin can change it.")
            : ApiProblems.Result(StatusCodes.Status404NotFound, NotFound);
    }

    public static IResult NotFoundResult() => ApiProblems.Result(StatusCodes.Status404NotFound, NotFound);

    private static bool IsManager(Guid? ownerId, ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (ownerId is { } owner ? user.CanManage(owner) : user.IsAdmin());
}
