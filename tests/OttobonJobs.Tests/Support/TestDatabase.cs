using Npgsql;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL database (with pgvector) for one test class, created on the server named by
/// OTTOBON_TEST_DATABASE_URL (scripts/test-all.sh sets it to the project's local cluster) and dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("OTTOBON_TEST_DATABASE_URL")
            ?? throw new InvalidOperationException(
                "OTTOBON_TEST_DATABASE_URL is not set. Run the tests with scripts/test-all.sh (see README), " +
                "or point it at a PostgreSQL server with pgvector, e.g. Host=127.0.0.1;Port=55432;Username=ottobon;Password=...;Database=postgres");

        var database = new TestDatabase(server, $"ottobon_test_{Guid.NewGuid():N}");
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {database.Name}", connection))
            await create.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        // FORCE waits only 5 s for the terminated sessions to exit; on a loaded machine one may take longer. And it may
        // not terminate a superuser's session (an autovacuum worker busy in the database: 42501), which ends by itself.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
