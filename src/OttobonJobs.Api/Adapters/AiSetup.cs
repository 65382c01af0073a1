using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Api.Adapters.OpenAi;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Api.Jobs.Search;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters;

/// <summary>
/// Chooses the adapters behind the AI ports: OpenAI when Ottobon:OpenAi:ApiKey (OPENAI_API_KEY) is set,
/// otherwise the offline local ones, which are the default and need no network. The choice is made when
/// the port is first resolved, so tests and operators can set it through any configuration source.
/// </summary>
public static class AiSetup
{
    public static IServiceCollection AddOttobonAi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<EnrichmentSettings>(configuration, EnrichmentSettings.Section);
        services.AddValidatedSettings<OpenAiSettings>(configuration, OpenAiSettings.Section);
        services.AddValidatedSettings<LocalEmbeddingSettings>(configuration, LocalEmbeddingSettings.Section);

        services.AddSingleton<LocalJobEnricher>();
        services.AddSingleton(provider => new MiniLmEmbeddingGenerator(provider.GetRequiredService<IOptions<LocalEmbeddingSettings>>().Value));
        services.AddSingleton<OpenAiJobEnricher>();
        services.AddSingleton<OpenAiEmbeddingGenerator>();

        services.AddSingleton<IJobEnricher>(provider => UseOpenAi(provider)
            ? provider.GetRequiredService<OpenAiJobEnricher>()
            : provider.GetRequiredService<LocalJobEnricher>());
        services.AddSingleton<IEmbeddingGenerator>(provider => UseOpenAi(provider)
            ? provider.GetRequiredService<OpenAiEmbeddingGenerator>()
            : provider.GetRequiredService<MiniLmEmbeddingGenerator>());

        services.AddValidatedSettings<QueryEmbeddingSettings>(configuration, QueryEmbeddingSettings.Section);
        services.AddSingleton<QueryEmbeddings>();
        return services;
    }

    private static bool UseOpenAi(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<OpenAiSettings>>().Value.IsConfigured;
}
