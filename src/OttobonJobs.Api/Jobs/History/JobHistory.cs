using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Jobs;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.History;

public record StreamEvent(long Version, long Sequence, string Type, DateTimeOffset Timestamp, object Data);

/// <summary>Admins replay a job: every event in order, and the job as it was at any version or moment.</summary>
public static class JobHistoryEndpoints
{
    [WolverineGet("/api/admin/jobs/{id}/history", OperationId = "jobHistory")]
    [RequireRole(Role.Admin)]
    public static async Task<IResult> GetHistory(Guid id, IQuerySession session, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        return events.Count == 0
            ? JobAccess.NotFoundResult()
            : Results.Ok(events.Select(e => new StreamEvent(e.Version, e.Sequence, e.EventTypeName, e.Timestamp, e.Data)).ToList());
    }
}

public static class JobStateEndpoint
{
    public static ProblemDetails Validate(int? version, DateTimeOffset? at) =>
        version is not null && at is not null ? ApiProblems.Validation("Give either version or at, not both.")
        : version is < 1 ? ApiProblems.Validation("version starts at 1.")
        : WolverineContinue.NoProblems;

    [WolverineGet("/api/admin/jobs/{id}/state", OperationId = "jobStateAt")]
    [RequireRole(Role.Admin)]
    public static async Task<IResult> GetState(
        Guid id, int? version, DateTimeOffset? at, IQuerySession session, CancellationToken cancellationToken)
    {
        var state = at is not null
            ? await session.Events.AggregateStreamAsync<JobDetails>(id, timestamp: at.Value, token: cancellationToken)
            : await session.Events.AggregateStreamAsync<JobDetails>(id, version: version ?? 0, token: cancellationToken);
        return state is null ? JobAccess.NotFoundResult() : Results.Ok(JobDetailsResponse.From(state));
    }
}
