namespace OttobonJobs.Domain.Jobs.Enrichment;

/// <summary>
/// The AI port for structured job enrichment. Adapters: OpenAI (when an API key is configured) and a local,
/// offline one (the default).
/// </summary>
public interface IJobEnricher
{
    /// <summary>Recorded with every enrichment, e.g. "gpt-4o-mini" or "ottobon-local-enricher/1".</summary>
    string ModelName { get; }

    /// <exception cref="EnrichmentUnavailableException">The AI could not answer now (rate limit, outage, timeout): worth retrying later.</exception>
    /// <exception cref="EnrichmentRejectedException">The AI answered with something unusable (malformed JSON, wrong counts).</exception>
    Task<JobEnrichment> EnrichAsync(JobToEnrich job, CancellationToken cancellationToken);
}

/// <summary>The embedding port. Adapters: OpenAI text-embedding-3-small and local all-MiniLM-L6-v2 (384 dimensions, the default).</summary>
public interface IEmbeddingGenerator
{
    /// <summary>Stored with every vector so a model switch is visible and rebuildable.</summary>
    string Model { get; }
    int Dimensions { get; }

    /// <exception cref="EnrichmentUnavailableException">The embedding service could not answer now.</exception>
    Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken);
}

/// <summary>A transient failure of an outside AI service; the caller retries with backoff.</summary>
public class EnrichmentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The AI service answered, but the answer cannot be used.</summary>
public class EnrichmentRejectedException(string message, Exception? inner = null) : Exception(message, inner);
