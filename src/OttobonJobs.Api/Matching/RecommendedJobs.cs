using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;
using Wolverine.Http;

namespace OttobonJobs.Api.Matching;

/// <summary>A recommended job: <see cref="Fit"/> is the score every page shows; <see cref="SimilarityScore"/> the raw cosine that found it.</summary>
public record RecommendedJob(JobFeedItemResponse Job, double SimilarityScore, FitSummary Fit);

/// <summary>Without a resume there is nothing to compare with: <c>HasResume</c> is false and the list empty.</summary>
public record RecommendedJobsResponse(bool HasResume, IReadOnlyList<RecommendedJob> Items);

public static class RecommendedJobsEndpoint
{
    public const int MaxLimit = 50;

    // The nearest resumes-to-jobs by vector are the candidates; FitScore (skills and meaning) orders them. Three times
    // the list lets a job with the skills but a slightly farther description climb in.
    private const int CandidatesPerResult = 3;

    public static ProblemDetails Validate(int? limit) =>
        limit is < 1 or > MaxLimit ? ApiProblems.Validation($"limit must be between 1 and {MaxLimit}.") : WolverineContinue.NoProblems;

    /// <summary>
    /// The active jobs that fit the caller's resume best: candidates nearest by vector (HNSW), ordered by their fit
    /// score. A seeker without a resume is a normal case, not an error: 200 with <c>has_resume: false</c> and no items.
    /// </summary>
    [WolverineGet("/api/jobs/recommended", OperationId = "recommendedJobs")]
    [ProducesResponseType<RecommendedJobsResponse>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status422UnprocessableEntity)] // an out-of-range limit
    [RequireRole(Role.Seeker)]
    public static async Task<IResult> Get(
        ClaimsPrincipal user, int? limit, IQuerySession session, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var resume = await session.LoadAsync<SeekerResume>(user.UserId(), cancellationToken);
        if (resume is null) return Results.Ok(new RecommendedJobsResponse(HasResume: false, []));

        var count = limit ?? 10;
        var nearest = await Nearest(dataSource, resume, count * CandidatesPerResult, cancellationToken);
        var items = await session.LoadManyAsync<JobFeedItem>(cancellationToken, nearest.Select(n => n.JobId).ToArray());
        var byId = items.ToDictionary(i => i.Id);
        var fits = await JobFits.ScoreAsync(dataSource, resume, items.ToDictionary(i => i.Id, i => i.SkillsRequired), cancellationToken);
        return Results.Ok(new RecommendedJobsResponse(HasResume: true, nearest.Where(n => byId.ContainsKey(n.JobId) && fits.ContainsKey(n.JobId))
            .Select(n => new RecommendedJob(JobFeedItemResponse.From(byId[n.JobId]), Math.Round(n.Similarity, 4), FitSummary.From(fits[n.JobId])))
            .OrderByDescending(r => r.Fit.Score).ThenByDescending(r => r.SimilarityScore)
            .Take(count)
            .ToList()));
    }

    private static async Task<List<(Guid JobId, double Similarity)>> Nearest(
        NpgsqlDataSource dataSource, SeekerResume resume, int limit, CancellationToken cancellationToken)
    {
        var schema = EventStoreSetup.MartenSchema;
        // The resume's vector is read first so the ORDER BY compares against a constant and can use the HNSW index.
        await using var command = dataSource.CreateCommand(JobSearchIndexProjection.NearestNeighbourSettings +
            $"""
             SELECT j.job_id, 1 - (j.embedding <=> r.embedding) AS similarity
             FROM (SELECT embedding, embedding_model FROM {schema}.{ResumeVectorProjection.TableName} WHERE user_id = @user) r
             CROSS JOIN LATERAL (
                 SELECT job_id, embedding FROM {schema}.{JobSearchIndexProjection.TableName}
                 WHERE active AND embedding IS NOT NULL AND embedding_model = r.embedding_model
                 ORDER BY embedding <=> r.embedding
                 LIMIT @limit) j
             ORDER BY similarity DESC
             """);
        command.Parameters.AddWithValue("user", resume.Id);
        command.Parameters.AddWithValue("limit", limit);
        var results = new List<(Guid, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) results.Add((reader.GetGuid(0), reader.GetDouble(1)));
        return results;
    }
}
