using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Jobs;

public class when_the_process_stops_mid_enrichment : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task the_next_start_finishes_the_pending_enrichment()
    {
        var hanging = new HangingEnricher();
        Guid jobId;
        await using (var first = await ApiFixture.StartHostAsync(_database.ConnectionString,
                         configureServices: services => services.AddSingleton<IJobEnricher>(hanging)))
        {
            var provider = await first.SignedUpProvider();
            var accepted = await first.Scenario(s =>
            {
                s.Post.Json(new { title = "Survives a restart", description_raw = JobScenarios.NodeDescription }).ToUrl("/api/jobs");
                s.As(provider);
                s.StatusCodeShouldBe(HttpStatusCode.Accepted);
            });
            jobId = accepted.Json().GetProperty("id").GetGuid();
            await hanging.Called.WaitAsync(TimeSpan.FromSeconds(30));
        } // the process stops while the AI call is in flight

        var working = new ScriptedEnricher();
        await using var second = await ApiFixture.StartHostAsync(_database.ConnectionString,
            configureServices: services => services.AddSingleton<IJobEnricher>(working));

        // Wolverine recovers the persisted message on start; watch the read model until it lands.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await second.JobDetails(jobId))?.Status != JobStatus.Active && DateTime.UtcNow < deadline)
            await Task.Delay(250);

        (await second.JobDetails(jobId))!.Status.ShouldBe(JobStatus.Active);
        working.Calls.ShouldBe(1);
        (await second.JobEventTypes(jobId)).Count(t => t == typeof(JobEnriched)).ShouldBe(1);
    }
}
