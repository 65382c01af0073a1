using OttobonJobs.Domain.Matching;

namespace OttobonJobs.Tests.Matching;

/// <summary>One labelled pair as the score sees it: the cosine of the two embedded texts and the job skills found.</summary>
public record PairFeatures(CalibrationPair Pair, double Cosine, int Matched, int Missing);

public record FitAccuracy(double Ordering, double GoodsAbove70, double PoorsBelow40)
{
    public override string ToString() => $"ordering {Ordering:P1}, goods ≥ 0.70 {GoodsAbove70:P0}, poors < 0.40 {PoorsBelow40:P0}";
}

/// <summary>
/// How the constants of <see cref="FitScore"/> are measured. Ordering accuracy is the share of (good, medium),
/// (medium, poor) and (good, poor) pairs of labelled pairs whose scores are strictly in that order. The fit: every
/// combination of a small grid of the four constants is scored on the calibration pairs (the held-out third is never
/// looked at) by ordering accuracy + ½ × (share of goods ≥ 0.70 + share of poors &lt; 0.40); of those within one
/// ordered pair of the best, the one whose goods and poors stay furthest from 0.70 and 0.40 wins (a wide margin
/// over a knife-edge optimum).
/// </summary>
public static class FitCalibration
{
    public static double Score(PairFeatures pair, FitConstants constants) =>
        Math.Round(FitScore.Combine(pair.Cosine, pair.Matched, pair.Missing, constants), 4);

    public static FitAccuracy Measure(IReadOnlyList<PairFeatures> pairs, FitConstants constants)
    {
        var scored = pairs.Select(p => (p.Pair.Label, Score: Score(p, constants))).ToList();
        var (ordered, compared) = (0, 0);
        foreach (var higher in scored)
        foreach (var lower in scored.Where(l => l.Label > higher.Label))
        {
            compared++;
            if (higher.Score > lower.Score) ordered++;
        }
        var goods = scored.Where(s => s.Label == FitLabel.Good).ToList();
        var poors = scored.Where(s => s.Label == FitLabel.Poor).ToList();
        return new FitAccuracy((double)ordered / compared,
            (double)goods.Count(g => g.Score >= 0.70) / goods.Count, (double)poors.Count(p => p.Score < 0.40) / poors.Count);
    }

    public static FitConstants Fit(IReadOnlyList<PairFeatures> calibration, double lowestCosine, double highestCosine)
    {
        var compared = calibration.Sum(h => calibration.Count(l => l.Pair.Label > h.Pair.Label));
        var candidates = (
            from weight in new[] { 0.4, 0.5, 0.6, 0.7 }
            from confidence in new[] { 0.0, 1, 2, 3, 4 }
            from floor in Steps(lowestCosine, highestCosine)
            from ceiling in Steps(lowestCosine, highestCosine)
            where ceiling >= floor + 0.05
            let constants = new FitConstants(weight, confidence, floor, ceiling)
            let accuracy = Measure(calibration, constants)
            select (constants, Objective: accuracy.Ordering + (accuracy.GoodsAbove70 + accuracy.PoorsBelow40) / 2, Margin: Margin(calibration, constants))
        ).ToList();
        var best = candidates.Max(c => c.Objective);
        return candidates.Where(c => c.Objective >= best - 1.0 / compared - 1e-9).MaxBy(c => c.Margin).constants;
    }

    /// <summary>Cosine floors and ceilings tried: every 0.05 over the model's range on the set (coarse on purpose, against overfitting).</summary>
    private static IEnumerable<double> Steps(double lowest, double highest)
    {
        for (var x = Math.Floor(lowest * 20) / 20; x <= highest + 1e-9; x += 0.05) yield return Math.Round(x, 2);
    }

    private static double Margin(IReadOnlyList<PairFeatures> pairs, FitConstants constants) => Math.Min(
        pairs.Where(p => p.Pair.Label == FitLabel.Good).Min(p => Score(p, constants)) - 0.70,
        0.40 - pairs.Where(p => p.Pair.Label == FitLabel.Poor).Max(p => Score(p, constants)));
}
