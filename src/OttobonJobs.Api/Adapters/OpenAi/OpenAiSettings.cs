using System.ComponentModel.DataAnnotations;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Adapters.OpenAi;

/// <summary>
/// Settings for the OpenAI adapters, bound from <c>Ottobon:OpenAi</c>. Without an <see cref="ApiKey"/> the OpenAI
/// adapters are not used and the local, offline ones serve instead.
/// </summary>
public class OpenAiSettings
{
    public const string Section = "Ottobon:OpenAi";

    [DataType(DataType.Password)]
    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the API lives, for proxies and tests; null means OpenAI itself (https://api.openai.com/v1).
    /// The SDK appends "chat/completions" or "embeddings" to this URL, so give the "/v1" part too if the server wants it.
    /// </summary>
    [HttpUrl]
    public string? BaseUrl { get; set; }

    [Required]
    public string ChatModel { get; set; } = "gpt-4o-mini";
    [Required]
    public string EmbeddingModel { get; set; } = "text-embedding-3-small";

    /// <summary>Sent as the "dimensions" parameter; 384 matches the local MiniLM vectors and their tables.</summary>
    /// <remarks>At most 2000: pgvector's HNSW index (the vector tables use one) refuses larger vectors.</remarks>
    [Range(1, 2000)]
    public int EmbeddingDimensions { get; set; } = 384;

    /// <summary>How long one HTTP attempt may take before it counts as a timeout.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Retries done by the SDK itself, inside one call. 0 by default: our Wolverine handlers retry durably with backoff,
    /// and SDK retries underneath would multiply with those and hold a handler for as long as a "retry-after" says.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}
