using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// Brotli or gzip for JSON answers of the API (feeds, job pages, histories), at the fastest level, because it runs
/// on every request. The SPA's files come pre-compressed from the build instead (<see cref="SpaHosting"/>).
/// </summary>
/// <remarks>
/// BREACH needs an attacker to make the victim's browser send credentialed requests whose compressed answers
/// mix a secret with text the attacker chose. This API authenticates with a bearer token the SPA puts in the
/// Authorization header; the browser never adds it by itself (no auth cookies), so a foreign page cannot make such
/// requests, and compressing over HTTPS is safe. The /api/auth answers, which carry the tokens, are still left
/// uncompressed: they are small, and it keeps the secrets out of the question. WebSockets (/ws) are not touched.
/// </remarks>
public static class ApiCompression
{
    public const string AuthPath = "/api/auth";

    public static IServiceCollection AddOttobonApiCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["application/json", "application/problem+json"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UseOttobonApiCompression(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments(AuthPath),
            api => api.UseResponseCompression());
        return app;
    }
}
