using System.Text.RegularExpressions;
using OttobonJobs.Domain.Matching;
using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Domain.Tailoring;

public static class KeywordSource
{
    /// <summary>One of the job's skills (the poster's and the enrichment's): these count in the fit score.</summary>
    public const string JobSkills = "job_skills";

    /// <summary>A skill the description names that the skills list does not: worth echoing, not part of the score.</summary>
    public const string Description = "description";
}

/// <summary>Where a keyword stands on the resume.</summary>
public sealed record KeywordLocation(int Line, string Section, string Text);

public sealed record PresentKeyword(string Keyword, string Source, IReadOnlyList<KeywordLocation> FoundAt);

/// <param name="ScoreGain">How much the fit score would rise if the resume named it (0 for a description keyword).</param>
public sealed record MissingKeyword(string Keyword, string Source, double ScoreGain);

/// <summary>A resume line where missing keywords of the same kind of work belong, if the seeker really used them there.</summary>
/// <param name="ScoreGain">How much the fit score would rise with all of <see cref="Keywords"/> named (score points, 0–1).</param>
public sealed record LineToStrengthen(int Line, string Section, string Text, IReadOnlyList<string> Keywords, double ScoreGain);

/// <summary>The job and resume facts the report is computed from.</summary>
/// <param name="Cosine">The resume's and job's embedding cosine when known; the gains do not depend on it, only <see cref="CoverageReport.FitScore"/> does.</param>
public sealed record CoverageInput(
    IReadOnlyList<string> JobSkills, string JobDescription, IReadOnlyList<string> ResumeSkills, string ResumeText, double? Cosine);

/// <param name="FitScore">The fit score now, when the cosine is known (<see cref="Matching.FitScore"/>).</param>
/// <param name="FitScoreWithAll">The fit score if every missing job skill were on the resume.</param>
public sealed record CoverageReport(
    IReadOnlyList<PresentKeyword> Present,
    IReadOnlyList<MissingKeyword> Missing,
    IReadOnlyList<LineToStrengthen> Strengthen,
    double? FitScore,
    double? FitScoreWithAll);

/// <summary>
/// Which of a job's keywords a resume contains and where, which are missing, and which lines to strengthen first.
/// Keywords are the job's skills (scored) and the skills its description names (not scored), found with the same
/// taxonomy the fit score uses (<see cref="SkillTaxonomy"/>, <see cref="FitScore.Compare"/>), so the report and the
/// fit page never disagree about a skill. A line's gain is <see cref="FitScore.Combine"/> with the line's missing
/// skills matched minus without: with n job skills each one is worth w(n)/n, so the lines that can carry the most
/// missing skills come first.
/// </summary>
public static class KeywordCoverage
{
    public const int MaxLinesToStrengthen = 8;

    /// <summary>The semantic part cancels out of every gain; a neutral cosine stands in when the real one is unknown.</summary>
    private const double NeutralCosine = 0.5;

    public static CoverageReport Report(CoverageInput input)
    {
        var lines = ResumeLines.Read(input.ResumeText);
        var comparison = FitScore.Compare(input.JobSkills, input.ResumeSkills, input.ResumeText);
        var scored = comparison.Matched.Concat(comparison.Missing).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fromDescription = SkillTaxonomy.Extract(input.JobDescription).Where(s => !scored.Contains(s)).ToList();

        var present = comparison.Matched.Select(k => new PresentKeyword(k, KeywordSource.JobSkills, Locate(k, lines))).ToList();
        var descriptionHeld = FitScore.Compare(fromDescription, input.ResumeSkills, input.ResumeText);
        present.AddRange(descriptionHeld.Matched.Select(k => new PresentKeyword(k, KeywordSource.Description, Locate(k, lines))));

        var (matched, missing) = (comparison.Matched.Count, comparison.Missing.Count);
        var cosine = input.Cosine ?? NeutralCosine;
        double Gain(int added) => Math.Round(
            FitScore.Combine(cosine, matched + added, missing - added, FitScore.MiniLm) - FitScore.Combine(cosine, matched, missing, FitScore.MiniLm), 4);

        var missingKeywords = comparison.Missing.Select(k => new MissingKeyword(k, KeywordSource.JobSkills, Gain(1)))
            .Concat(descriptionHeld.Missing.Select(k => new MissingKeyword(k, KeywordSource.Description, 0)))
            .ToList();

        var strengthen = Strengthen(lines, comparison.Missing, descriptionHeld.Missing)
            .Select(s => new LineToStrengthen(s.Line.Number, s.Line.Section, s.Line.Text, s.Keywords, Gain(s.ScoredCount)))
            .OrderByDescending(s => s.ScoreGain).ThenByDescending(s => s.Keywords.Count).ThenBy(s => s.Line)
            .Take(MaxLinesToStrengthen)
            .ToList();

        double? Score(int added) => input.Cosine is { } c ? Math.Round(FitScore.Combine(c, matched + added, missing - added, FitScore.MiniLm), 4) : null;
        return new CoverageReport(present, missingKeywords, strengthen, Score(0), Score(missing));
    }

    /// <summary>The lines naming a keyword (alias-aware); a line under a skills heading is read with its heading, as the taxonomy reads skill lists.</summary>
    private static IReadOnlyList<KeywordLocation> Locate(string keyword, IReadOnlyList<ResumeLine> lines) =>
        lines.Where(l => !l.IsHeading && Names(l, keyword)).Select(l => new KeywordLocation(l.Number, l.Section, l.Text)).ToList();

    private static bool Names(ResumeLine line, string keyword)
    {
        if (SkillTaxonomy.Canonicalise(keyword) is null)
            return Regex.IsMatch(line.Text, $@"(?<![\w]){Regex.Escape(keyword)}(?![\w])", RegexOptions.IgnoreCase);
        var context = line.Section.Length == 0 ? line.Text : $"{line.Section}\n{line.Text}";
        return SkillsOf(context).Contains(keyword, StringComparer.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<string> SkillsOf(string text) => SkillTaxonomy.Extract(text);

    private sealed record Candidate(ResumeLine Line, IReadOnlyList<string> Keywords, int ScoredCount);

    /// <summary>
    /// A missing skill belongs on a line that already names a skill of its category (a Python bullet can say where SQL was
    /// used too); a skill with no such line belongs on the skills section's first line, or nowhere the report can point to.
    /// </summary>
    private static IEnumerable<Candidate> Strengthen(IReadOnlyList<ResumeLine> lines, IReadOnlyList<string> scoredMissing, IReadOnlyList<string> otherMissing)
    {
        var body = lines.Where(l => !l.IsHeading).ToList();
        var categories = body.ToDictionary(l => l.Number, l =>
            SkillsOf(l.Section.Length == 0 ? l.Text : $"{l.Section}\n{l.Text}").Select(SkillTaxonomy.CategoryOf).OfType<SkillCategory>().ToHashSet());
        var skillsLine = body.FirstOrDefault(l => ResumeLines.IsSkillsSection(l.Section));
        var byLine = new Dictionary<int, List<(string Keyword, bool Scored)>>();

        foreach (var (keyword, scored) in scoredMissing.Select(k => (k, true)).Concat(otherMissing.Select(k => (k, false))))
        {
            var category = SkillTaxonomy.CategoryOf(keyword);
            var homes = category is { } c
                ? body.Where(l => !ResumeLines.IsSkillsSection(l.Section) && categories[l.Number].Contains(c)).ToList()
                : [];
            if (homes.Count == 0 && skillsLine is not null) homes = [skillsLine];
            foreach (var home in homes)
            {
                if (!byLine.TryGetValue(home.Number, out var list)) byLine[home.Number] = list = [];
                list.Add((keyword, scored));
            }
        }

        return byLine.Select(kv => new Candidate(
            body.First(l => l.Number == kv.Key), kv.Value.Select(k => k.Keyword).ToList(), kv.Value.Count(k => k.Scored)));
    }
}
