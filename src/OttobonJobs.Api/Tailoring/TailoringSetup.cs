using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Api.Adapters.OpenAi;
using OttobonJobs.Domain.Tailoring;

namespace OttobonJobs.Api.Tailoring;

public static class TailoringSetup
{
    public static IServiceCollection AddOttobonTailoring(this IServiceCollection services)
    {
        services.AddSingleton<LocalResumeTailor>();
        services.AddSingleton<OpenAiResumeTailor>();
        // Same rule as the other AI ports: OpenAI when a key is configured, the offline tailor otherwise.
        services.AddSingleton<IResumeTailor>(provider => provider.GetRequiredService<IOptions<OpenAiSettings>>().Value.IsConfigured
            ? provider.GetRequiredService<OpenAiResumeTailor>()
            : provider.GetRequiredService<LocalResumeTailor>());
        return services;
    }
}
