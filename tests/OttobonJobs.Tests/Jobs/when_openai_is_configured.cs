using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Jobs;

/// <summary>The real API with an OpenAI key, pointed at a fake OpenAI server on loopback.</summary>
public class ApiWithFakeOpenAi : ApiFixture
{
    public FakeOpenAiServer OpenAi { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        OpenAi = await FakeOpenAiServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>(OpenAi.ApiSettings())
    {
        ["Ottobon:Enrichment:MaxAttempts"] = "2",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await OpenAi.DisposeAsync();
    }
}

public class when_openai_is_configured(ApiWithFakeOpenAi api) : IClassFixture<ApiWithFakeOpenAi>
{
    private static float[] UnitVector(int hot) => Enumerable.Range(0, 384).Select(i => i == hot ? 1f : 0f).ToArray();

    [Fact]
    public async Task jobs_are_enriched_and_embedded_by_openai()
    {
        api.OpenAi.ReplyToChat(FakeOpenAi.EnrichmentAnswer());
        api.OpenAi.ReplyToEmbedding(UnitVector(7));
        var provider = await api.Host.SignedUpProvider();

        var id = await api.Host.PostedJob(provider, title: "Audit Associate (OpenAI)");

        var job = (await api.Host.JobDetails(id))!;
        job.Status.ShouldBe(JobStatus.Active);
        job.AiModel.ShouldBe("gpt-4o-mini");
        job.EmbeddingModel.ShouldBe("text-embedding-3-small");
        var chat = api.OpenAi.RequestsTo(FakeOpenAiServer.ChatCompletions).Last();
        chat.Body.ShouldContain("Audit Associate (OpenAI)");
        api.OpenAi.RequestsTo(FakeOpenAiServer.Embeddings).Last().Json.GetProperty("dimensions").GetInt32().ShouldBe(384);
    }

    [Fact]
    public async Task repeated_server_errors_end_in_a_recorded_failure()
    {
        api.OpenAi.Fail(FakeOpenAiServer.ChatCompletions, 500);
        api.OpenAi.Fail(FakeOpenAiServer.ChatCompletions, 503);
        var provider = await api.Host.SignedUpProvider();

        var id = await api.Host.PostedJob(provider, title: "Unlucky role");
        await api.Host.InvokeMessageAndWaitAsync(new EnrichJob(id), JobScenarios.EnrichmentTimeoutMs);

        var job = (await api.Host.JobDetails(id))!;
        job.EnrichmentStatus.ShouldBe(EnrichmentStatus.Failed);
        job.FailedAttempts.ShouldBe(2);
        job.LastEnrichmentError!.ShouldContain("503");
        (await api.Host.JobEventTypes(id)).Count(t => t == typeof(JobEnrichmentFailed)).ShouldBe(2);
    }
}
