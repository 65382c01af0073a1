using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>The API with two scripted career sites (alpha, beta) and a scripted AI.</summary>
public class ApiWithScriptedSites : ApiFixture
{
    public ScriptedScraper Alpha { get; } = new("alpha", "Alpha & Co");
    public ScriptedScraper Beta { get; } = new("beta", "Beta LLP");
    public ScriptedEnricher Ai { get; } = new();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Ottobon:Ingestion:ArchiveAfterMissedRuns"] = "2",
        ["Ottobon:Ingestion:BatchSize"] = "2",
    };

    protected override void ConfigureServices(IServiceCollection services) => Register(services, Ai, Alpha, Beta);

    public static void Register(IServiceCollection services, IJobEnricher ai, params ICareerSiteScraper[] sites)
    {
        services.AddSingleton(ai);
        services.RemoveAll<ICareerSiteScraper>();
        foreach (var site in sites) services.AddSingleton(site);
    }
}

public static class IngestionScenarios
{
    /// <summary>Triggers a run of <paramref name="source"/> and waits for the whole pipeline (scrape, enrich, finish).</summary>
    public static async Task<Guid> IngestedAsync(this IAlbaHost host, SignedIn admin, string source)
    {
        Guid runId = default;
        await host.ExecuteAndWaitAsync(async () =>
        {
            var result = await host.Scenario(s =>
            {
                s.Post.Url($"/api/admin/ingest/{source}");
                s.As(admin);
                s.StatusCodeShouldBe(HttpStatusCode.Accepted);
            });
            runId = result.Json().GetProperty("run_id").GetGuid();
        }, timeoutInMilliseconds: 60_000);
        return runId;
    }

    public static async Task<IngestionRunLog> RunLog(this IAlbaHost host, Guid runId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<IngestionRunLog>(runId))!;
    }
}
