using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Projections.Jobs;
using Pgvector;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Search;

public record SearchHit(JobFeedItemResponse Job, double Score, double? KeywordScore, double? SemanticScore);
public record SearchResults(string Query, IReadOnlyList<SearchHit> Items);

/// <summary>
/// Hybrid search over active jobs: PostgreSQL full text (title, skills, company, description) and semantic
/// nearest neighbours of the query's embedding through the HNSW index, merged by reciprocal rank fusion —
/// a job's score is Σ 1/(60 + rank) over the two rankings, so agreeing lists win and neither scale dominates.
/// </summary>
public static class JobSearchEndpoint
{
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 300;

    // Each ranking looks this many candidates deep before fusion.
    private const int CandidatesPerRanking = 50;
    private const int RankOffset = 60;

    public static ProblemDetails Validate(string? q, int? limit) =>
        string.IsNullOrWhiteSpace(q) ? ApiProblems.Validation("q is required.")
        : q.Length > MaxQueryLength ? ApiProblems.Validation($"q must be at most {MaxQueryLength} characters.")
        : limit is < 1 or > MaxLimit ? ApiProblems.Validation($"limit must be between 1 and {MaxLimit}.")
        : WolverineContinue.NoProblems;

    [WolverineGet("/api/jobs/search", OperationId = "searchJobs")]
    [AllowAnonymous]
    public static async Task<SearchResults> Get(
        [MaxLength(MaxQueryLength)] string q, int? limit, NpgsqlDataSource dataSource, QueryEmbeddings embeddings, IQuerySession session,
        CancellationToken cancellationToken)
    {
        var query = q.Trim();
        var vector = await embeddings.EmbedAsync(query, cancellationToken);
        var ranked = await RankAsync(dataSource, query, vector, embeddings.Model, limit ?? 10, cancellationToken);

        var items = await session.LoadManyAsync<JobFeedItem>(cancellationToken, ranked.Select(r => r.JobId).ToArray());
        var byId = items.ToDictionary(i => i.Id);
        var hits = ranked.Where(r => byId.ContainsKey(r.JobId))
            .Select(r => new SearchHit(JobFeedItemResponse.From(byId[r.JobId]), r.Score, r.KeywordScore, r.SemanticScore))
            .ToList();
        return new SearchResults(query, hits);
    }

    private record Ranked(Guid JobId, double Score, double? KeywordScore, double? SemanticScore);

    private static async Task<List<Ranked>> RankAsync(
        NpgsqlDataSource dataSource, string query, float[] vector, string model, int limit, CancellationToken cancellationToken)
    {
        var table = $"{EventStoreSetup.MartenSchema}.{JobSearchIndexProjection.TableName}";
        var sql = $"""
            WITH keyword AS (
                SELECT job_id, ts_rank_cd(search_text, query) AS score,
                       row_number() OVER (ORDER BY ts_rank_cd(search_text, query) DESC) AS rank
                FROM {table}, websearch_to_tsquery('english', @query) AS query
                WHERE active AND search_text @@ query
                ORDER BY score DESC
                LIMIT @candidates
            ),
            nearest AS (
                SELECT job_id, embedding <=> @vector AS distance
                FROM {table}
                WHERE active AND embedding IS NOT NULL AND embedding_model = @model
                ORDER BY embedding <=> @vector
                LIMIT @candidates
            ),
            semantic AS (
                SELECT job_id, 1 - distance AS similarity, row_number() OVER (ORDER BY distance) AS rank FROM nearest
            )
            SELECT coalesce(k.job_id, s.job_id) AS job_id,
                   coalesce(1.0 / ({RankOffset} + k.rank), 0) + coalesce(1.0 / ({RankOffset} + s.rank), 0) AS score,
                   k.score AS keyword_score, s.similarity AS semantic_score
            FROM keyword k FULL OUTER JOIN semantic s ON k.job_id = s.job_id
            ORDER BY score DESC, semantic_score DESC NULLS LAST
            LIMIT @limit
            """;

        await using var command = dataSource.CreateCommand(JobSearchIndexProjection.NearestNeighbourSettings + sql);
        command.Parameters.AddWithValue("query", query);
        command.Parameters.AddWithValue("vector", new Vector(vector));
        // Distances between vectors of different models mean nothing: after a model switch, jobs not yet
        // re-embedded are found by their words only.
        command.Parameters.AddWithValue("model", model);
        command.Parameters.AddWithValue("candidates", CandidatesPerRanking);
        command.Parameters.AddWithValue("limit", limit);

        var results = new List<Ranked>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new Ranked(
                reader.GetGuid(0), reader.GetDouble(1),
                reader.IsDBNull(2) ? null : reader.GetFloat(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3)));
        }
        return results;
    }
}
