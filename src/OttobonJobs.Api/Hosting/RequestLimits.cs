using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Npgsql;
using OttobonJobs.Api.Access;

namespace OttobonJobs.Api.Hosting;

/// <summary>Where request counters live: in PostgreSQL, shared by every node, or in this process only.</summary>
public enum RateLimitStore
{
    Postgres,
    Memory,
}

/// <summary>Per-client request limits for anonymous endpoints that cost real work (<c>Ottobon:RateLimits</c>).</summary>
public class RateLimitSettings
{
    public const string Section = "Ottobon:RateLimits";

    /// <summary>Searches per minute one client address may make: each one embeds its query.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int SearchRequestsPerMinute { get; set; } = 60;

    /// <summary><c>postgres</c> (default) shares the counters across nodes; <c>memory</c> suits a single node.</summary>
    public RateLimitStore Store { get; set; } = RateLimitStore.Postgres;
}

/// <summary>One counted hit: whether it fits the limit, and when the window it was counted in ends.</summary>
public readonly record struct RateLimitHit(bool Admitted, TimeSpan RetryAfter);

/// <summary>Fixed-window counters: <see cref="HitAsync"/> counts one hit on <paramref name="key"/> and says whether it fits.</summary>
public interface IRateLimitCounters
{
    ValueTask<RateLimitHit> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>
/// Counters in one PostgreSQL table shared by every node: a hit is one atomic INSERT … ON CONFLICT … DO UPDATE …
/// RETURNING, windows are aligned on the database's clock (so nodes whose clocks differ still agree), and expired rows
/// are deleted about once a minute per node. When the database cannot be reached the hit is admitted with a warning:
/// a database gone for a few seconds must not turn every request into an error (the request itself then fails or
/// not on its own merits).
/// </summary>
public sealed class PostgresRateLimitCounters(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<PostgresRateLimitCounters> logger)
    : IRateLimitCounters
{
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;
    private long _nextCleanupTicks;

    public async ValueTask<RateLimitHit> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureTableAsync(cancellationToken);
            await CleanUpWhenDueAsync(cancellationToken);
            await using var command = dataSource.CreateCommand("""
                insert into ottobon_rate_limits as c (key, window_start, expires_at, hits)
                select @key, w.start, w.start + @window, 1 from (select date_bin(@window, now(), timestamptz '2000-01-01 00:00:00+00') as start) w
                on conflict (key) do update set
                    hits = case when excluded.window_start > c.window_start then 1 else c.hits + 1 end,
                    window_start = greatest(c.window_start, excluded.window_start),
                    expires_at = greatest(c.expires_at, excluded.expires_at)
                returning hits, extract(epoch from (expires_at - now()))::float8
                """);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("window", window);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var hits = reader.GetInt32(0);
            return new RateLimitHit(hits <= limit, TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1))));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Rate limit counter {Key} could not be updated in PostgreSQL; the request is let through (fail open)", key);
            return new RateLimitHit(true, TimeSpan.Zero);
        }
    }

    private async Task CleanUpWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextCleanupTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextCleanupTicks, now + CleanupEvery.Ticks, due) != due) return;

        await using var command = dataSource.CreateCommand("delete from ottobon_rate_limits where expires_at < now()");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_created) return;
        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (_created) return;
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Serialises the CREATEs of several nodes starting at once (concurrent CREATE … IF NOT EXISTS can collide).
            await using var command = new NpgsqlCommand("""
                select pg_advisory_xact_lock(hashtextextended('ottobon_rate_limits', 0));
                create table if not exists ottobon_rate_limits (
                    key text primary key, window_start timestamptz not null, expires_at timestamptz not null, hits int not null);
                """, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _created = true;
        }
        finally
        {
            _creating.Release();
        }
    }
}

/// <summary>The same fixed windows in this process only (<c>Ottobon:RateLimits:Store=memory</c>, for a single node).</summary>
public sealed class MemoryRateLimitCounters(TimeProvider clock) : IRateLimitCounters
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Hits)> _windows = new();
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    public ValueTask<RateLimitHit> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
        var counted = _windows.AddOrUpdate(key, (start, 1), (_, old) => old.Start == start ? (start, old.Hits + 1) : (start, 1));
        if (now >= _nextCleanup)
        {
            _nextCleanup = now.AddMinutes(1);
            foreach (var (staleKey, staleWindow) in _windows)
                if (staleWindow.Start + TimeSpan.FromHours(1) < now) _windows.TryRemove(staleKey, out _);
        }
        return ValueTask.FromResult(new RateLimitHit(counted.Hits <= limit, start + window - now));
    }
}

public static class RequestLimits
{
    public const string SearchPath = "/api/jobs/search";
    public const string TooManyRequests = "Too many requests. Please wait a minute and try again.";

    /// <summary>
    /// Counters per client address for the search endpoint and for every endpoint marked
    /// <c>[EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]</c> (the attribute names the limit; the counting
    /// is ours, so it can be shared across nodes). The store is chosen by <see cref="RateLimitSettings.Store"/>.
    /// </summary>
    public static IServiceCollection AddOttobonRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<RateLimitSettings>(configuration, RateLimitSettings.Section);
        services.AddSingleton<IRateLimitCounters>(provider =>
            provider.GetRequiredService<IOptions<RateLimitSettings>>().Value.Store == RateLimitStore.Memory
                ? ActivatorUtilities.CreateInstance<MemoryRateLimitCounters>(provider)
                : ActivatorUtilities.CreateInstance<PostgresRateLimitCounters>(provider));
        return services;
    }

    /// <summary>
    /// Runs after routing and authentication (it needs the endpoint's metadata). The client address is the one
    /// <c>UseForwardedHeaders</c> found, so clients behind a trusted proxy are told apart. A refusal is a 429 with
    /// Retry-After (seconds until the window ends) and a detail.
    /// </summary>
    public static IApplicationBuilder UseOttobonRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (LimitFor(context) is not var (name, perMinute))
        {
            await next(context);
            return;
        }

        var counters = context.RequestServices.GetRequiredService<IRateLimitCounters>();
        var key = $"{name}:{ClientAddress(context.Connection.RemoteIpAddress)}";
        var hit = await counters.HitAsync(key, perMinute, TimeSpan.FromMinutes(1), context.RequestAborted);
        if (hit.Admitted)
        {
            await next(context);
            return;
        }

        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(hit.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Write(context, StatusCodes.Status429TooManyRequests, TooManyRequests);
    });

    private static (string Name, int PerMinute)? LimitFor(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(SearchPath))
            return ("search", context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.SearchRequestsPerMinute);
        if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == AuthenticationSetup.AuthRateLimitPolicy)
            return ("auth", context.RequestServices.GetRequiredService<IOptions<OttobonSettings>>().Value.AuthRequestsPerMinute);
        return null;
    }

    private static string ClientAddress(IPAddress? address) => address?.ToString() ?? "local";
}
