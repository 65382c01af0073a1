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

/// <summary>Counters that count one hit on a key and say whether it fits the limit within the window.</summary>
public interface IRateLimitCounters
{
    /// <summary>A fixed window: at most <paramref name="limit"/> hits per aligned window.</summary>
    ValueTask<RateLimitHit> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>A sliding window, estimated from two fixed ones (<see cref="SlidingWindow.Estimate"/>): no double burst at a window's edge.</summary>
    ValueTask<RateLimitHit> HitSlidingAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);
}

public static class SlidingWindow
{
    /// <summary>
    /// The hits of the last <paramref name="window"/>: this fixed window's, plus the previous one's weighted by the share
    /// of it the sliding window still covers. A hit fits when that estimate (itself included) is within the limit.
    /// </summary>
    public static RateLimitHit Estimate(int current, int previous, TimeSpan elapsed, TimeSpan window, int limit)
    {
        var estimate = current + previous * (1 - elapsed / window);
        return new RateLimitHit(estimate <= limit, window - elapsed);
    }

    /// <summary>The key of one fixed window of a sliding count.</summary>
    public static string WindowKey(string key, DateTimeOffset start) => $"{key}@{start.ToUnixTimeSeconds()}";
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

    public ValueTask<RateLimitHit> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken) =>
        FailingOpen(key, async () =>
        {
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
        }, cancellationToken);

    public ValueTask<RateLimitHit> HitSlidingAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken) =>
        FailingOpen(key, async () =>
        {
            // One row per fixed window (kept for two windows, so the next one can still read it).
            await using var command = dataSource.CreateCommand("""
                with w as (select date_bin(@window, now(), timestamptz '2000-01-01 00:00:00+00') as start),
                hit as (
                    insert into ottobon_rate_limits as c (key, window_start, expires_at, hits)
                    select @key || '@' || extract(epoch from w.start)::bigint, w.start, w.start + 2 * @window, 1 from w
                    on conflict (key) do update set hits = c.hits + 1
                    returning hits, window_start)
                select hit.hits,
                    coalesce((select p.hits from ottobon_rate_limits p
                              where p.key = @key || '@' || extract(epoch from hit.window_start - @window)::bigint), 0),
                    extract(epoch from now() - hit.window_start)::float8
                from hit
                """);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("window", window);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return SlidingWindow.Estimate(reader.GetInt32(0), reader.GetInt32(1), TimeSpan.FromSeconds(reader.GetDouble(2)), window, limit);
        }, cancellationToken);

    private async ValueTask<RateLimitHit> FailingOpen(string key, Func<Task<RateLimitHit>> count, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureTableAsync(cancellationToken);
            await CleanUpWhenDueAsync(cancellationToken);
            return await count();
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
        CleanUpWhenDue(now);
        return ValueTask.FromResult(new RateLimitHit(counted.Hits <= limit, start + window - now));
    }

    public ValueTask<RateLimitHit> HitSlidingAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
        var current = _windows.AddOrUpdate(SlidingWindow.WindowKey(key, start), (start, 1), (_, old) => (start, old.Hits + 1)).Hits;
        var previous = _windows.TryGetValue(SlidingWindow.WindowKey(key, start - window), out var before) ? before.Hits : 0;
        CleanUpWhenDue(now);
        return ValueTask.FromResult(SlidingWindow.Estimate(current, previous, now - start, window, limit));
    }

    /// <summary>Windows untouched for an hour (longer than any limit's window) are dropped, about once a minute.</summary>
    private void CleanUpWhenDue(DateTimeOffset now)
    {
        if (now < _nextCleanup) return;
        _nextCleanup = now.AddMinutes(1);
        foreach (var (staleKey, staleWindow) in _windows)
            if (staleWindow.Start + TimeSpan.FromHours(1) < now) _windows.TryRemove(staleKey, out _);
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
