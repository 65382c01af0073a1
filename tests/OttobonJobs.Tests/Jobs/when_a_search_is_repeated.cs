using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Api.Jobs.Search;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Jobs;

/// <summary>The real local model behind the embedding port, with every call counted by text.</summary>
public sealed class CountingEmbeddings(IEmbeddingGenerator inner) : IEmbeddingGenerator
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public string Model => inner.Model;
    public int Dimensions => inner.Dimensions;
    public int CallsFor(string text) => _calls.GetValueOrDefault(text);
    public int Calls => _calls.Values.Sum();

    public Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(text, 1, (_, n) => n + 1);
        return inner.EmbedAsync(text, cancellationToken);
    }
}

public class ApiWithCountedEmbeddings : ApiWithJobCatalogue
{
    public CountingEmbeddings Embeddings => Host.Services.GetRequiredService<CountingEmbeddings>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton(provider => new CountingEmbeddings(provider.GetRequiredService<MiniLmEmbeddingGenerator>()));
        services.AddSingleton<IEmbeddingGenerator>(provider => provider.GetRequiredService<CountingEmbeddings>());
    }
}

public class when_a_search_is_repeated(ApiWithCountedEmbeddings api) : IClassFixture<ApiWithCountedEmbeddings>
{
    [Fact]
    public async Task the_second_identical_search_reuses_the_query_vector_instead_of_calling_the_model()
    {
        var first = await api.Host.Scenario(s => s.Get.Url("/api/jobs/search?q=protect%20companies%20from%20hackers&limit=3"));
        api.Embeddings.CallsFor("protect companies from hackers").ShouldBe(1);

        // Case and spacing do not make it another query.
        var second = await api.Host.Scenario(s => s.Get.Url("/api/jobs/search?q=%20Protect%20companies%20%20from%20HACKERS&limit=3"));

        api.Embeddings.CallsFor("protect companies from hackers").ShouldBe(1);
        Ids(second).ShouldBe(Ids(first));
        Ids(second)[0].ShouldBe(api.Jobs["Cyber Security Analyst"]);
    }

    private static List<Guid> Ids(Alba.IScenarioResult result) =>
        result.Json().GetProperty("items").EnumerateArray().Select(h => h.GetProperty("job").GetProperty("id").GetGuid()).ToList();
}

/// <summary>The query-vector cache itself, with a fake model: no host, no database.</summary>
public class query_embedding_cache
{
    private sealed class FakeModel : IEmbeddingGenerator
    {
        public int Calls { get; private set; }
        public string Model { get; set; } = "fake-1";
        public int Dimensions => 2;

        public Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new[] { text.Length, (float)Model.Length });
        }
    }

    private static QueryEmbeddings Cache(FakeModel model, int entries) =>
        new(model, Options.Create(new QueryEmbeddingSettings { CacheEntries = entries }));

    [Fact]
    public async Task the_cache_holds_at_most_its_configured_entries_and_drops_the_least_recently_used()
    {
        var model = new FakeModel();
        var cache = Cache(model, entries: 2);

        foreach (var query in new[] { "a", "b", "a", "c" }) await cache.EmbedAsync(query, CancellationToken.None);
        model.Calls.ShouldBe(3); // the second "a" was a hit
        cache.Cached.ShouldBe(2);

        await cache.EmbedAsync("a", CancellationToken.None); // read after "b", so "b" went when "c" came
        model.Calls.ShouldBe(3);
        await cache.EmbedAsync("b", CancellationToken.None);
        model.Calls.ShouldBe(4);
        cache.Cached.ShouldBe(2);
    }

    [Fact]
    public async Task a_vector_of_another_model_is_never_reused()
    {
        var model = new FakeModel();
        var cache = Cache(model, entries: 10);
        await cache.EmbedAsync("audit associate", CancellationToken.None);

        model.Model = "fake-model-2";
        var vector = await cache.EmbedAsync("audit associate", CancellationToken.None);

        model.Calls.ShouldBe(2);
        vector[1].ShouldBe("fake-model-2".Length);
    }

    [Fact]
    public async Task with_no_entries_every_query_calls_the_model()
    {
        var model = new FakeModel();
        var cache = Cache(model, entries: 0);
        await cache.EmbedAsync("tax analyst", CancellationToken.None);
        await cache.EmbedAsync("tax analyst", CancellationToken.None);
        model.Calls.ShouldBe(2);
        cache.Cached.ShouldBe(0);
    }
}
