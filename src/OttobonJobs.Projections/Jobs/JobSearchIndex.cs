using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using OttobonJobs.Domain.Jobs;
using Pgvector;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace OttobonJobs.Projections.Jobs;

/// <summary>
/// The table hybrid search reads: one row per job with its searchable text (a weighted tsvector behind a GIN index)
/// and its description embedding (<c>vector(N)</c> behind an HNSW cosine index). It is a projection of the job
/// events, so switching embedding models is a rebuild of this projection (see README).
/// </summary>
public class JobSearchIndexProjection : EventProjection
{
    public const string TableName = "job_search_index";

    // HNSW parameters, chosen by measurement at 100,000 x 384 (README, "Benchmarks"; scripts/bench-jobs.sh reports
    // recall@10 against an exact scan). With pgvector's defaults (m 16, ef_construction 64, ef_search 40) mean recall
    // was 0.95 and a few queries per run found none of their 10 true neighbours: the greedy walk ended in a
    // neighbouring cluster of postings that the graph links poorly to the query's own. More links per node (m 24)
    // and a longer build list (128) connect the clusters better, and a search list of 100 was the first where no
    // query missed; ef_search 40-60 on the same graph still left 2-3 queries below 0.5. The cost: a build about
    // twice as long as the defaults' and a query a little slower (still well under the SQL round trips around it).
    public const int HnswM = 24;
    public const int HnswEfConstruction = 128;
    public const int HnswEfSearch = 100;

    /// <summary>
    /// Put in front of a nearest-neighbour query, in the same command: the search list length, and an iterative scan
    /// that keeps walking the graph until enough rows pass the query's filters (active, model; pgvector 0.8). The
    /// statements of one command run in one implicit transaction, so <c>SET LOCAL</c> holds for the query and ends
    /// with it: one round trip, no <c>BEGIN</c>/<c>SET</c>/<c>ROLLBACK</c> of their own.
    /// </summary>
    public static readonly string NearestNeighbourSettings =
        $"SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL hnsw.ef_search = {HnswEfSearch}; ";

    private readonly string _table;
    private readonly int _dimensions;

    public JobSearchIndexProjection(string schema, int dimensions)
    {
        _dimensions = dimensions;
        Name = "JobSearchIndex";
        _table = $"{schema}.{TableName}";

        var table = new Table(new PostgresqlObjectName(schema, TableName, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("job_id").AsPrimaryKey();
        table.AddColumn<string>("title").NotNull();
        table.AddColumn<string>("company_name");
        table.AddColumn<string>("location");
        table.AddColumn<string>("description");
        table.AddColumn("search_text", "tsvector");
        table.AddColumn<bool>("active").NotNull().DefaultValueByExpression("false");
        table.AddColumn("created_at", "timestamp with time zone");
        table.AddColumn("embedding", $"vector({dimensions})");
        table.AddColumn<string>("embedding_model");
        table.AddColumn<int>("embedding_dimensions");
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_text") { Method = IndexMethod.gin, Columns = ["search_text"] });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_embedding")
        {
            Method = IndexMethod.custom, CustomMethod = "hnsw", Columns = ["embedding"], Mask = "? vector_cosine_ops",
            StorageParameters = { ["m"] = HnswM, ["ef_construction"] = HnswEfConstruction },
        });
        SchemaObjects.Add(table);
        Options.TeardownDataOnRebuild = true;

        IncludeType<JobPosted>();
        IncludeType<JobScraped>();
        IncludeType<JobUpdated>();
        IncludeType<JobEnriched>();
        IncludeType<JobEmbedded>();
        IncludeType<JobDeduplicated>();
        IncludeType<JobActivated>();
        IncludeType<JobArchived>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case JobPosted posted:
                UpsertText(operations, posted.JobId, posted.Title, posted.CompanyName, posted.Location, posted.DescriptionRaw, posted.SkillsRequired, posted.PostedAt);
                break;
            case JobScraped scraped:
                UpsertText(operations, scraped.JobId, scraped.Title, scraped.CompanyName, scraped.Location, scraped.DescriptionRaw, [], scraped.ScrapedAt);
                break;
            case JobUpdated updated:
                var description = DescriptionHtml.ToPlainText(updated.DescriptionRaw);
                operations.QueueSqlCommand(
                    $"UPDATE {_table} SET title = ?, location = ?, description = ?, search_text = {SearchText(company: "company_name")} WHERE job_id = ?",
                    updated.Title, (object?)updated.Location ?? DBNull.Value, description,
                    updated.Title, string.Join(' ', updated.SkillsRequired), description, e.StreamId);
                break;
            case JobEnriched enriched:
                AddSkills(operations, e.StreamId, enriched.Enrichment.Skills);
                break;
            case JobEmbedded embedded:
                SetEmbedding(operations, e.StreamId, embedded.Vector, embedded.Model);
                break;
            case JobDeduplicated copied:
                AddSkills(operations, e.StreamId, copied.Enrichment.Skills);
                SetEmbedding(operations, e.StreamId, copied.Vector, copied.EmbeddingModel);
                break;
            case JobActivated:
                operations.QueueSqlCommand($"UPDATE {_table} SET active = true WHERE job_id = ?", e.StreamId);
                break;
            case JobArchived:
                operations.QueueSqlCommand($"UPDATE {_table} SET active = false WHERE job_id = ?", e.StreamId);
                break;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Title and skills weigh most, then the company, then the description body. Parameters: title, skills, description.</summary>
    private static string SearchText(string company) =>
        "setweight(to_tsvector('english', ?), 'A') || setweight(to_tsvector('english', ?), 'A') || " +
        $"setweight(to_tsvector('english', {company}), 'B') || setweight(to_tsvector('english', ?), 'C')";

    private void UpsertText(IDocumentOperations operations, Guid jobId, string title, string company, string? location,
        string descriptionRaw, IReadOnlyList<string> skills, DateTimeOffset createdAt)
    {
        var description = DescriptionHtml.ToPlainText(descriptionRaw);
        operations.QueueSqlCommand(
            $"""
             INSERT INTO {_table} (job_id, title, company_name, location, description, created_at, search_text)
             VALUES (?, ?, ?, ?, ?, ?, {SearchText(company: "?")})
             ON CONFLICT (job_id) DO UPDATE SET title = excluded.title, company_name = excluded.company_name,
               location = excluded.location, description = excluded.description, search_text = excluded.search_text
             """,
            jobId, title, company, (object?)location ?? DBNull.Value, description, createdAt,
            title, string.Join(' ', skills), company, description);
    }

    private void AddSkills(IDocumentOperations operations, Guid jobId, IReadOnlyList<string> skills) =>
        operations.QueueSqlCommand(
            $"UPDATE {_table} SET search_text = search_text || setweight(to_tsvector('english', ?), 'A') WHERE job_id = ?",
            string.Join(' ', skills), jobId);

    // Marten types queued parameters from a fixed map that does not know pgvector, so the vector travels in
    // pgvector's text form ("[0.1,0.2,…]") and is cast in SQL.
    private void SetEmbedding(IDocumentOperations operations, Guid jobId, float[] vector, string model)
    {
        // A vector of another size was made by a model this database no longer uses (see EmbeddingColumnResizer):
        // the job stays without one until it is embedded again.
        if (vector.Length != _dimensions)
        {
            operations.QueueSqlCommand(
                $"UPDATE {_table} SET embedding = NULL, embedding_model = NULL, embedding_dimensions = NULL WHERE job_id = ?", jobId);
            return;
        }
        operations.QueueSqlCommand(
            $"UPDATE {_table} SET embedding = CAST(? AS vector), embedding_model = ?, embedding_dimensions = ? WHERE job_id = ?",
            new Vector(vector).ToString(), model, vector.Length, jobId);
    }
}
