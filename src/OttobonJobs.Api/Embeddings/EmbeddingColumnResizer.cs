using Npgsql;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;

namespace OttobonJobs.Api.Embeddings;

/// <summary>
/// Keeps the vector columns at the configured model's size. Marten's schema check does not see a change from
/// vector(384) to vector(1536), so after switching models the columns would keep the old size and refuse every
/// new vector. Vectors are derived data: on start, those of the old size are dropped and the column resized;
/// <c>POST /api/admin/embeddings/refresh</c> then embeds jobs and resumes again with the configured model.
/// Runs before Marten applies its schema (registered right after the pgvector installer).
/// </summary>
public class EmbeddingColumnResizer(NpgsqlDataSource dataSource, IEmbeddingGenerator embeddings, ILogger<EmbeddingColumnResizer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ResizeAsync(connection, JobSearchIndexProjection.TableName,
            "UPDATE {0} SET embedding = NULL, embedding_model = NULL, embedding_dimensions = NULL WHERE embedding IS NOT NULL", cancellationToken);
        await ResizeAsync(connection, ResumeVectorProjection.TableName, "DELETE FROM {0}", cancellationToken);
    }

    private async Task ResizeAsync(NpgsqlConnection connection, string tableName, string clearSql, CancellationToken cancellationToken)
    {
        var table = $"{EventStoreSetup.MartenSchema}.{tableName}";
        await using var find = new NpgsqlCommand(
            "SELECT atttypmod FROM pg_attribute WHERE attrelid = to_regclass(@table) AND attname = 'embedding' AND NOT attisdropped", connection);
        find.Parameters.AddWithValue("table", table);
        // pgvector keeps the dimension as the column's type modifier; no row means a first start.
        if (await find.ExecuteScalarAsync(cancellationToken) is not int current || current == embeddings.Dimensions) return;

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var clear = new NpgsqlCommand(string.Format(clearSql, table), connection, transaction);
        var cleared = await clear.ExecuteNonQueryAsync(cancellationToken);
        // PostgreSQL rebuilds the column's HNSW index as part of the type change.
        await using var resize = new NpgsqlCommand($"ALTER TABLE {table} ALTER COLUMN embedding TYPE vector({embeddings.Dimensions})", connection, transaction);
        await resize.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogWarning(
            "The embedding model is now {Model} ({Dimensions} dimensions); {Table} held {Old}-dimension vectors. Cleared {Count} of them: " +
            "POST /api/admin/embeddings/refresh embeds again with the new model.",
            embeddings.Model, embeddings.Dimensions, table, current, cleared);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
