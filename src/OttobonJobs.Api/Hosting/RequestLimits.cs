using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OttobonJobs.Api.Hosting;

/// <summary>Per-client request limits for anonymous endpoints that cost real work (<c>Ottobon:RateLimits</c>).</summary>
public class RateLimitSettings
{
    public const string Section = "Ottobon:RateLimits";

    /// <summary>Searches per minute one client address may make: each one embeds its query.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int SearchRequestsPerMinute { get; set; } = 60;
}

public static class RequestLimits
{
    public const string SearchPath = "/api/jobs/search";

    /// <summary>
    /// A global limiter partitioned by client address that limits only the search endpoint; every other path passes.
    /// It sits beside the named auth policy (Access/AuthenticationSetup.cs) and shares its 429 answer with Retry-After.
    /// The client address is the one <c>UseForwardedHeaders</c> found, so clients behind a trusted proxy are told apart.
    /// </summary>
    public static IServiceCollection AddOttobonRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<RateLimitSettings>(configuration, RateLimitSettings.Section);
        services.AddRateLimiter(limiter => limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!context.Request.Path.StartsWithSegments(SearchPath)) return RateLimitPartition.GetNoLimiter("unlimited");

            var perMinute = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.SearchRequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(
                "search:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }
}
