using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Marten;
using OttobonJobs.Api.Access;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Jobs.Enrichment;

/// <summary>One job (job_id) or, when left out, every job whose enrichment is not complete.</summary>
public record ReenrichJobs(Guid? JobId);

public record ReenrichmentQueued(int Queued, string Message);

/// <summary>An admin's request to enrich one job again, decided by that job's stream.</summary>
public record RequestJobReenrichment(Guid JobId, Actor RequestedBy, bool Force);

public static class ReenrichJobsEndpoint
{
    /// <summary>
    /// Queues one request per job. The read model only lists the candidates; each job's own stream decides whether
    /// it is reset and enriched (a job enriched or archived in the meantime is left alone).
    /// </summary>
    [WolverinePost("/api/admin/jobs/reenrich", OperationId = "reenrichJobs")]
    [ProducesResponseType<ReenrichmentQueued>(StatusCodes.Status202Accepted)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    [RequireRole(Role.Admin)]
    public static async Task<(IResult, OutgoingMessages)> Post(
        ReenrichJobs command, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        List<Guid> jobIds;
        if (command.JobId is { } jobId)
        {
            if (await session.Events.AggregateStreamAsync<Job>(jobId, token: cancellationToken) is null) return (JobAccess.NotFoundResult(), []);
            jobIds = [jobId];
        }
        else
        {
            jobIds = (await session.Query<JobDetails>()
                .Where(j => j.Status != JobStatus.Archived && j.EnrichmentStatus != EnrichmentStatus.Enriched)
                .Select(j => j.Id).ToListAsync(cancellationToken)).ToList();
        }

        var actor = user.Actor();
        var requests = new OutgoingMessages();
        requests.AddRange(jobIds.Select(id => new RequestJobReenrichment(id, actor, Force: command.JobId is not null)));
        var response = Results.Json(new ReenrichmentQueued(jobIds.Count, $"Queued {jobIds.Count} job(s) for enrichment."),
            statusCode: StatusCodes.Status202Accepted);
        return (response, requests);
    }
}

public static class RequestJobReenrichmentHandler
{
    [Emits(typeof(JobReenrichmentRequested))]
    public static (Events, OutgoingMessages) Handle(
        RequestJobReenrichment command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Job? job, TimeProvider clock, ILogger<RequestJobReenrichment> logger)
    {
        var decision = JobDecisions.RequestReenrichment(job, command.RequestedBy, command.Force, clock.GetUtcNow());
        if (decision.Refusal is { } refusal)
            logger.LogWarning("Re-enrichment of job {JobId} refused: {Reason}", command.JobId, refusal.Reason);
        if (decision.Events.Count == 0) return ([], []);
        return (new Events(decision.Events), [new EnrichJob(command.JobId, command.Force)]);
    }
}
