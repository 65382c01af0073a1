using System.ComponentModel.DataAnnotations;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// How the local MiniLM model uses the CPU, bound from <c>Ottobon:LocalEmbeddings</c>. The defaults were measured on a
/// 2-core machine (benchmarks, <c>--scenario embeddings</c>): one thread per ONNX session and one session per core
/// beat ONNX's default (every call spreads over all cores, so two concurrent handlers fight over them).
/// </summary>
public class LocalEmbeddingSettings
{
    public const string Section = "Ottobon:LocalEmbeddings";

    /// <summary>Model sessions, each serving one call at a time; each holds its own copy of the model (about 90 MB).</summary>
    [Range(1, 64)]
    public int Sessions { get; set; } = 2;

    /// <summary>ONNX Runtime's IntraOpNumThreads for each session (threads inside one operator).</summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>ONNX Runtime's InterOpNumThreads (threads across operators; the graph runs sequentially, so 1).</summary>
    [Range(1, 64)]
    public int InterOpThreads { get; set; } = 1;
}
