using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Ingestion;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Ingestion;

public record RunCancelled(Guid RunId, string Status, string Message);

public static class CancelIngestionRunEndpoint
{
    /// <summary>
    /// Cancels a run that has not finished: the run and its running sources are marked cancelled and their leases
    /// released in one transaction, so the sources can run again at once; a scrape in progress notices at its next
    /// lease renewal and stops, and batches it had queued are ignored.
    /// </summary>
    [WolverinePost("/api/admin/ingest/runs/{runId}/cancel", OperationId = "cancelIngestionRun")]
    [RequireRole(Role.Admin)]
    [Emits(typeof(IngestionRunCancelled))]
    [ProducesResponseType<RunCancelled>(StatusCodes.Status200OK)]
    public static (IResult, Events, IMartenOp) Post(
        Guid runId,
        [WriteAggregate(nameof(runId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] IngestionRun? run,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var decision = IngestionDecisions.Cancel(run, user.Actor(), clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return (refusal.ToResult(), [], MartenOps.Nothing());

        return (Results.Ok(new RunCancelled(runId, SourceRunStatus.Cancelled, "The run was cancelled; its sources can run again.")),
            new Events(decision.Events),
            MartenOps.DeleteWhere<SourceLease>(lease => lease.RunId == runId));
    }
}
