using JasperFx;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Adapters;
using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Chat;
using OttobonJobs.Api.Identity;
using OttobonJobs.Api.Ingestion;
using OttobonJobs.Api.Resumes;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddOttobonSettings();
builder.ListenOnDefaultPortUnlessConfigured();
builder.Services
    .AddOttobonDatabase()
    .AddOttobonEventStore()
    .AddOttobonErrorHandling()
    .AddOttobonApiSurface()
    .AddOttobonAuthentication()
    .AddOttobonIdentity()
    .AddOttobonAi(builder.Configuration)
    .AddOttobonIngestion(builder.Configuration)
    .AddCareerSiteScrapers(builder.Configuration)
    .AddOttobonDocuments(builder.Configuration)
    .AddOttobonResumes(builder.Configuration)
    .AddOttobonChat();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.AddOttobonMessaging();
builder.Services.AddWolverineHttp();

var app = builder.Build();

app.UseOttobonErrorHandling();
app.UseCors(ApiSurface.CorsPolicy);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

app.MapOttobonApiReference();
app.MapWolverineEndpoints(http => http.RejectUnparseableQueryValues = true);
app.MapIngestionLiveFeed();
app.MapChatSockets();
app.MapApiNotFound();
app.UseOttobonSpa();

return await app.RunJasperFxCommands(args);

// Visible to the integration tests' AlbaHost.For<Program>().
public partial class Program;
