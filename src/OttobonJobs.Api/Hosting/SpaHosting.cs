using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace OttobonJobs.Api.Hosting;

/// <summary>Serves the built React app and sends every non-API path to its index.html (client-side routing).</summary>
public static class SpaHosting
{
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
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallbackToFile("{*path:nonfile}", "index.html", new StaticFileOptions { FileProvider = files })
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
        return app;
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
