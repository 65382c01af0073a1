using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters;

/// <summary>
/// Chooses the adapters behind the AI ports: OpenAI when Ottobon:OpenAi:ApiKey (OPENAI_API_KEY) is set,
/// otherwise the offline local ones, which are the default and need no network.
/// </summary>
public static class AiSetup
{
    public static IServiceCollection AddOttobonAi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EnrichmentSettings>().Bind(configuration.GetSection(EnrichmentSettings.Section));
        services.AddSingleton<MiniLmEmbeddingGenerator>();
        services.AddSingleton<IEmbeddingGenerator>(provider => provider.GetRequiredService<MiniLmEmbeddingGenerator>());
        return services;
    }
}
