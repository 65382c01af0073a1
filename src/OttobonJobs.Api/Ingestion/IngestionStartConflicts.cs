using Marten;
using Microsoft.AspNetCore.Diagnostics;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Ingestion;

/// <summary>
/// Two triggers that raced for the same source: the loser's lease insert (or update of an expired lease) fails at
/// commit. It answers the 409 a trigger gets when the source is known to be running, naming the winner's run.
/// Runs before the catch-all <see cref="UnhandledExceptionHandler"/>.
/// </summary>
public class IngestionStartConflicts(IDocumentStore store, CareerSites sites, TimeProvider clock) : IExceptionHandler
{
    private static readonly HashSet<string> Triggers = ["api/admin/ingest/all", "api/admin/ingest/trigger", "api/admin/ingest/{source}"];

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has cleared the request's endpoint by now; the feature keeps the one that failed.
        var failed = context.Features.Get<IExceptionHandlerFeature>();
        var route = (failed?.Endpoint as RouteEndpoint)?.RoutePattern.RawText?.TrimStart('/');
        if (route is null || !Triggers.Contains(route) || !WriteConflicts.IsConflict(exception)) return false;

        var asked = failed?.RouteValues?["source"] as string ?? context.Request.Query["scraper_name"].ToString();
        var sources = string.IsNullOrWhiteSpace(asked) ? sites.Names() : sites.Find(asked) is { } one ? [one.SourceName] : sites.Names();
        await using var session = store.QuerySession();
        var now = clock.GetUtcNow();
        var running = (await session.LoadManyAsync<SourceLease>(cancellationToken, sources.ToArray())).FirstOrDefault(l => !l.HasExpiredAt(now));

        var problem = running is null
            ? ApiProblems.Problem(StatusCodes.Status409Conflict, "Another trigger started a run for these sources at the same moment.")
            : TriggerIngestionEndpoints.AlreadyRunningProblem(running.Id, running.RunId);
        await Results.Problem(problem).ExecuteAsync(context);
        return true;
    }
}
