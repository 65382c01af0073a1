using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Browsing;

public static class AdminJobListEndpoint
{
    public static ProblemDetails Validate(int? skip, int? limit) =>
        skip < 0 ? ApiProblems.Validation("skip must be 0 or more.")
        : limit is < 1 or > JobFeedEndpoint.MaxLimit ? ApiProblems.Validation($"limit must be between 1 and {JobFeedEndpoint.MaxLimit}.")
        : WolverineContinue.NoProblems;

    /// <summary>Every job in any state, for admins: including the ones whose enrichment failed.</summary>
    [WolverineGet("/api/admin/jobs", OperationId = "adminJobs")]
    [RequireRole(Role.Admin)]
    public static async Task<JobPage<JobDetailsResponse>> Get(
        IQuerySession session, int? skip, int? limit, string? status,
        [FromQuery(Name = "enrichment_status")] string? enrichmentStatus, string? q,
        CancellationToken cancellationToken)
    {
        var (from, take) = (skip ?? 0, limit ?? 20);
        var query = session.Query<JobDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(status)) query = query.Where(j => j.Status == status);
        if (!string.IsNullOrWhiteSpace(enrichmentStatus)) query = query.Where(j => j.EnrichmentStatus == enrichmentStatus);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(j => j.Title.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase));

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(j => j.CreatedAt).Skip(from).Take(take).ToListAsync(cancellationToken);
        return new JobPage<JobDetailsResponse>(page.Select(JobDetailsResponse.From).ToList(), total, from, take);
    }
}

public record JobStatusCounts(int Processing, int Active, int Archived);

/// <summary><c>ai_calls_saved</c> counts the jobs that copied an identical description's enrichment instead of calling the AI.</summary>
public record JobStats(int TotalJobs, JobStatusCounts ByStatus, int EnrichmentFailed, int AiCallsMade, int AiCallsSaved);

public static class AdminJobStatsEndpoint
{
    [WolverineGet("/api/admin/jobs/stats", OperationId = "adminJobStats")]
    [RequireRole(Role.Admin)]
    public static async Task<JobStats> Get(IQuerySession session, CancellationToken cancellationToken)
    {
        var jobs = session.Query<JobDetails>();
        var processing = await jobs.CountAsync(j => j.Status == JobStatus.Processing, cancellationToken);
        var active = await jobs.CountAsync(j => j.Status == JobStatus.Active, cancellationToken);
        var archived = await jobs.CountAsync(j => j.Status == JobStatus.Archived, cancellationToken);
        var failed = await jobs.CountAsync(j => j.EnrichmentStatus == EnrichmentStatus.Failed, cancellationToken);
        var made = await session.Events.QueryRawEventDataOnly<JobEnriched>().CountAsync(cancellationToken);
        var saved = await session.Events.QueryRawEventDataOnly<JobDeduplicated>().CountAsync(cancellationToken);
        return new JobStats(processing + active + archived, new JobStatusCounts(processing, active, archived), failed, made, saved);
    }
}
