using System.Text.RegularExpressions;
using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Domain.Matching;

public record SkillComparison(IReadOnlyList<string> Matched, IReadOnlyList<string> Missing);

public record Fit(double SimilarityScore, double MatchScore, bool GapDetected, SkillComparison Skills);

/// <summary>
/// The constants of <see cref="FitScore"/> for one embedding model (cosines of unrelated and of closely related texts
/// differ from model to model). <see cref="FitScore.MiniLm"/> is the one the API uses.
/// </summary>
/// <param name="SkillWeight">The skill coverage's share of the score when the job lists many skills.</param>
/// <param name="SkillConfidence">How many listed skills make the coverage half-trusted: a job that names two skills says little.</param>
/// <param name="UnrelatedSimilarity">The cosine at or below which the texts count as unrelated (semantic 0).</param>
/// <param name="StrongSimilarity">The cosine at or above which the texts count as the same kind of work (semantic 1).</param>
public record FitConstants(double SkillWeight, double SkillConfidence, double UnrelatedSimilarity, double StrongSimilarity);

/// <summary>
/// How well a resume fits a job. The formula, calibrated on the labelled resume/job pairs in the tests
/// (<c>tests/OttobonJobs.Tests/Matching/Calibration</c>, method and results in the README):
/// <code>
///   n        = job skills (matched + missing)
///   coverage = matched job skills / n                       (0 when the job lists none)
///   semantic = clamp((cosine − 0.30) / (0.65 − 0.30), 0, 1)  (all-MiniLM-L6-v2: unrelated fields ≈ 0.15–0.45, same work ≈ 0.6–0.8)
///   w        = 0.5 × n / (n + 2)                            (the skills' weight grows with how many the job names)
///   match    = w × coverage + (1 − w) × semantic
///   gap      = match &lt; 0.7
/// </code>
/// Skills are what a seeker can act on, but a posting that names one or two skills (or none the taxonomy knows,
/// as in mechanical or semiconductor roles) says little about fit, so the meaning of the two texts carries the rest.
/// </summary>
public static class FitScore
{
    public const double GapThreshold = 0.7;

    /// <summary>Below the gap mark but with much in common: the band the fit page colours amber.</summary>
    public const double PartialThreshold = 0.4;

    public const string Strong = "strong";
    public const string Partial = "partial";
    public const string Low = "low";

    /// <summary>The one label every page shows beside a fit score: strong from the gap mark up, partial from 40%, else low.</summary>
    public static string Label(double matchScore) =>
        matchScore >= GapThreshold ? Strong : matchScore >= PartialThreshold ? Partial : Low;

    /// <summary>Calibrated for all-MiniLM-L6-v2, the local embedding model.</summary>
    public static readonly FitConstants MiniLm = new(SkillWeight: 0.5, SkillConfidence: 2, UnrelatedSimilarity: 0.30, StrongSimilarity: 0.65);

    public static Fit Score(double cosineSimilarity, IReadOnlyList<string> jobSkills, IReadOnlyList<string> resumeSkills, string resumeText) =>
        Score(cosineSimilarity, jobSkills, resumeSkills, resumeText, MiniLm);

    public static Fit Score(double cosineSimilarity, IReadOnlyList<string> jobSkills, IReadOnlyList<string> resumeSkills, string resumeText, FitConstants constants)
    {
        var skills = Compare(jobSkills, resumeSkills, resumeText);
        var match = Math.Round(Combine(cosineSimilarity, skills.Matched.Count, skills.Missing.Count, constants), 4);
        return new Fit(Math.Round(cosineSimilarity, 4), match, match < GapThreshold, skills);
    }

    /// <summary>The formula above, from the cosine and the counts of matched and missing job skills.</summary>
    public static double Combine(double cosineSimilarity, int matched, int missing, FitConstants constants)
    {
        var listed = matched + missing;
        var coverage = listed == 0 ? 0 : (double)matched / listed;
        var semantic = Math.Clamp(
            (cosineSimilarity - constants.UnrelatedSimilarity) / (constants.StrongSimilarity - constants.UnrelatedSimilarity), 0, 1);
        var skillWeight = listed == 0 ? 0 : constants.SkillWeight * listed / (listed + constants.SkillConfidence);
        return skillWeight * coverage + (1 - skillWeight) * semantic;
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
