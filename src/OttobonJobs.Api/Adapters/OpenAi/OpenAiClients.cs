using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace OttobonJobs.Api.Adapters.OpenAi;

/// <summary>Creates the SDK client both adapters share the settings of: endpoint, key, timeout and SDK retries.</summary>
internal static class OpenAiClients
{
    public static OpenAIClient Create(OpenAiSettings settings)
    {
        if (!settings.IsConfigured)
            throw new InvalidOperationException($"The OpenAI adapters need {OpenAiSettings.Section}:ApiKey (or OPENAI_API_KEY).");

        var options = new OpenAIClientOptions
        {
            NetworkTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(Math.Max(0, settings.MaxRetries)),
        };
        if (!string.IsNullOrWhiteSpace(settings.BaseUrl)) options.Endpoint = new Uri(settings.BaseUrl);

        return new OpenAIClient(new ApiKeyCredential(settings.ApiKey!), options);
    }
}
