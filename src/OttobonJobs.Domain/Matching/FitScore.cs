using System.Text.RegularExpressions;
using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Domain.Matching;

public record SkillComparison(IReadOnlyList<string> Matched, IReadOnlyList<string> Missing);

public record Fit(double SimilarityScore, double MatchScore, bool GapDetected, SkillComparison Skills);

/// <summary>
/// How well a resume fits a job. The formula, calibrated on the labelled resume/job pairs in the tests:
/// <code>
///   coverage = matched job skills / job skills            (1 when the job lists none)
///   semantic = clamp((cosine − 0.20) / (0.60 − 0.20), 0, 1) (all-MiniLM-L6-v2: unrelated texts ≈ 0–0.2, same field ≈ 0.5–0.7)
///   match    = 0.6 × coverage + 0.4 × semantic
///   gap      = match &lt; 0.7
/// </code>
/// Skills weigh more because they are what a seeker can act on; meaning catches the fit that lists miss.
/// </summary>
public static class FitScore
{
    public const double GapThreshold = 0.7;
    public const double SkillWeight = 0.6;
    public const double SemanticWeight = 0.4;
    public const double UnrelatedSimilarity = 0.20;
    public const double StrongSimilarity = 0.60;

    public static Fit Score(double cosineSimilarity, IReadOnlyList<string> jobSkills, IReadOnlyList<string> resumeSkills, string resumeText)
    {
        var skills = Compare(jobSkills, resumeSkills, resumeText);
        var coverage = jobSkills.Count == 0 ? 1.0 : (double)skills.Matched.Count / (skills.Matched.Count + skills.Missing.Count);
        var semantic = Math.Clamp((cosineSimilarity - UnrelatedSimilarity) / (StrongSimilarity - UnrelatedSimilarity), 0, 1);
        var match = Math.Round(SkillWeight * coverage + SemanticWeight * semantic, 4);
        return new Fit(Math.Round(cosineSimilarity, 4), match, match < GapThreshold, skills);
    }

    /// <summary>
    /// A job skill is matched when the resume's extracted skills hold it (alias-aware, through the taxonomy) or,
    /// for skills outside the taxonomy, when the resume text names it as a whole word.
    /// </summary>
    public static SkillComparison Compare(IReadOnlyList<string> jobSkills, IReadOnlyList<string> resumeSkills, string resumeText)
    {
        var held = resumeSkills.Select(s => SkillTaxonomy.Canonicalise(s) ?? s).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var matched = new List<string>();
        var missing = new List<string>();
        foreach (var skill in jobSkills.DistinctBy(s => (SkillTaxonomy.Canonicalise(s) ?? s).ToLowerInvariant()))
        {
            var canonical = SkillTaxonomy.Canonicalise(skill);
            var has = canonical is not null
                ? held.Contains(canonical)
                : held.Contains(skill) || Regex.IsMatch(resumeText, $@"(?<![\w]){Regex.Escape(skill)}(?![\w])", RegexOptions.IgnoreCase);
            (has ? matched : missing).Add(canonical ?? skill);
        }
        return new SkillComparison(matched, missing);
    }
}
