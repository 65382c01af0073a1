using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Ingestion;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Ingestion;

public record RunAccepted(string Message, Guid RunId, string Status);

/// <summary>Admins start runs by hand: all sources, or one. A source already running answers 409 with that run's id.</summary>
public static class TriggerIngestionEndpoints
{
    [WolverinePost("/api/admin/ingest/all", OperationId = "ingestAll")]
    [RequireRole(Role.Admin)]
    [Emits(typeof(IngestionRunStarted))]
    [ProducesResponseType<RunAccepted>(StatusCodes.Status202Accepted)]
    public static async Task<(IResult, IEnumerable<IMartenOp>, OutgoingMessages)> PostAll(
        IDocumentSession session, CareerSites sites, ClaimsPrincipal user, IngestionNode node, IOptions<IngestionSettings> settings,
        TimeProvider clock, CancellationToken cancellationToken) =>
        Respond(await StartIngestion.PlanAsync(session, sites.Names(), RunTrigger.Admin, user.UserId(), node, settings.Value, clock, cancellationToken));

    [WolverinePost("/api/admin/ingest/trigger", OperationId = "ingestTrigger")]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    [RequireRole(Role.Admin)]
    [Emits(typeof(IngestionRunStarted))]
    [ProducesResponseType<RunAccepted>(StatusCodes.Status202Accepted)]
    public static Task<(IResult, IEnumerable<IMartenOp>, OutgoingMessages)> PostTrigger(
        [FromQuery(Name = "scraper_name")] string? scraperName, IDocumentSession session, CareerSites sites, ClaimsPrincipal user,
        IngestionNode node, IOptions<IngestionSettings> settings, TimeProvider clock, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(scraperName)
            ? PostAll(session, sites, user, node, settings, clock, cancellationToken)
            : StartOne(scraperName, session, sites, user, node, settings, clock, cancellationToken);

    [WolverinePost("/api/admin/ingest/{source}", OperationId = "ingestSource")]
    [RequireRole(Role.Admin)]
    [Emits(typeof(IngestionRunStarted))]
    [ProducesResponseType<RunAccepted>(StatusCodes.Status202Accepted)]
    public static Task<(IResult, IEnumerable<IMartenOp>, OutgoingMessages)> PostSource(
        string source, IDocumentSession session, CareerSites sites, ClaimsPrincipal user, IngestionNode node,
        IOptions<IngestionSettings> settings, TimeProvider clock, CancellationToken cancellationToken) =>
        StartOne(source, session, sites, user, node, settings, clock, cancellationToken);

    private static async Task<(IResult, IEnumerable<IMartenOp>, OutgoingMessages)> StartOne(
        string source, IDocumentSession session, CareerSites sites, ClaimsPrincipal user, IngestionNode node,
        IOptions<IngestionSettings> settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (sites.Find(source) is not { } scraper)
            return (ApiProblems.Result(StatusCodes.Status404NotFound,
                $"Unknown source '{source}'. Known sources: {string.Join(", ", sites.Names())}."), [], new OutgoingMessages());
        return Respond(await StartIngestion.PlanAsync(session, [scraper.SourceName], RunTrigger.Admin, user.UserId(), node, settings.Value, clock, cancellationToken));
    }

    private static (IResult, IEnumerable<IMartenOp>, OutgoingMessages) Respond(IngestionStartPlan plan) => plan.Outcome switch
    {
        RunStart.Started started => (Results.Json(
                new RunAccepted("Ingestion started.", started.Event.RunId, "processing_in_background"), statusCode: StatusCodes.Status202Accepted),
            plan.Changes, plan.Messages),
        RunStart.Refused { Running: { } running } => (AlreadyRunning(running.Id, running.RunId), [], plan.Messages),
        RunStart.Refused refused => (refused.Refusal.ToResult(), [], plan.Messages),
        _ => throw new InvalidOperationException($"Unexpected start outcome {plan.Outcome}."),
    };

    /// <summary>The 409 a trigger gets while a source runs, naming the run so the page can show it.</summary>
    public static IResult AlreadyRunning(string source, Guid runId) => Results.Problem(AlreadyRunningProblem(source, runId));

    public static ProblemDetails AlreadyRunningProblem(string source, Guid runId)
    {
        var problem = ApiProblems.Problem(StatusCodes.Status409Conflict, $"A run for {source} is already in progress.");
        problem.Extensions["run_id"] = runId;
        problem.Extensions["source"] = source;
        return problem;
    }
}

/// <summary>The nightly run's message, fired by Wolverine's recurring schedule on one node of the cluster.</summary>
public record StartScheduledIngestion;

public static class StartScheduledIngestionHandler
{
    [Emits(typeof(IngestionRunStarted))]
    public static async Task<(IEnumerable<IMartenOp>, OutgoingMessages)> Handle(
        StartScheduledIngestion _, IDocumentSession session, CareerSites sites, IngestionNode node, IOptions<IngestionSettings> settings,
        TimeProvider clock, ILogger<StartScheduledIngestion> logger, CancellationToken cancellationToken)
    {
        var plan = await StartIngestion.PlanAsync(session, sites.Names(), RunTrigger.Scheduled, null, node, settings.Value, clock, cancellationToken);
        if (plan.Outcome is RunStart.Refused refused)
            logger.LogWarning("Skipped the scheduled ingestion: {Reason} (run {RunId}).", refused.Refusal.Reason, refused.Running?.RunId);
        return (plan.Changes, plan.Messages);
    }
}
