using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.OpenAi;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.OpenAi;

/// <summary>
/// The OpenAI adapters pointed at an OpenAI-compatible server that does not live at "/v1" (a proxy, a gateway, a local
/// server mounted under a prefix), with a local model's names and size, as the README's local-server example sets them:
/// every request arrives under that base path, with or without a trailing slash, and the answers come back.
/// </summary>
public class openai_adapters_behind_a_local_server_base_path : IAsyncLifetime
{
    private const string BasePath = "/openai/v1";
    private const int NomicDimensions = 768;
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync(BasePath);
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IOptions<OpenAiSettings> LocalServer(bool trailingSlash) => Options.Create(new OpenAiSettings
    {
        ApiKey = "ollama", // local servers ignore the key, but the adapters are only chosen when one is set
        BaseUrl = _server.BaseUrl + (trailingSlash ? "/" : ""),
        ChatModel = "llama3.1:8b",
        EmbeddingModel = "nomic-embed-text",
        EmbeddingDimensions = NomicDimensions,
        TimeoutSeconds = 10,
    });

    private static readonly JobToEnrich Job = new(
        "Tax Analyst – Fresher", "EY", "Bengaluru", "Prepare GST returns and reconcile ledgers for clients.", ["Excel", "GST"]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task the_enricher_posts_to_chat_completions_under_the_base_path(bool trailingSlash)
    {
        _server.ReplyToChat(FakeOpenAi.EnrichmentAnswer());

        var enrichment = await new OpenAiJobEnricher(LocalServer(trailingSlash), NullLogger<OpenAiJobEnricher>.Instance)
            .EnrichAsync(Job, CancellationToken.None);

        var request = _server.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe($"{BasePath}/chat/completions");
        request.Json.GetProperty("model").GetString().ShouldBe("llama3.1:8b");
        enrichment.PrepQuestions.Count.ShouldBe(5);
        enrichment.Skills.ShouldContain("Auditing");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task the_embeddings_come_from_under_the_base_path(bool trailingSlash)
    {
        var sent = Enumerable.Range(0, NomicDimensions).Select(i => i / 10_000f).ToArray();
        _server.ReplyToEmbedding(sent);

        var vector = await new OpenAiEmbeddingGenerator(LocalServer(trailingSlash)).EmbedAsync("GST returns, ledgers", CancellationToken.None);

        var request = _server.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe($"{BasePath}/embeddings");
        request.Json.GetProperty("model").GetString().ShouldBe("nomic-embed-text");
        request.Json.GetProperty("dimensions").GetInt32().ShouldBe(NomicDimensions);
        vector.ShouldBe(sent);
    }

    [Fact]
    public async Task the_coach_talks_to_the_chat_model_under_the_base_path()
    {
        _server.ReplyToChat("Reconcile one ledger aloud, step by step.");
        var context = new CoachContext(
            [new ChatMessagePosted(Guid.NewGuid(), ChatRole.User, "How do I prepare?", null, null, DateTimeOffset.UtcNow)],
            "B.Com 2025, GST internship.", ["Excel"], null, "Asha Rao");

        var reply = await new OpenAiChatCoach(LocalServer(trailingSlash: false)).ReplyAsync(context, CancellationToken.None);

        reply.ShouldBe("Reconcile one ledger aloud, step by step.");
        _server.Requests.ShouldHaveSingleItem().Path.ShouldBe($"{BasePath}/chat/completions");
    }

    [Fact]
    public async Task a_base_url_missing_the_prefix_reaches_nothing()
    {
        var settings = LocalServer(trailingSlash: false);
        settings.Value.BaseUrl = _server.BaseUrl.Replace(BasePath, "/v1");

        await Should.ThrowAsync<EnrichmentRejectedException>(
            () => new OpenAiEmbeddingGenerator(settings).EmbedAsync("GST returns", CancellationToken.None));

        _server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/v1/embeddings");
    }
}
