using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Ingestion;
using Wolverine.Http;

namespace OttobonJobs.Api.Ingestion;

public record RunAccepted(string Message, Guid RunId, string Status);

/// <summary>Admins start runs by hand: all sources, or one. A source already running answers 409 with that run's id.</summary>
public static class TriggerIngestionEndpoints
{
    [WolverinePost("/api/admin/ingest/all", OperationId = "ingestAll")]
    [RequireRole(Role.Admin)]
    public static async Task<IResult> PostAll(
        IngestionRuns runs, CareerSites sites, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Respond(await runs.StartAsync(sites.Names(), RunTrigger.Admin, user.UserId(), cancellationToken));

    [WolverinePost("/api/admin/ingest/trigger", OperationId = "ingestTrigger")]
    [RequireRole(Role.Admin)]
    public static Task<IResult> PostTrigger(
        [FromQuery(Name = "scraper_name")] string? scraperName, IngestionRuns runs, CareerSites sites,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(scraperName)
            ? PostAll(runs, sites, user, cancellationToken)
            : StartOne(scraperName, runs, sites, user, cancellationToken);

    [WolverinePost("/api/admin/ingest/{source}", OperationId = "ingestSource")]
    [RequireRole(Role.Admin)]
    public static Task<IResult> PostSource(
        string source, IngestionRuns runs, CareerSites sites, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        StartOne(source, runs, sites, user, cancellationToken);

    private static async Task<IResult> StartOne(
        string source, IngestionRuns runs, CareerSites sites, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scraper = sites.Find(source);
        if (scraper is null)
            return ApiProblems.Result(StatusCodes.Status404NotFound,
                $"Unknown source '{source}'. Known sources: {string.Join(", ", sites.Names())}.");
        return Respond(await runs.StartAsync([scraper.SourceName], RunTrigger.Admin, user.UserId(), cancellationToken));
    }

    private static IResult Respond(RunStart start) => start switch
    {
        RunStart.Started started => Results.Json(
            new RunAccepted("Ingestion started.", started.RunId, "processing_in_background"), statusCode: StatusCodes.Status202Accepted),
        RunStart.AlreadyRunning running => Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
            Detail = $"A run for {running.Source} is already in progress.",
            Extensions = { ["run_id"] = running.RunId, ["source"] = running.Source },
        }),
        _ => throw new InvalidOperationException(),
    };
}

/// <summary>The nightly run's message, fired by Wolverine's recurring schedule on one node of the cluster.</summary>
public record StartScheduledIngestion;

public static class StartScheduledIngestionHandler
{
    public static async Task Handle(
        StartScheduledIngestion _, IngestionRuns runs, CareerSites sites, ILogger<StartScheduledIngestion> logger,
        CancellationToken cancellationToken)
    {
        var start = await runs.StartAsync(sites.Names(), RunTrigger.Scheduled, null, cancellationToken);
        if (start is RunStart.AlreadyRunning running)
            logger.LogWarning("Skipped the scheduled ingestion: {Source} is still running in run {RunId}.", running.Source, running.RunId);
    }
}
