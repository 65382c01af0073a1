using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.OpenAi;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.OpenAi;

internal static class OpenAiTestSettings
{
    public const string ApiKey = "sk-test-fake-key";

    /// <summary>Settings pointing at the fake server, with SDK retries off unless a test turns them on.</summary>
    public static IOptions<OpenAiSettings> For(FakeOpenAiServer server, int maxRetries = 0, int timeoutSeconds = 10) =>
        Options.Create(new OpenAiSettings
        {
            ApiKey = ApiKey,
            BaseUrl = server.BaseUrl,
            MaxRetries = maxRetries,
            TimeoutSeconds = timeoutSeconds,
        });
}
