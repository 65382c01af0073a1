using Npgsql;
using Pgvector.Npgsql;

namespace OttobonJobs.Benchmarks;

public static class BenchEnvironment
{
    /// <summary>One line: cores, load, .NET, PostgreSQL and pgvector versions and the durability settings.</summary>
    public static async Task<string> DescribeAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        async Task<string> Get(string sql) => (await Seeder.Scalar(connection, sql, ct))?.ToString() ?? "?";
        var server = await Get("SHOW server_version");
        var pgvector = await Get("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
        var sharedBuffers = await Get("SHOW shared_buffers");
        var fsync = await Get("SHOW fsync");
        var syncCommit = await Get("SHOW synchronous_commit");
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        return $"{Environment.ProcessorCount} cores (load average {load} at start), .NET {Environment.Version}, PostgreSQL {server.Split(' ')[0]}, pgvector {pgvector}, " +
               $"shared_buffers={sharedBuffers}, fsync={fsync}, synchronous_commit={syncCommit} (client, API and database on this machine)";
    }

    public static NpgsqlDataSource DataSource(Options options)
    {
        var builder = new NpgsqlDataSourceBuilder(options.DatabaseUrl);
        builder.UseVector();
        return builder.Build();
    }
}
