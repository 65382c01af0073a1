using System.Text.Json;
using System.Text.Json.Serialization;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// One measured figure of the performance issue, beside the baseline measured in the same run. Every scenario
/// reports its figures with <see cref="Figures.Report"/>; scripts/bench.sh collects the <c>FIGURE {json}</c> lines
/// from each part into its table and its JSON file.
/// </summary>
/// <param name="Name">Stable identifier, e.g. <c>feed.cursor.req_per_s</c>.</param>
/// <param name="Value">The measured value, in <paramref name="Unit"/>.</param>
/// <param name="Baseline">The baseline measured in the same run (same unit), or null when the goal is absolute.</param>
/// <param name="BaselineName">What the baseline is, e.g. "plain Npgsql keyset endpoint".</param>
/// <param name="Goal">The goal in words, e.g. "≥ 25% of baseline" or "≤ 15".</param>
/// <param name="Met">Whether the goal is met (null when the figure has no goal and is printed for context).</param>
public sealed record Figure(
    string Name,
    double Value,
    string Unit,
    double? Baseline,
    string? BaselineName,
    string? Goal,
    bool? Met,
    string? Note = null)
{
    /// <summary>Value / baseline, when there is a baseline.</summary>
    public double? Ratio => Baseline is > 0 ? Value / Baseline : null;
}

public static class Figures
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Keeps "≥", "×" and "+" readable in the logs; the lines are never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Prints the figure as one <c>FIGURE {json}</c> line (parsed by scripts/bench.sh).</summary>
    public static void Report(Figure figure) =>
        Console.WriteLine("FIGURE " + JsonSerializer.Serialize(figure, Json));

    /// <summary>A figure whose goal is a share of its baseline: met when value ≥ share × baseline.</summary>
    public static Figure AtLeastShareOf(string name, double value, string unit, double baseline, string baselineName,
        double share, string? note = null) =>
        new(name, value, unit, baseline, baselineName, $"≥ {share * 100:0}% of baseline", value >= share * baseline, note);

    /// <summary>A figure with an absolute ceiling: met when value ≤ limit.</summary>
    public static Figure AtMost(string name, double value, string unit, double limit, double? baseline = null,
        string? baselineName = null, string? note = null) =>
        new(name, value, unit, baseline, baselineName, $"≤ {limit:G} {unit}", value <= limit, note);

    /// <summary>A figure with an absolute floor: met when value ≥ limit.</summary>
    public static Figure AtLeast(string name, double value, string unit, double limit, double? baseline = null,
        string? baselineName = null, string? note = null) =>
        new(name, value, unit, baseline, baselineName, $"≥ {limit:G} {unit}", value >= limit, note);
}
