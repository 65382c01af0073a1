using System.Net.Http.Headers;
using System.Text.Json;
using Alba;
using Marten;
using Npgsql;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// One running API (in memory, through Alba) on its own fresh database, shared by the tests of one class.
/// Configuration goes in through settings exactly as an operator would give it.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public const string JwtSecret = "test-signing-key-that-is-long-enough-for-hs256!";
    public const string JwtIssuer = "https://jobs.ottobon.cloud";
    public const string JwtAudience = "ottobon-jobs";
    public const string AdminEmail = "root.admin@ottobon.test";
    public const string AdminPassword = "admin-password-1";

    private TestDatabase? _database;

    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    public string DatabaseConnectionString => _database!.ConnectionString;

    /// <summary>Extra settings a test class needs (a SPA folder, tighter limits, ...).</summary>
    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>();

    /// <summary>Service replacements a test class needs, e.g. a scripted AI behind the enrichment port.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Host = await StartHostAsync(_database.ConnectionString, Settings(), ConfigureServices);
    }

    /// <summary>The settings every test host gets: its database, a known signing key and admin, the sample career sites, and no nightly schedule.</summary>
    public static Dictionary<string, string?> BaseSettings(string databaseConnectionString) => new()
    {
        ["Ottobon:DatabaseUrl"] = databaseConnectionString,
        ["Ottobon:Jwt:Secret"] = JwtSecret,
        ["Ottobon:Admin:Email"] = AdminEmail,
        ["Ottobon:Admin:Password"] = AdminPassword,
        ["Ottobon:AuthRequestsPerMinute"] = "1000",
        ["Ottobon:RateLimits:SearchRequestsPerMinute"] = "1000",
        ["Ottobon:CorsOrigins:0"] = "http://allowed.example",
        ["Ottobon:Messaging:DrainTimeout"] = "00:00:02",
        // The nightly run must not fire in the middle of a test run that happens to cross 22:00 IST.
        ["Ottobon:Ingestion:ScheduleEnabled"] = "false",
        ["Ottobon:SavedSearches:DigestEnabled"] = "false",
        ["Ottobon:Storage:Root"] = Directory.CreateTempSubdirectory("ottobon-files-").FullName,
        // Asked for explicitly: without a mode, only Development falls back to the sample sites.
        ["Ottobon:Scrapers:Mode"] = "sample",
    };

    /// <summary>Starts the real API in memory against <paramref name="databaseConnectionString"/>.</summary>
    public static Task<IAlbaHost> StartHostAsync(
        string databaseConnectionString, IDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? configureServices = null)
    {
        var settings = BaseSettings(databaseConnectionString);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>()) settings[key] = value;

        return AlbaHost.For<Program>(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(services =>
            {
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
                configureServices?.Invoke(services);
            });
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (Host is not null) await StopQuietly(Host);
        if (_database is not null) await _database.DisposeAsync();
    }

    /// <summary>
    /// Stops a host whose handlers or projection daemon may still be mid-statement: the statements they lose to the
    /// shutdown (cancelled, or their session ended) are the shutdown working, not a failed test. Anything else throws.
    /// </summary>
    public static async Task StopQuietly(IAsyncDisposable host)
    {
        try
        {
            await host.DisposeAsync();
        }
        catch (Exception e) when (e.GetBaseException() is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.AdminShutdown } postgres)
        {
            Console.Error.WriteLine($"Stopping a test host cut off a statement ({postgres.SqlState}: {postgres.MessageText}).");
        }
    }
}

public static class JsonBodies
{
    public static JsonElement Json(this IScenarioResult result) =>
        JsonDocument.Parse(result.ReadAsText()).RootElement;

    public static string Detail(this IScenarioResult result) =>
        result.Json().GetProperty("detail").GetString() ?? "";
}
