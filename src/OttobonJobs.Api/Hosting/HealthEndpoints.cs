using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Wolverine.Http;

namespace OttobonJobs.Api.Hosting;

public record HealthResponse(string Status, string Service);

public static class HealthEndpoints
{
    public const string ServiceName = "jobs.ottobon.cloud";

    /// <summary>Liveness: the process is up and answering.</summary>
    [WolverineGet("/api/health", OperationId = "health")]
    [WithoutDatabase]
    public static HealthResponse Get() => new("ok", ServiceName);

    /// <summary>Readiness: the database answers too. 503 while it does not.</summary>
    [WolverineGet("/api/health/ready", OperationId = "readiness")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> GetReady(HealthCheckService checks, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        return report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
            ? Results.Ok(new HealthResponse("ready", ServiceName))
            : ApiProblems.Result(StatusCodes.Status503ServiceUnavailable, "The database is not reachable right now.");
    }
}

public class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable", e);
        }
    }
}
