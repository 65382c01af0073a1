using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Resumes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace OttobonJobs.Projections.Resumes;

/// <summary>A seeker's current resume: file facts, extracted text and skills. One per seeker, id = user id.</summary>
public record SeekerResume(
    Guid Id,
    string FileName,
    string Format,
    long SizeBytes,
    string Sha256,
    string StorageKey,
    int CharactersExtracted,
    string Text,
    IReadOnlyList<string> Skills,
    string? EmbeddingModel,
    DateTimeOffset UploadedAt);

public class SeekerResumeProjection : SingleStreamProjection<SeekerResume, Guid>
{
    public SeekerResumeProjection()
    {
        IncludeType<ResumeUploaded>();
        IncludeType<ResumeEmbedded>();
        IncludeType<AccountErased>();
    }

    // Null deletes the document: an erased account keeps no resume text.
    public override SeekerResume? Evolve(SeekerResume? resume, Guid id, IEvent e) => e.Data switch
    {
        ResumeUploaded uploaded => new SeekerResume(
            uploaded.UserId, uploaded.FileName, uploaded.Format, uploaded.SizeBytes, uploaded.Sha256, uploaded.StorageKey,
            uploaded.CharactersExtracted, uploaded.Text, uploaded.Skills, null, uploaded.UploadedAt),
        ResumeEmbedded embedded when resume is not null && embedded.Sha256 == resume.Sha256 => resume with { EmbeddingModel = embedded.Model },
        AccountErased => null,
        _ => resume,
    };
}

/// <summary>
/// Resume vectors beside the job vectors (<c>vector(N)</c>, same model), maintained from the user streams.
/// Matching and recommendations read them; a row is replaced when a new resume is embedded and removed when the
/// account is erased.
/// </summary>
public class ResumeVectorProjection : EventProjection, IRebuiltInBulk
{
    public const string TableName = "resume_embeddings";
    private readonly string _table;
    private readonly int _dimensions;

    /// <summary>The table with its indexes, as this projection creates it.</summary>
    public Table Table { get; }

    public ResumeVectorProjection(string schema, int dimensions)
    {
        _dimensions = dimensions;
        Name = "ResumeVectors";
        _table = $"{schema}.{TableName}";
        var table = new Table(new PostgresqlObjectName(schema, TableName, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("user_id").AsPrimaryKey();
        table.AddColumn<string>("sha256").NotNull();
        table.AddColumn("embedding", $"vector({dimensions})").NotNull();
        table.AddColumn<string>("embedding_model").NotNull();
        SchemaObjects.Add(table);
        Table = table;
        // TeardownDataOnRebuild alone clears only published document types: the table is named explicitly.
        Options.TeardownDataOnRebuild = true;
        Options.DeleteDataInTableOnTeardown(_table);
        IncludeType<ResumeEmbedded>();
        IncludeType<AccountErased>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        // A vector of another size was made by a model this database no longer uses (see EmbeddingColumnResizer):
        // it cannot go in the column, and the resume is embedded again by the configured model.
        if (e.Data is ResumeEmbedded embedded && embedded.Vector.Length == _dimensions)
        {
            // pgvector's text form travels as text and is cast in SQL (Marten's parameter map does not know vector).
            operations.QueueSqlCommand(
                $"""
                 INSERT INTO {_table} (user_id, sha256, embedding, embedding_model) VALUES (?, ?, CAST(? AS vector), ?)
                 ON CONFLICT (user_id) DO UPDATE SET sha256 = excluded.sha256, embedding = excluded.embedding, embedding_model = excluded.embedding_model
                 """,
                e.StreamId, embedded.Sha256, new Pgvector.Vector(embedded.Vector).ToString(), embedded.Model);
        }
        else if (e.Data is AccountErased)
        {
            operations.QueueSqlCommand($"DELETE FROM {_table} WHERE user_id = ?", e.StreamId);
        }
        return ValueTask.CompletedTask;
    }
}

public static class ResumesStoreConfiguration
{
    public static StoreOptions AddResumes(this StoreOptions opts, int embeddingDimensions)
    {
        opts.Projections.Add<SeekerResumeProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add(new ResumeVectorProjection(opts.DatabaseSchemaName, embeddingDimensions), ProjectionLifecycle.Inline);
        return opts;
    }
}
