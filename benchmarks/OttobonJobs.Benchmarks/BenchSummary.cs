using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// The last step of scripts/bench.sh: reads the <c>FIGURE {json}</c> lines of every part's log, the parts' exit
/// codes and the load-average samples from the run folder, prints one <c>name | value | baseline | ratio | goal |
/// PASS/MISS</c> line per figure and writes the same as JSON.
/// </summary>
public static class BenchSummary
{
    public const string Usage = "OttobonJobs.Benchmarks summarize --run <run folder of scripts/bench.sh> [--json <path>]";

    /// <summary>parts.tsv: one line per part, "name TAB exit code TAB seconds TAB log file".</summary>
    private sealed record Part(string Name, int ExitCode, double Seconds, string Log);

    public static int Run(string[] args)
    {
        string? run = null, jsonPath = null;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--run": run = args[i + 1]; break;
                case "--json": jsonPath = args[i + 1]; break;
                default: Console.Error.WriteLine($"error: unknown option {args[i]}\n{Usage}"); return 2;
            }
        }
        if (run is null || !Directory.Exists(run))
        {
            Console.Error.WriteLine($"error: --run must name the run folder\n{Usage}");
            return 2;
        }

        var parts = File.Exists(Path.Combine(run, "parts.tsv"))
            ? File.ReadAllLines(Path.Combine(run, "parts.tsv")).Where(l => l.Length > 0).Select(ParsePart).ToList()
            : [];
        var figures = new List<JsonObject>();
        foreach (var part in parts)
        {
            var reported = File.Exists(part.Log)
                ? File.ReadLines(part.Log).Where(l => l.StartsWith("FIGURE ", StringComparison.Ordinal))
                    .Select(l => JsonNode.Parse(l["FIGURE ".Length..])!.AsObject()).ToList()
                : [];
            foreach (var figure in reported) figure["part"] = part.Name;
            figures.AddRange(reported);
            if (part.ExitCode != 0 || reported.Count == 0)
            {
                // A part that failed or reported nothing is a missed goal of its own, so it cannot pass silently.
                figures.Add(new JsonObject
                {
                    ["name"] = $"{part.Name}.completed", ["value"] = part.ExitCode, ["unit"] = "exit code",
                    ["goal"] = "runs and reports its figures", ["met"] = false, ["part"] = part.Name,
                    ["note"] = $"exit code {part.ExitCode}, {reported.Count} figures; see {part.Log}",
                });
            }
        }

        var load = ReadLoad(Path.Combine(run, "load.txt"));
        var meta = ReadMeta(Path.Combine(run, "meta.txt"));
        PrintTable(figures, parts, load, meta);

        var document = new JsonObject
        {
            ["meta"] = JsonSerializer.SerializeToNode(meta),
            ["machine"] = new JsonObject { ["cores"] = Environment.ProcessorCount, ["memory_bytes"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes },
            ["load_average_1m"] = load is null ? null : new JsonObject
            {
                ["samples"] = load.Count, ["mean"] = Math.Round(load.Average(), 2), ["max"] = load.Max(), ["min"] = load.Min(),
            },
            ["parts"] = new JsonArray(parts.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name, ["exit_code"] = p.ExitCode, ["seconds"] = Math.Round(p.Seconds, 1), ["log"] = p.Log,
            }).ToArray()),
            ["figures"] = new JsonArray(figures.Select(f => (JsonNode)f).ToArray()),
        };
        var json = document.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        File.WriteAllText(Path.Combine(run, "figures.json"), json);
        if (jsonPath is not null) File.WriteAllText(jsonPath, json);

        var missed = figures.Count(f => f["met"]?.GetValue<bool>() == false);
        Console.WriteLine($"{figures.Count} figures, {figures.Count(f => f["met"]?.GetValue<bool>() == true)} goals met, {missed} missed" +
                          $"; JSON: {jsonPath ?? Path.Combine(run, "figures.json")}");
        return 0;
    }

    private static void PrintTable(List<JsonObject> figures, List<Part> parts, List<double>? load, Dictionary<string, string> meta)
    {
        Console.WriteLine();
        Console.WriteLine($"=== scripts/bench.sh: {string.Join(", ", meta.Select(kv => $"{kv.Key} {kv.Value}"))} ===");
        Console.WriteLine(load is null
            ? "load average: not sampled"
            : $"load average (1 min, {load.Count} samples every 5 s): mean {load.Average():F2}, max {load.Max():F2}, on {Environment.ProcessorCount} cores");
        Console.WriteLine($"parts: {string.Join(", ", parts.Select(p => $"{p.Name} {p.Seconds:F0} s{(p.ExitCode == 0 ? "" : $" (exit {p.ExitCode})")}"))}");
        Console.WriteLine();
        Console.WriteLine("name | value | baseline | ratio | goal | PASS/MISS");
        foreach (var f in figures)
        {
            var unit = f["unit"]?.GetValue<string>() ?? "";
            var value = Format(f["value"], unit);
            var baseline = f["baseline"] is { } b ? $"{Format(b, unit)} ({f["baseline_name"]?.GetValue<string>()})" : "-";
            var ratio = Number(f["baseline"]) is > 0 and var bv && Number(f["value"]) is { } v ? $"{v / bv:F2}x" : "-";
            var verdict = f["met"]?.GetValue<bool>() switch { true => "PASS", false => "MISS", null => "-" };
            var note = f["note"] is { } n ? $"  [{n.GetValue<string>()}]" : "";
            Console.WriteLine($"{f["name"]} | {value} | {baseline} | {ratio} | {f["goal"]?.GetValue<string>() ?? "-"} | {verdict}{note}");
        }
        Console.WriteLine();
    }

    private static string Format(JsonNode? node, string unit)
    {
        var value = Number(node) ?? double.NaN;
        var number = Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
            : Math.Abs(value) >= 1 ? value.ToString("0.##", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
        return unit is "" or "bool" or "exit code" ? number : $"{number} {unit}";
    }

    /// <summary>Any JSON number (parsed or built from an int) as a double.</summary>
    private static double? Number(JsonNode? node) =>
        node is null ? null : double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static Part ParsePart(string line)
    {
        var cells = line.Split('\t');
        return new Part(cells[0], int.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[2], CultureInfo.InvariantCulture), cells[3]);
    }

    /// <summary>load.txt holds /proc/loadavg lines sampled during the run; the first field is the 1-minute average.</summary>
    private static List<double>? ReadLoad(string path)
    {
        if (!File.Exists(path)) return null;
        var samples = File.ReadLines(path).Select(l => l.Split(' ')[0])
            .Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN)
            .Where(v => !double.IsNaN(v)).ToList();
        return samples.Count == 0 ? null : samples;
    }

    /// <summary>meta.txt: "key=value" lines written by scripts/bench.sh (mode, commit, start time).</summary>
    private static Dictionary<string, string> ReadMeta(string path) =>
        File.Exists(path)
            ? File.ReadLines(path).Select(l => l.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1])
            : [];
}
