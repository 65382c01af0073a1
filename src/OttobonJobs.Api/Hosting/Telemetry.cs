using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using JasperFx.OpenTelemetry;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Api.Hosting;

/// <summary>The "Ottobon:Telemetry" section: where metrics are scraped, and how the console logs look.</summary>
public class TelemetrySettings
{
    public const string Section = "Ottobon:Telemetry";
    public const int MinimumScrapeTokenLength = 32;

    /// <summary>
    /// When set, Prometheus scrapes <c>/metrics</c> on this port, without authentication (keep the port on the internal
    /// network), and the main port has no <c>/metrics</c>. When unset, <c>/metrics</c> is on the main port for admins and
    /// for <see cref="ScrapeToken"/>.
    /// </summary>
    [Range(1, 65535)]
    public int? PrometheusPort { get; set; }

    /// <summary>The interface the metrics port listens on: <c>*</c> (every interface, the default, for containers), <c>localhost</c> or an address.</summary>
    [Required]
    public string PrometheusHost { get; set; } = "*";

    /// <summary>A secret Prometheus sends as <c>Authorization: Bearer …</c> to scrape <c>/metrics</c> on the main port (admins' access tokens work too, but expire).</summary>
    [DataType(DataType.Password)]
    [MinimumBytes(MinimumScrapeTokenLength)]
    public string? ScrapeToken { get; set; }

    /// <summary>One JSON object per log line, with the trace and span ids (the same as <c>Logging:Console:FormatterName=json</c>).</summary>
    public bool JsonLogs { get; set; }
}

/// <summary>
/// OpenTelemetry for the whole API: traces and metrics from ASP.NET Core, HttpClient, Npgsql, Marten and Wolverine plus
/// the product's own <see cref="ProductMetrics"/>; OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (every
/// standard <c>OTEL_*</c> variable applies); a Prometheus scrape endpoint; trace ids in the logs.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "ottobon-jobs";
    public const string MetricsPath = "/metrics";
    private const string ScrapePolicy = "metrics-scrape";

    public static WebApplicationBuilder AddOttobonTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetrySettings.Section);
        var settings = section.Get<TelemetrySettings>() ?? new TelemetrySettings();
        builder.Services.AddValidatedSettings<TelemetrySettings>(builder.Configuration, TelemetrySettings.Section);

        builder.Services.AddSingleton<ProductMetrics>();
        builder.Services.ConfigureMarten((services, opts) =>
        {
            opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();
            opts.Listeners.Add(new ProductMetricsListener(services.GetRequiredService<ProductMetrics>()));
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME (and OTEL_RESOURCE_ATTRIBUTES) still win when an operator sets them.
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
                    resource.AddService(ServiceName, serviceVersion: Version);
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    // Wolverine names its meter "Wolverine:<service name>".
                    .AddMeter("Npgsql", "Marten", "Wolverine:*", ProductMetrics.MeterName);
                metrics.AddPrometheusExporter(o => o.ScrapeEndpointPath = MetricsPath);
            });
        if (settings.PrometheusPort is not null) builder.Services.AddHostedService<MetricsPortServer>();
        // Traces are recorded only when they go somewhere: without an exporter every request, message and SQL command
        // would still build and tag its spans for nobody.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddSource("Npgsql", "Marten", "Wolverine"))
                .UseOtlpExporter();
        }

        // Every log line inside a request or a handled message carries its TraceId and SpanId (as a scope).
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        if (settings.JsonLogs) builder.Logging.AddJsonConsole();

        builder.Services.AddAuthorizationBuilder().AddPolicy(ScrapePolicy, policy => policy.RequireAssertion(MayScrape));
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> on the main port: admins and the scrape token only. When the metrics have their own port, the main
    /// port answers 404 there (never the SPA).
    /// </summary>
    public static WebApplication MapOttobonMetrics(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<TelemetrySettings>>().Value;
        if (settings.PrometheusPort is null)
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(ScrapePolicy).ExcludeFromDescription();
        else
            app.Map(MetricsPath, () => ApiProblems.Result(StatusCodes.Status404NotFound, "Metrics are served on the metrics port, not here."))
                .ExcludeFromDescription();
        return app;
    }

    private static bool MayScrape(AuthorizationHandlerContext context)
    {
        if (context.User.IsInRole(Role.Admin)) return true;
        if (context.Resource is not HttpContext http) return false;

        var token = http.RequestServices.GetRequiredService<IOptions<TelemetrySettings>>().Value.ScrapeToken;
        var presented = http.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return !string.IsNullOrEmpty(token)
               && presented.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
               && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented[bearer.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    private static string Version =>
        typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Telemetry).Assembly.GetName().Version?.ToString() ?? "unknown";
}

/// <summary>
/// The metrics port: a Kestrel server of its own that answers only <c>/metrics</c>, from the API's meter provider. Its
/// own server, so the API's addresses (ASPNETCORE_URLS, --urls, the default port) stay exactly as configured.
/// </summary>
internal sealed class MetricsPortServer(MeterProvider meters, IOptions<TelemetrySettings> settings, ILoggerFactory loggers) : IHostedService
{
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Empty: none of the API's configuration (its URLs, Kestrel endpoints) applies to this server.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls($"http://{settings.Value.PrometheusHost}:{settings.Value.PrometheusPort}");
        builder.Services.AddSingleton(loggers);
        // The API's host owns the process (Ctrl+C, SIGTERM) and stops this server with it.
        builder.Services.AddSingleton<IHostLifetime, StoppedWithTheApi>();
        _server = builder.Build();
        _server.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, Telemetry.MetricsPath, configureBranchedPipeline: null, optionsName: null);
        await _server.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null) return;
        await _server.StopAsync(cancellationToken);
        await _server.DisposeAsync();
    }

    private sealed class StoppedWithTheApi : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
