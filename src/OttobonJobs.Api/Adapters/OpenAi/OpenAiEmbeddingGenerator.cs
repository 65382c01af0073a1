using Microsoft.Extensions.Options;
using OpenAI.Embeddings;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters.OpenAi;

/// <summary>Embeddings from an OpenAI embedding model, shortened by the API to the configured number of dimensions.</summary>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator
{
    /// <summary>
    /// The embedding models take at most 8,191 tokens; at roughly four characters a token this stays under it.
    /// A vector of the first 24,000 characters represents a job or a resume well enough.
    /// </summary>
    public const int MaxInputChars = 24_000;

    private readonly EmbeddingClient _embeddings;
    private readonly EmbeddingGenerationOptions _request;

    public OpenAiEmbeddingGenerator(IOptions<OpenAiSettings> options)
    {
        var settings = options.Value;
        Model = settings.EmbeddingModel;
        Dimensions = settings.EmbeddingDimensions;
        _embeddings = OpenAiClients.Create(settings).GetEmbeddingClient(Model);
        _request = new EmbeddingGenerationOptions { Dimensions = Dimensions };
    }

    public string Model { get; }
    public int Dimensions { get; }

    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        // The API answers 400 to an empty input; that is the caller's mistake, not an outage.
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var input = text.Length > MaxInputChars ? text[..MaxInputChars] : text;

        var result = await OpenAiFailures.Call(
            "embedding", () => _embeddings.GenerateEmbeddingAsync(input, _request, cancellationToken), cancellationToken);

        var vector = result.Value.ToFloats().ToArray();
        if (vector.Length != Dimensions)
            throw new EnrichmentRejectedException(
                $"OpenAI {Model} returned a vector of {vector.Length} dimensions, expected {Dimensions}.");
        return vector;
    }
}
