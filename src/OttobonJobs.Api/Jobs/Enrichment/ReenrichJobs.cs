using System.Security.Claims;
using Marten;
using OttobonJobs.Api.Access;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Enrichment;

/// <summary>One job (job_id) or, when left out, every job whose enrichment is not complete.</summary>
public record ReenrichJobs(Guid? JobId);

public record ReenrichmentQueued(int Queued, string Message);

public static class ReenrichJobsEndpoint
{
    [WolverinePost("/api/admin/jobs/reenrich", OperationId = "reenrichJobs")]
    [RequireRole(Role.Admin)]
    public static async Task<IResult> Post(
        ReenrichJobs command, ClaimsPrincipal user, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        List<Guid> jobIds;
        if (command.JobId is { } jobId)
        {
            var job = await session.LoadAsync<JobDetails>(jobId, cancellationToken);
            if (job is null) return JobAccess.NotFoundResult();
            jobIds = [jobId];
        }
        else
        {
            jobIds = (await session.Query<JobDetails>()
                .Where(j => j.Status != JobStatus.Archived && j.EnrichmentStatus != EnrichmentStatus.Enriched)
                .Select(j => j.Id).ToListAsync(cancellationToken)).ToList();
        }

        foreach (var id in jobIds)
        {
            session.Events.Append(id, new JobReenrichmentRequested(user.UserId(), clock.GetUtcNow()));
            // A job that is already enriched for its description is skipped by the handler unless forced.
            await bus.PublishAsync(new EnrichJob(id, Force: command.JobId is not null));
        }

        return Results.Json(new ReenrichmentQueued(jobIds.Count, $"Queued {jobIds.Count} job(s) for enrichment."),
            statusCode: StatusCodes.Status202Accepted);
    }
}
