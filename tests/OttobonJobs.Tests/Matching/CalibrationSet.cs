using System.Text.Json;
using System.Text.Json.Serialization;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Api.Resumes;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Domain.Skills;
using OttobonJobs.Projections.Jobs;

namespace OttobonJobs.Tests.Matching;

public enum FitLabel { Good, Medium, Poor }

public record CalibrationJob(string Id, string Title, string Company, string? Location, IReadOnlyList<string> PostedSkills, string Description);

public record CalibrationPair(string Resume, string Job, FitLabel Label, bool Holdout);

/// <summary>
/// The labelled resume/job pairs under <c>Matching/Calibration</c>: <c>jobs/*.txt</c> (a header of title, company,
/// location and the poster's skills, then <c>---</c> and the description), <c>resumes/*.txt</c> (a resume's text as
/// extracted) and <c>pairs.json</c> (each pair's label, and whether it is held out of the calibration).
/// </summary>
public sealed class CalibrationSet
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Matching", "Calibration");

    public IReadOnlyDictionary<string, CalibrationJob> Jobs { get; }
    public IReadOnlyDictionary<string, string> Resumes { get; }
    public IReadOnlyList<CalibrationPair> Pairs { get; }

    private CalibrationSet(IReadOnlyDictionary<string, CalibrationJob> jobs, IReadOnlyDictionary<string, string> resumes, IReadOnlyList<CalibrationPair> pairs) =>
        (Jobs, Resumes, Pairs) = (jobs, resumes, pairs);

    public static CalibrationSet Load()
    {
        var jobs = Directory.GetFiles(Path.Combine(Folder, "jobs"), "*.txt").Select(ReadJob).ToDictionary(j => j.Id);
        var resumes = Directory.GetFiles(Path.Combine(Folder, "resumes"), "*.txt")
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path)!, path => File.ReadAllText(path).Trim());
        var file = JsonSerializer.Deserialize<PairsFile>(File.ReadAllText(Path.Combine(Folder, "pairs.json")), Json)!;
        var pairs = file.Pairs.Select(p => new CalibrationPair(p.Resume, p.Job, p.Label, p.Set == "holdout")).ToList();
        foreach (var pair in pairs)
        {
            if (!jobs.ContainsKey(pair.Job)) throw new InvalidOperationException($"pairs.json names job '{pair.Job}', which has no file.");
            if (!resumes.ContainsKey(pair.Resume)) throw new InvalidOperationException($"pairs.json names resume '{pair.Resume}', which has no file.");
        }
        return new CalibrationSet(jobs, resumes, pairs);
    }

    private static CalibrationJob ReadJob(string path)
    {
        var text = File.ReadAllText(path).Replace("\r", "");
        var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        var header = text[..split].Split('\n')
            .Select(line => line.Split(':', 2))
            .ToDictionary(kv => kv[0].Trim(), kv => kv.Length > 1 ? kv[1].Trim() : "");
        var skills = header.GetValueOrDefault("skills", "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new CalibrationJob(Path.GetFileNameWithoutExtension(path), header["title"], header["company"],
            header.GetValueOrDefault("location"), skills, text[(split + 5)..].Trim());
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private sealed record PairsFile(IReadOnlyList<PairEntry> Pairs);
    private sealed record PairEntry(string Resume, string Job, FitLabel Label, string Set);
}

/// <summary>
/// A job and a resume as the API sees them: the job's skills as the local enricher makes them (merged with the
/// poster's, <see cref="JobSkills.Merge"/>) and the texts the embedding handlers embed.
/// </summary>
public static class CalibrationPipeline
{
    private static readonly LocalJobEnricher Enricher = new();

    public static (IReadOnlyList<string> Skills, string EmbeddingText) Job(CalibrationJob job)
    {
        var plain = DescriptionHtml.ToPlainText(job.Description);
        var enrichment = Enricher.Enrich(new JobToEnrich(job.Title, job.Company, job.Location, plain, job.PostedSkills));
        return (JobSkills.Merge(job.PostedSkills, enrichment.Skills),
            EmbeddingText.For(job.Title, job.PostedSkills.Concat(enrichment.Skills), job.Description, OttobonJobs.Domain.Jobs.DescriptionFormat.CareerSite));
    }

    public static (IReadOnlyList<string> Skills, string EmbeddingText) Resume(string text)
    {
        var skills = SkillTaxonomy.Extract(text);
        return (skills, ResumeEmbeddingText.For(skills, text));
    }
}
