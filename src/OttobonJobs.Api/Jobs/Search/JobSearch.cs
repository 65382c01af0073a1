using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using Pgvector;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Search;

/// <summary>
/// One result. <see cref="Relevance"/> is the plain label (<see cref="SearchRelevance"/>); the raw numbers are kept for
/// debugging: <see cref="Score"/> the fused rank score, <see cref="KeywordScore"/> the full-text rank (null when not
/// every word is in the job), <see cref="SemanticScore"/> the cosine of the query and the job (null without a vector).
/// </summary>
public record SearchHit(
    JobFeedItemResponse Job,
    [property: AllowedValues(SearchRelevance.Strong, SearchRelevance.Good, SearchRelevance.Related)] string Relevance,
    double Score, double? KeywordScore, double? SemanticScore);

/// <summary>
/// What the search read out of the query: <see cref="Text"/> is what was matched by keyword and meaning, the rest are
/// filters. <see cref="WithoutPlace"/> / <see cref="WithoutJobType"/> are the query to send to drop that filter (null
/// when there is none to drop).
/// </summary>
public record SearchUnderstanding(
    string Text, string? Place,
    [property: AllowedValues(JobTypes.Internship, JobTypes.FullTime, JobTypes.PartTime, null)] string? JobType,
    [property: AllowedValues(WorkModes.Remote, WorkModes.Hybrid, WorkModes.OnSite, null)] string? WorkMode,
    string? WithoutPlace, string? WithoutJobType);

/// <summary>
/// One page of results. <see cref="NothingFitsWell"/>: no result on this page is a strong or good match, so the
/// search is worth widening. <see cref="HasMore"/>: ask for <c>page + 1</c>.
/// </summary>
public record SearchResults(
    string Query, SearchUnderstanding Understood, IReadOnlyList<SearchHit> Items, bool NothingFitsWell, int Page, bool HasMore);

/// <summary>
/// Hybrid search over active jobs: PostgreSQL full text (title, skills, company, description) and semantic
/// nearest neighbours of the query's embedding through the HNSW index, merged by reciprocal rank fusion —
/// a job's score is Σ 1/(60 + rank) over the two rankings, so agreeing lists win and neither scale dominates.
/// A place, job type or way of working named in the query (<see cref="SearchQueryReader"/>) filters both rankings.
/// </summary>
public static class JobSearchEndpoint
{
    public const int MaxLimit = 50;
    public const int MaxPage = 10;
    public const int MaxQueryLength = 300;

    // Each ranking looks at least this many candidates deep before fusion (deeper for later pages).
    private const int CandidatesPerRanking = 50;
    private const int RankOffset = 60;

    public static ProblemDetails Validate(string? q, int? limit, int? page) =>
        string.IsNullOrWhiteSpace(q) ? ApiProblems.Validation("q is required.")
        : q.Length > MaxQueryLength ? ApiProblems.Validation($"q must be at most {MaxQueryLength} characters.")
        : limit is < 1 or > MaxLimit ? ApiProblems.Validation($"limit must be between 1 and {MaxLimit}.")
        : page is < 1 or > MaxPage ? ApiProblems.Validation($"page must be between 1 and {MaxPage}.")
        : WolverineContinue.NoProblems;

    [WolverineGet("/api/jobs/search", OperationId = "searchJobs")]
    [AllowAnonymous]
    public static async Task<SearchResults> Get(
        [MaxLength(MaxQueryLength)] string q, int? limit, int? page, NpgsqlDataSource dataSource, QueryEmbeddings embeddings, IQuerySession session,
        CancellationToken cancellationToken)
    {
        var understood = SearchQueryReader.Read(q);
        var pageSize = limit ?? 10;
        var pageNumber = page ?? 1;
        var filters = SearchFilters.Of(understood);

        var ranked = understood.Text.Length == 0
            ? await LatestAsync(dataSource, filters, pageSize, pageNumber, cancellationToken)
            : await RankAsync(dataSource, understood.Text, await embeddings.EmbedAsync(understood.Text, cancellationToken),
                embeddings.Model, filters, pageSize, pageNumber, cancellationToken);
        var hasMore = ranked.Count > pageSize;
        ranked = ranked.Take(pageSize).ToList();

        var items = await session.LoadManyAsync<JobFeedItem>(cancellationToken, ranked.Select(r => r.JobId).ToArray());
        var byId = items.ToDictionary(i => i.Id);
        var hits = ranked.Where(r => byId.ContainsKey(r.JobId))
            .Select(r => new SearchHit(JobFeedItemResponse.From(byId[r.JobId]), Relevance(understood, r), r.Score, r.KeywordScore, r.SemanticScore))
            .ToList();
        var place = understood.Place is { } p ? p.City ?? p.State ?? p.Country : null;
        return new SearchResults(
            understood.Query,
            new SearchUnderstanding(understood.Text, place, understood.JobType, understood.WorkMode, understood.WithoutPlace, understood.WithoutJobType),
            hits, !hits.Any(h => SearchRelevance.FitsWell(h.Relevance)), pageNumber, hasMore);
    }

    // A query that is only filters ("internships in Pune") is fully answered by every job that passes them.
    private static string Relevance(SearchQuery understood, Ranked ranked) =>
        understood.Text.Length == 0 ? SearchRelevance.Strong
        : SearchRelevance.Of(ranked.KeywordScore is not null, ranked.SemanticScore, ranked.BestSemanticScore);

    private record Ranked(Guid JobId, double Score, double? KeywordScore, double? SemanticScore, double? BestSemanticScore);

    private static async Task<List<Ranked>> RankAsync(
        NpgsqlDataSource dataSource, string text, float[] vector, string model, SearchFilters filters, int limit, int page,
        CancellationToken cancellationToken)
    {
        var table = $"{EventStoreSetup.MartenSchema}.{JobSearchIndexProjection.TableName}";
        var sql = $"""
            WITH keyword AS (
                SELECT job_id, ts_rank_cd(search_text, query) AS score,
                       row_number() OVER (ORDER BY ts_rank_cd(search_text, query) DESC) AS rank
                FROM {table} s, websearch_to_tsquery('english', @query) AS query
                WHERE active AND search_text @@ query{filters.Sql}
                ORDER BY score DESC
                LIMIT @candidates
            ),
            nearest AS (
                SELECT job_id, embedding <=> @vector AS distance
                FROM {table} s
                WHERE active AND embedding IS NOT NULL AND embedding_model = @model{filters.Sql}
                ORDER BY embedding <=> @vector
                LIMIT @candidates
            ),
            semantic AS (
                SELECT job_id, 1 - distance AS similarity, row_number() OVER (ORDER BY distance) AS rank FROM nearest
            )
            SELECT coalesce(k.job_id, s.job_id) AS job_id,
                   coalesce(1.0 / ({RankOffset} + k.rank), 0) + coalesce(1.0 / ({RankOffset} + s.rank), 0) AS score,
                   k.score AS keyword_score, s.similarity AS semantic_score,
                   (SELECT max(similarity) FROM semantic) AS best_semantic_score
            FROM keyword k FULL OUTER JOIN semantic s ON k.job_id = s.job_id
            ORDER BY score DESC, semantic_score DESC NULLS LAST, job_id
            LIMIT @limit OFFSET @offset
            """;

        await using var command = dataSource.CreateCommand(JobSearchIndexProjection.NearestNeighbourSettings + sql);
        command.Parameters.AddWithValue("query", text);
        command.Parameters.AddWithValue("vector", new Vector(vector));
        // Distances between vectors of different models mean nothing: after a model switch, jobs not yet
        // re-embedded are found by their words only.
        command.Parameters.AddWithValue("model", model);
        command.Parameters.AddWithValue("candidates", Math.Max(CandidatesPerRanking, page * limit + 1));
        AddPaging(command, filters, limit, page);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Nothing to match but filters: the newest jobs that pass them.</summary>
    private static async Task<List<Ranked>> LatestAsync(
        NpgsqlDataSource dataSource, SearchFilters filters, int limit, int page, CancellationToken cancellationToken)
    {
        var table = $"{EventStoreSetup.MartenSchema}.{JobSearchIndexProjection.TableName}";
        await using var command = dataSource.CreateCommand(
            $"SELECT job_id, 0::float8, NULL::real, NULL::float8, NULL::float8 FROM {table} s WHERE active{filters.Sql} " +
            "ORDER BY created_at DESC, job_id LIMIT @limit OFFSET @offset");
        AddPaging(command, filters, limit, page);
        return await ReadAsync(command, cancellationToken);
    }

    // One row more than the page says whether there is a next one.
    private static void AddPaging(NpgsqlCommand command, SearchFilters filters, int limit, int page)
    {
        command.Parameters.AddWithValue("limit", limit + 1);
        command.Parameters.AddWithValue("offset", (page - 1) * limit);
        foreach (var (name, value) in filters.Parameters) command.Parameters.AddWithValue(name, value);
    }

    private static async Task<List<Ranked>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var results = new List<Ranked>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new Ranked(
                reader.GetGuid(0), reader.GetDouble(1),
                reader.IsDBNull(2) ? null : reader.GetFloat(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4)));
        }
        return results;
    }
}
