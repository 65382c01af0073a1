using OttobonJobs.Api.Adapters.OpenAi;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.OpenAi;

public class openai_embeddings_against_a_fake_server : IAsyncLifetime
{
    private FakeOpenAiServer _openAi = null!;

    public async Task InitializeAsync() => _openAi = await FakeOpenAiServer.StartAsync();
    public async Task DisposeAsync() => await _openAi.DisposeAsync();

    private OpenAiEmbeddingGenerator Generator() => new(OpenAiTestSettings.For(_openAi));

    private static float[] Vector(int length) => Enumerable.Range(0, length).Select(i => i / 1000f).ToArray();

    [Fact]
    public async Task it_asks_for_the_configured_model_and_dimensions()
    {
        _openAi.ReplyToEmbedding(Vector(384));

        await Generator().EmbedAsync("Audit associate, B.Com, Hyderabad", CancellationToken.None);

        var request = _openAi.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/v1/embeddings");
        var body = request.Json;
        body.GetProperty("model").GetString().ShouldBe("text-embedding-3-small");
        body.GetProperty("dimensions").GetInt32().ShouldBe(384);
        body.GetProperty("input").ToString().ShouldContain("Audit associate, B.Com, Hyderabad");
    }

    [Fact]
    public async Task the_vector_comes_back_as_sent()
    {
        var sent = Vector(384);
        _openAi.ReplyToEmbedding(sent);
        var generator = Generator();

        var vector = await generator.EmbedAsync("Data analyst intern", CancellationToken.None);

        vector.ShouldBe(sent);
        generator.Model.ShouldBe("text-embedding-3-small");
        generator.Dimensions.ShouldBe(384);
    }

    [Fact]
    public async Task a_vector_of_the_wrong_length_is_rejected()
    {
        _openAi.ReplyToEmbedding(Vector(1536));

        var failure = await Should.ThrowAsync<EnrichmentRejectedException>(
            () => Generator().EmbedAsync("Data analyst intern", CancellationToken.None));

        failure.Message.ShouldContain("1536 dimensions, expected 384");
    }

    [Fact]
    public async Task a_rate_limit_is_unavailable()
    {
        _openAi.Fail(FakeOpenAiServer.Embeddings, 429, retryAfter: TimeSpan.FromSeconds(3));

        var failure = await Should.ThrowAsync<EnrichmentUnavailableException>(
            () => Generator().EmbedAsync("Data analyst intern", CancellationToken.None));

        failure.Message.ShouldContain("HTTP 429");
    }

    [Fact]
    public async Task a_wrong_api_key_is_rejected()
    {
        _openAi.Fail(FakeOpenAiServer.Embeddings, 401);

        var failure = await Should.ThrowAsync<EnrichmentRejectedException>(
            () => Generator().EmbedAsync("Data analyst intern", CancellationToken.None));

        failure.Message.ShouldContain("OPENAI_API_KEY");
    }
}
