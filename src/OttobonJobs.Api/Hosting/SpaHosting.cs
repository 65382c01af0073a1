using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// Serves the built React app and sends every non-API path to its index.html (client-side routing).
/// The build writes <c>.br</c> and <c>.gz</c> variants beside each text file (frontend/vite-plugins/precompress.ts);
/// a request whose Accept-Encoding allows one gets it with <c>Content-Encoding</c>, any other the plain file.
/// Hashed files under /assets/ are cached for a year as immutable; everything else (index.html, the fallback,
/// public files) is <c>no-cache</c>, so a deploy is picked up on the next load.
/// </summary>
public static class SpaHosting
{
    public const string HashedAssetsPath = "/assets";
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";
    public const string RevalidateCacheControl = "no-cache";

    /// <summary>Supported encodings, in the server's order of preference, with the suffix of their variant files.</summary>
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    private const string NegotiatedEncodingKey = "Ottobon.SpaContentEncoding";

    public static WebApplication UseOttobonSpa(this WebApplication app)
    {
        var spaPath = app.Services.GetRequiredService<IOptions<OttobonSettings>>().Value.SpaPath;
        if (string.IsNullOrWhiteSpace(spaPath) || !File.Exists(Path.Combine(spaPath, "index.html")))
        {
            app.Logger.LogInformation("No built SPA configured (OTTOBON_SPA_PATH); serving the API only.");
            return app;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(spaPath));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseSpaFiles(files);

        // What MapFallbackToFile does, through the same negotiation and caching as every other file.
        var fallback = ((IEndpointRouteBuilder)app).CreateApplicationBuilder();
        fallback.Use((context, next) =>
        {
            context.Request.Path = "/index.html";
            context.SetEndpoint(null);
            return next(context);
        });
        fallback.UseSpaFiles(files);
        app.MapFallback("{*path:nonfile}", fallback.Build())
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
        return app;
    }

    private static void UseSpaFiles(this IApplicationBuilder app, IFileProvider files)
    {
        app.Use((context, next) =>
        {
            NegotiateEncoding(context, files);
            return next(context);
        });
        // A negotiated request is served its variant file, typed as the plain file; a direct request for a
        // variant never reaches this branch.
        app.UseWhen(context => context.Items.ContainsKey(NegotiatedEncodingKey), encoded => encoded.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new VariantContentTypes(),
            OnPrepareResponse = file =>
            {
                file.Context.Response.Headers.ContentEncoding = (string)file.Context.Items[NegotiatedEncodingKey]!;
                SetCacheControl(file.Context);
            },
        }));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = file => SetCacheControl(file.Context) });
    }

    /// <summary>
    /// For a GET or HEAD of a file with pre-compressed variants: says the response varies by Accept-Encoding and,
    /// when the client accepts one, points the request at the best variant.
    /// </summary>
    private static void NegotiateEncoding(HttpContext context, IFileProvider files)
    {
        var request = context.Request;
        if (context.GetEndpoint()?.RequestDelegate is not null) return; // an endpoint answers: not a file (as UseStaticFiles decides)
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return;
        if (!request.Path.HasValue || !files.GetFileInfo(request.Path.Value).Exists) return;

        var variants = Encodings.Where(e => files.GetFileInfo(request.Path.Value + e.Suffix).Exists).ToList();
        if (variants.Count == 0) return;
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);

        var accepted = request.GetTypedHeaders().AcceptEncoding;
        var best = variants
            .Select(variant => (variant, quality: Quality(accepted, variant.Encoding)))
            .Where(choice => choice.quality > 0)
            .OrderByDescending(choice => choice.quality) // stable: equal qualities keep the server's preference
            .Select(choice => choice.variant)
            .FirstOrDefault();
        if (best == default) return;

        context.Items[NegotiatedEncodingKey] = best.Encoding;
        request.Path = request.Path.Value + best.Suffix;
    }

    /// <summary>The client's quality for an encoding: its own entry, else the <c>*</c> entry, else 0 (not acceptable).</summary>
    private static double Quality(IList<StringWithQualityHeaderValue> accepted, string encoding)
    {
        var own = accepted.FirstOrDefault(value => value.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase));
        var entry = own ?? accepted.FirstOrDefault(value => value.Value.Equals("*", StringComparison.Ordinal));
        return entry is null ? 0 : entry.Quality ?? 1;
    }

    private static void SetCacheControl(HttpContext context) =>
        context.Response.Headers.CacheControl = context.Request.Path.StartsWithSegments(HashedAssetsPath)
            ? ImmutableCacheControl
            : RevalidateCacheControl;

    /// <summary>The content type of <c>app.js.br</c> is that of <c>app.js</c>.</summary>
    private sealed class VariantContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _plain = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            var suffix = Encodings.Select(e => e.Suffix).FirstOrDefault(s => subpath.EndsWith(s, StringComparison.Ordinal));
            return _plain.TryGetContentType(suffix is null ? subpath : subpath[..^suffix.Length], out contentType!);
        }
    }

    /// <summary>Unknown /api and /ws paths are a JSON 404, never the SPA's HTML.</summary>
    public static WebApplication MapApiNotFound(this WebApplication app)
    {
        app.Map("/api/{**rest}", () => ApiProblems.Result(StatusCodes.Status404NotFound, "There is no API endpoint at this address."))
            .ExcludeFromDescription()
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue - 1);
        app.Map("/ws/{**rest}", () => ApiProblems.Result(StatusCodes.Status404NotFound, "There is no WebSocket endpoint at this address."))
            .ExcludeFromDescription()
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue - 1);
        return app;
    }
}
