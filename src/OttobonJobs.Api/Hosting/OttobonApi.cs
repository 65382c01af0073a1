using OttobonJobs.Api.Applicants;
using OttobonJobs.Api.Applications;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Adapters;
using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Api.Chat;
using OttobonJobs.Api.Email;
using OttobonJobs.Api.Identity;
using OttobonJobs.Api.Ingestion;
using OttobonJobs.Api.Notifications;
using OttobonJobs.Api.Resumes;
using OttobonJobs.Api.Tailoring;
using Wolverine.Http;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// The whole API, composed in one place: Program runs it from the command line, and the WebSocket protocol tests
/// start the very same application on a loopback port.
/// </summary>
public static class OttobonApi
{
    /// <param name="args">Command-line arguments (configuration and JasperFx commands).</param>
    /// <param name="configure">Runs after the settings are loaded and before any feature reads them: extra configuration, service options.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddOttobonSettings();
        configure?.Invoke(builder);
        builder.AddOttobonTelemetry();
        builder.ListenOnDefaultPortUnlessConfigured();
        builder.AddOttobonSecurityHeaders();
        builder.Services
            .AddOttobonDatabase()
            .AddOttobonEventStore()
            .AddOttobonErrorHandling()
            .AddOttobonApiSurface()
            .AddOttobonAuthentication()
            .AddOttobonIdentity()
            .AddOttobonAi(builder.Configuration)
            .AddOttobonIngestion(builder.Configuration)
            .AddCareerSiteScrapers(builder.Configuration, builder.Environment)
            .AddOttobonDocuments(builder.Configuration)
            .AddOttobonResumes(builder.Configuration)
            .AddOttobonChat(builder.Configuration)
            .AddOttobonApplicants()
            .AddOttobonApplications()
            .AddOttobonNotifications()
            .AddOttobonTailoring()
            .AddOttobonEmail(builder.Configuration)
            .AddOttobonRequestLimits(builder.Configuration)
            .AddOttobonDataProtection();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddOttobonApiCompression();
        builder.AddOttobonMessaging();
        builder.Services.AddWolverineHttp();

        var app = builder.Build();

        app.UseOttobonSecurityHeaders();
        app.UseOttobonApiCompression();
        app.UseOttobonErrorHandling();
        app.UseCors(ApiSurface.CorsPolicy);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOttobonRequestLimits();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

        app.MapOttobonApiReference();
        app.MapWolverineEndpoints(http => http.RejectUnparseableQueryValues = true);
        app.MapIngestionLiveFeed();
        app.MapChatSockets();
        app.MapNotificationSocket();
        app.MapOttobonMetrics();
        app.MapApiNotFound();
        app.UseOttobonSpa();
        return app;
    }
}
