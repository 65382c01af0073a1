using System.ClientModel;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters.OpenAi;

/// <summary>
/// Turns what the SDK throws into the two failures the ports know: <see cref="EnrichmentUnavailableException"/>
/// (try again later) and <see cref="EnrichmentRejectedException"/> (trying again will not help).
/// </summary>
internal static class OpenAiFailures
{
    public static async Task<T> Call<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (ClientResultException e)
        {
            throw Map(what, e);
        }
        catch (HttpRequestException e)
        {
            throw new EnrichmentUnavailableException($"OpenAI {what} could not reach the server: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not our caller cancelling: the SDK's network timeout fired.
            throw new EnrichmentUnavailableException($"OpenAI {what} timed out: {e.Message}", e);
        }
    }

    private static Exception Map(string what, ClientResultException e) => e.Status switch
    {
        // No HTTP response at all: connection refused or reset, DNS failure.
        0 => new EnrichmentUnavailableException($"OpenAI {what} could not reach the server: {e.Message}", e),
        // Timeout, rate limit, outage: OpenAI asks us to come back later.
        408 or 429 or >= 500 =>
            new EnrichmentUnavailableException($"OpenAI {what} unavailable (HTTP {e.Status}{RetryAfter(e)}): {e.Message}", e),
        // A wrong or revoked key, or a project without access, is a configuration error: retrying every job with
        // backoff would only hide it, so it is rejected at once with a message that says what to fix.
        401 or 403 =>
            new EnrichmentRejectedException(
                $"OpenAI {what} refused the credentials (HTTP {e.Status}): check {OpenAiSettings.Section}:ApiKey / OPENAI_API_KEY " +
                $"and the project's access to the model. {e.Message}", e),
        // 400 (e.g. input too long, unsupported schema), 404 (unknown model or wrong BaseUrl): the same request
        // would fail the same way again.
        _ => new EnrichmentRejectedException($"OpenAI {what} rejected the request (HTTP {e.Status}): {e.Message}", e),
    };

    private static string RetryAfter(ClientResultException e) =>
        e.GetRawResponse()?.Headers.TryGetValue("retry-after", out var seconds) == true ? $", retry after {seconds} s" : "";
}
