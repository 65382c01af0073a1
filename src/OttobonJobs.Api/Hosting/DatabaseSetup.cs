using Microsoft.Extensions.Options;
using Npgsql;
using OttobonJobs.Api.Embeddings;

namespace OttobonJobs.Api.Hosting;

public static class DatabaseSetup
{
    /// <summary>
    /// One pgvector-aware data source, shared by Marten, Wolverine and the vector queries. It is built on
    /// first use, so the command line (help, codegen) works without a database.
    /// </summary>
    public static IServiceCollection AddOttobonDatabase(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<OttobonSettings>>().Value;
            if (string.IsNullOrWhiteSpace(settings.DatabaseUrl))
                throw new InvalidOperationException(
                    "No database configured. Set OTTOBON_DATABASE_URL to a PostgreSQL connection string, " +
                    "or start the product with scripts/run-product.sh, which sets up a local cluster.");

            var builder = new NpgsqlDataSourceBuilder(DatabaseConnection.ToNpgsqlConnectionString(settings.DatabaseUrl));
            builder.UseVector();
            // Npgsql labels its metrics and traces with the pool's name, which is otherwise the connection string.
            builder.Name = "ottobon";
            return builder.Build();
        });

        // Registered before Marten and Wolverine so the extension exists, and the vector columns have the configured
        // model's size, before they touch the database.
        services.AddHostedService<DatabaseExtensionInstaller>();
        services.AddHostedService<EmbeddingColumnResizer>();
        return services;
    }
}

/// <summary>
/// Creates the pgvector and pg_trgm extensions when missing (pg_trgm backs the feed's substring filters; it ships
/// with PostgreSQL and is trusted, so the database owner may create it) and makes the data source learn its types.
/// Npgsql reads type information on its first connection; if that was before CREATE EXTENSION, the vector type
/// would be unknown.
/// </summary>
public class DatabaseExtensionInstaller(NpgsqlDataSource dataSource, ILogger<DatabaseExtensionInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS vector; CREATE EXTENSION IF NOT EXISTS pg_trgm", connection))
        {
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedFile or PostgresErrorCodes.InsufficientPrivilege)
            {
                logger.LogCritical("The pgvector or pg_trgm extension is not available in this PostgreSQL server: {Message}. " +
                                   "Install pgvector (scripts/install-deps.sh does) or use a server that has both.", e.MessageText);
                throw;
            }
        }
        await connection.ReloadTypesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
