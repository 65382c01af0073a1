using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Api.Adapters.OpenAi;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Chat;

namespace OttobonJobs.Api.Chat;

public static class ChatSetup
{
    public static IServiceCollection AddOttobonChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ChatSettings>(configuration, ChatSettings.Section);
        services.AddPostgresChannel<ChatFanout>();
        services.AddSingleton<ChatPresence>();
        services.AddSingleton<LocalChatCoach>();
        services.AddSingleton<OpenAiChatCoach>();
        // Same rule as the other AI ports: OpenAI when a key is configured, the offline coach otherwise.
        services.AddSingleton<IChatCoach>(provider => provider.GetRequiredService<IOptions<OpenAiSettings>>().Value.IsConfigured
            ? provider.GetRequiredService<OpenAiChatCoach>()
            : provider.GetRequiredService<LocalChatCoach>());
        return services;
    }

    public static WebApplication MapChatSockets(this WebApplication app)
    {
        app.MapChatSocket();
        app.MapControlTowerFeed();
        return app;
    }
}
