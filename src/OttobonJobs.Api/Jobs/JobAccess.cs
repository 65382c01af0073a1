using System.Security.Claims;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;

namespace OttobonJobs.Api.Jobs;

/// <summary>
/// Who may see and change a job, in one place (the original product did this with row-level security):
/// everyone sees active jobs; owners and admins also see their processing, failed and archived ones.
/// Who may change a job is a rule of the job itself (<see cref="JobDecisions.CheckManageable"/>).
/// </summary>
public static class JobAccess
{
    public static bool CanSee(JobDetails job, ClaimsPrincipal user) =>
        job.Status == JobStatus.Active || IsManager(job.OwnerId, user);

    public static IResult NotFoundResult() => ApiProblems.Result(StatusCodes.Status404NotFound, JobDecisions.NoSuchJob);

    private static bool IsManager(Guid? ownerId, ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (ownerId is { } owner ? user.CanManage(owner) : user.IsAdmin());
}
