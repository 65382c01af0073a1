using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Projections.Ingestion;
using Wolverine.Http;

namespace OttobonJobs.Api.Ingestion;

/// <summary>A source and the platform its site runs on ("avature", "workday", "oracle-hcm", "greenhouse", "lever", "ashby", "successfactors").</summary>
public record SourceOverview(string SourceName, string CompanyName, string Platform, ScrapingLog? LastRun, bool Running);
public record DailyNewJobs(DateOnly Day, string SourceName, int JobsNew);

public static class IngestionLogEndpoints
{
    public static ProblemDetails Validate(int? limit) =>
        limit is < 1 or > 100 ? ApiProblems.Validation("limit must be between 1 and 100.") : WolverineContinue.NoProblems;

    /// <summary>Past and running runs, newest first, each with its per-source scraping logs.</summary>
    [WolverineGet("/api/admin/ingest/runs", OperationId = "ingestionRuns")]
    [RequireRole(Role.Admin)]
    public static async Task<IReadOnlyList<IngestionRunLog>> GetRuns(IQuerySession session, int? limit, CancellationToken cancellationToken) =>
        await session.Query<IngestionRunLog>().OrderByDescending(r => r.StartedAt).Take(limit ?? 20).ToListAsync(cancellationToken);
}

public static class IngestionRunEndpoint
{
    [WolverineGet("/api/admin/ingest/runs/{runId}", OperationId = "ingestionRun")]
    [ProducesResponseType<IngestionRunLog>(StatusCodes.Status200OK)]
    [RequireRole(Role.Admin)]
    public static async Task<IResult> Get(Guid runId, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<IngestionRunLog>(runId, cancellationToken) is { } run
            ? Results.Ok(run)
            : ApiProblems.Result(StatusCodes.Status404NotFound, "No such ingestion run.");
}

public static class IngestionSourcesEndpoint
{
    /// <summary>Each source with its latest scraping log and whether a run for it is in progress.</summary>
    [WolverineGet("/api/admin/ingest/sources", OperationId = "ingestionSources")]
    [RequireRole(Role.Admin)]
    public static async Task<IReadOnlyList<SourceOverview>> Get(
        IQuerySession session, CareerSites sites, TimeProvider clock, CancellationToken cancellationToken)
    {
        var recent = await session.Query<IngestionRunLog>().OrderByDescending(r => r.StartedAt).Take(100).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // An expired lease no longer blocks a trigger, so its source is not shown as running.
        var locks = (await session.Query<SourceLease>().ToListAsync(cancellationToken)).Where(l => !l.HasExpiredAt(now)).Select(l => l.Id).ToHashSet();
        return sites.All().Select(scraper => new SourceOverview(
                scraper.SourceName,
                scraper.CompanyName,
                scraper.Platform,
                recent.SelectMany(r => r.Sources).FirstOrDefault(s => s.SourceName == scraper.SourceName),
                locks.Contains(scraper.SourceName)))
            .ToList();
    }
}

public static class DailyNewJobsEndpoint
{
    /// <summary>New jobs per source per day over the last <c>days</c> days, for the ingestion chart.</summary>
    [WolverineGet("/api/admin/ingest/daily", OperationId = "ingestionDaily")]
    [RequireRole(Role.Admin)]
    public static async Task<IReadOnlyList<DailyNewJobs>> Get(IQuerySession session, TimeProvider clock, int? days, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-Math.Clamp(days ?? 14, 1, 90));
        var runs = await session.Query<IngestionRunLog>().Where(r => r.StartedAt >= since).ToListAsync(cancellationToken);
        return runs.SelectMany(r => r.Sources)
            .Where(s => s.Status != SourceRunStatus.Running)
            .GroupBy(s => (Day: DateOnly.FromDateTime(s.StartedAt.UtcDateTime), s.SourceName))
            .Select(g => new DailyNewJobs(g.Key.Day, g.Key.SourceName, g.Sum(s => s.JobsNew)))
            .OrderBy(d => d.Day).ThenBy(d => d.SourceName)
            .ToList();
    }
}
