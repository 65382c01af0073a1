using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Projections.Jobs;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Search;

/// <summary>An active job like the one on the page; <see cref="Similarity"/> is the cosine of the two descriptions' embeddings.</summary>
public record SimilarJob(JobFeedItemResponse Job, double Similarity);

public static class SimilarJobsEndpoint
{
    public const int MaxLimit = 20;

    // Nearest neighbours read before damping, per job shown: enough that a company's many copies of one role cannot
    // fill the list on their own.
    private const int CandidatesPerResult = 4;

    /// <summary>Each earlier pick from the same company multiplies a job's similarity by this (one firm's ten city copies of a role).</summary>
    private const double SameCompanyDamping = 0.85;

    public static ProblemDetails Validate(int? limit) =>
        limit is < 1 or > MaxLimit ? ApiProblems.Validation($"limit must be between 1 and {MaxLimit}.") : WolverineContinue.NoProblems;

    /// <summary>
    /// The active jobs nearest to this one by their embeddings (HNSW), itself left out, a company's further postings
    /// damped so one firm does not fill the list. Visible to whoever can see the job; empty until the job is embedded.
    /// </summary>
    [WolverineGet("/api/jobs/{id}/similar", OperationId = "similarJobs")]
    [AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<SimilarJob>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        Guid id, int? limit, ClaimsPrincipal user, IQuerySession session, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var job = await session.LoadAsync<JobDetails>(id, cancellationToken);
        if (job is null || !JobAccess.CanSee(job, user)) return JobAccess.NotFoundResult();

        var count = limit ?? 6;
        var nearest = await NearestAsync(dataSource, id, count * CandidatesPerResult, cancellationToken);
        var items = await session.LoadManyAsync<JobFeedItem>(cancellationToken, nearest.Select(n => n.JobId).ToArray());
        var byId = items.ToDictionary(i => i.Id);

        var picked = new List<SimilarJob>();
        var remaining = nearest.Where(n => byId.ContainsKey(n.JobId)).ToList();
        while (picked.Count < count && remaining.Count > 0)
        {
            var next = remaining.MaxBy(n => Damped(n.Similarity, byId[n.JobId].CompanyKey, picked));
            remaining.Remove(next);
            picked.Add(new SimilarJob(JobFeedItemResponse.From(byId[next.JobId]), Math.Round(next.Similarity, 4)));
        }
        return Results.Ok(picked);
    }

    private static double Damped(double similarity, string company, List<SimilarJob> picked) =>
        similarity * Math.Pow(SameCompanyDamping, picked.Count(p => p.Job.CompanyName.Equals(company, StringComparison.OrdinalIgnoreCase)));

    private static async Task<List<(Guid JobId, double Similarity)>> NearestAsync(
        NpgsqlDataSource dataSource, Guid id, int candidates, CancellationToken cancellationToken)
    {
        var table = $"{EventStoreSetup.MartenSchema}.{JobSearchIndexProjection.TableName}";
        // The job's vector is read first so the ORDER BY compares against a constant and can use the HNSW index.
        await using var command = dataSource.CreateCommand(JobSearchIndexProjection.NearestNeighbourSettings +
            $"""
             SELECT n.job_id, 1 - n.distance
             FROM (SELECT embedding, embedding_model FROM {table} WHERE job_id = @id AND embedding IS NOT NULL) j
             CROSS JOIN LATERAL (
                 SELECT job_id, embedding <=> j.embedding AS distance FROM {table}
                 WHERE active AND job_id <> @id AND embedding IS NOT NULL AND embedding_model = j.embedding_model
                 ORDER BY embedding <=> j.embedding
                 LIMIT @candidates) n
             ORDER BY n.distance
             """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("candidates", candidates);
        var results = new List<(Guid, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) results.Add((reader.GetGuid(0), reader.GetDouble(1)));
        return results;
    }
}
