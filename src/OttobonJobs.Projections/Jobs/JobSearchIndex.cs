using JasperFx.Events;
using JasperFx.Events.Projections;
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
public class JobSearchIndexProjection : EventProjection, IInlineProjection<IDocumentOperations>, IJasperFxProjection<IDocumentOperations>, IRebuiltInBulk
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

    /// <summary>The table with its indexes, as this projection creates it.</summary>
    public Table Table { get; }

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
        Table = table;
        // A rebuild empties the table first (TeardownDataOnRebuild alone only clears the document types an
        // EventProjection publishes, and this one publishes none).
        Options.TeardownDataOnRebuild = true;
        Options.DeleteDataInTableOnTeardown(_table);

        IncludeType<JobPosted>();
        IncludeType<JobScraped>();
        IncludeType<JobUpdated>();
        IncludeType<JobEnriched>();
        IncludeType<JobEmbedded>();
        IncludeType<JobDeduplicated>();
        IncludeType<JobActivated>();
        IncludeType<JobArchived>();
    }

    // Every event of a job in one batch (an inline transaction, a page of a rebuild) folds into one statement for that
    // job: each statement against this table reinserts into its HNSW graph and GIN index (no HOT updates), so a job's
    // posting, enrichment, embedding and activation become one insert instead of four writes.
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        Write(operations, [e]);
        return ValueTask.CompletedTask;
    }

    Task IInlineProjection<IDocumentOperations>.ApplyAsync(IDocumentOperations operations, IEnumerable<StreamAction> streams, CancellationToken cancellation)
    {
        Write(operations, streams.SelectMany(stream => stream.Events));
        return Task.CompletedTask;
    }

    Task IJasperFxProjection<IDocumentOperations>.ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        Write(operations, events);
        return Task.CompletedTask;
    }

    private void Write(IDocumentOperations operations, IEnumerable<IEvent> events)
    {
        var rows = new Dictionary<Guid, SearchRowChange>();
        foreach (var e in events)
        {
            if (!rows.TryGetValue(e.StreamId, out var row)) rows[e.StreamId] = row = new SearchRowChange(e.StreamId);
            row.Apply(e.Data, _dimensions);
        }
        foreach (var row in rows.Values)
            if (row.ToSql(_table) is var (sql, parameters)) operations.QueueSqlCommand(sql, parameters);
    }
}

/// <summary>
/// What one batch of a job's events does to its search row, folded in order and written as one statement: an upsert
/// when the batch holds the job's creation, else an update of the columns the events change. It reproduces what the
/// events applied one by one would do: a creation (re)writes the text columns, an edit recomputes the search text
/// from the edited fields (the company stays), an enrichment appends its skills to the search text.
/// </summary>
internal sealed class SearchRowChange(Guid jobId)
{
    private Text? _text;
    private DescriptionFormat? _format;
    private bool _created;
    private DateTimeOffset _createdAt;
    private readonly List<string> _appendedSkills = [];
    private bool? _active;
    private Embedding? _embedding;

    /// <summary>The text columns; a null company means "the one already in the row".</summary>
    private sealed record Text(string Title, string? Company, string? Location, string Description, IReadOnlyList<string> Skills);

    /// <summary>A null vector clears the embedding (a vector of another size than the column's).</summary>
    private sealed record Embedding(string? Vector, string Model, int Dimensions);

    public void Apply(object data, int dimensions)
    {
        switch (data)
        {
            case JobPosted posted:
                Create(new Text(posted.Title, posted.CompanyName, posted.Location, DescriptionHtml.ToPlainText(posted.DescriptionRaw, DescriptionFormat.Markdown), posted.SkillsRequired), posted.PostedAt);
                _format = DescriptionFormat.Markdown;
                break;
            case JobScraped scraped:
                Create(new Text(scraped.Title, scraped.CompanyName, scraped.Location, DescriptionHtml.ToPlainText(scraped.DescriptionRaw), []), scraped.ScrapedAt);
                _format = DescriptionFormat.CareerSite;
                break;
            case JobUpdated updated:
                _text = new Text(updated.Title, _text?.Company, updated.Location, DescriptionHtml.ToPlainText(updated.DescriptionRaw, FormatOf(updated)), updated.SkillsRequired);
                _appendedSkills.Clear();
                break;
            case JobEnriched enriched:
                _appendedSkills.Add(string.Join(' ', enriched.Enrichment.Skills));
                break;
            case JobEmbedded embedded:
                _embedding = EmbeddingOf(embedded.Vector, embedded.Model, dimensions);
                break;
            case JobDeduplicated copied:
                _appendedSkills.Add(string.Join(' ', copied.Enrichment.Skills));
                _embedding = EmbeddingOf(copied.Vector, copied.EmbeddingModel, dimensions);
                break;
            case JobActivated:
                _active = true;
                break;
            case JobArchived:
                _active = false;
                break;
        }
    }

    // An edit in a batch without the job's creation: edits are a provider's Markdown, except an admin's edit of a
    // scraped job, whose HTML is read as HTML (a scraped plain text read as Markdown loses nothing search needs).
    private DescriptionFormat FormatOf(JobUpdated updated) =>
        _format ?? (DescriptionHtml.IsHtml(updated.DescriptionRaw) ? DescriptionFormat.CareerSite : DescriptionFormat.Markdown);

    private void Create(Text text, DateTimeOffset createdAt)
    {
        if (!_created) _createdAt = createdAt;
        _created = true;
        _text = text;
        _appendedSkills.Clear();
    }

    // A vector of another size was made by a model this database no longer uses (see EmbeddingColumnResizer): the
    // job stays without one until it is embedded again. Marten types queued parameters from a fixed map that does not
    // know pgvector, so the vector travels in pgvector's text form ("[0.1,0.2,…]") and is cast in SQL.
    private static Embedding EmbeddingOf(float[] vector, string model, int dimensions) =>
        vector.Length == dimensions ? new Embedding(new Vector(vector).ToString(), model, vector.Length) : new Embedding(null, model, vector.Length);

    public (string Sql, object[] Parameters)? ToSql(string table)
    {
        var columns = new List<(string Column, string Value)>();
        var parameters = new List<object>();
        void Set(string column, string value, params object[] values)
        {
            columns.Add((column, value));
            parameters.AddRange(values);
        }

        if (_created) Set("job_id", "?", jobId);
        if (_text is { } text)
        {
            Set("title", "?", text.Title);
            if (_created) Set("company_name", "?", text.Company!);
            Set("location", "?", (object?)text.Location ?? DBNull.Value);
            Set("description", "?", text.Description);
            if (_created) Set("created_at", "?", _createdAt);
        }
        if (SearchText(out var searchValues) is { } searchText) Set("search_text", searchText, searchValues);
        if (_active is { } active) Set("active", "?", active);
        if (_embedding is { Vector: { } vector } embedding)
        {
            Set("embedding", "CAST(? AS vector)", vector);
            Set("embedding_model", "?", embedding.Model);
            Set("embedding_dimensions", "?", embedding.Dimensions);
        }
        else if (_embedding is not null)
        {
            Set("embedding", "NULL");
            Set("embedding_model", "NULL");
            Set("embedding_dimensions", "NULL");
        }
        if (columns.Count == 0) return null;

        if (_created)
        {
            var updates = columns.Where(c => c.Column is not ("job_id" or "created_at")).Select(c => $"{c.Column} = excluded.{c.Column}");
            return ($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Column))}) VALUES ({string.Join(", ", columns.Select(c => c.Value))}) " +
                    $"ON CONFLICT (job_id) DO UPDATE SET {string.Join(", ", updates)}", parameters.ToArray());
        }
        parameters.Add(jobId);
        return ($"UPDATE {table} SET {string.Join(", ", columns.Select(c => $"{c.Column} = {c.Value}"))} WHERE job_id = ?", parameters.ToArray());
    }

    /// <summary>
    /// Title and skills weigh most, then the company, then the description body; each enrichment's skills are
    /// appended with the top weight. Null when the batch leaves the search text alone.
    /// </summary>
    private string? SearchText(out object[] values)
    {
        var parts = new List<string>();
        var list = new List<object>();
        if (_text is { } text)
        {
            parts.Add("(setweight(to_tsvector('english', ?), 'A') || setweight(to_tsvector('english', ?), 'A') || " +
                      $"setweight(to_tsvector('english', {(text.Company is null ? "company_name" : "?")}), 'B') || setweight(to_tsvector('english', ?), 'C'))");
            list.Add(text.Title);
            list.Add(string.Join(' ', text.Skills));
            if (text.Company is not null) list.Add(text.Company);
            list.Add(text.Description);
        }
        else if (_appendedSkills.Count > 0)
        {
            parts.Add("search_text");
        }
        foreach (var skills in _appendedSkills)
        {
            parts.Add("setweight(to_tsvector('english', ?), 'A')");
            list.Add(skills);
        }
        values = list.ToArray();
        return parts.Count == 0 ? null : string.Join(" || ", parts);
    }
}
