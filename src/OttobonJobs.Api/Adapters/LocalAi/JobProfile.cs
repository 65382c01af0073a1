using System.Text.RegularExpressions;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>Everything the writers need to know about one job, read once from its title, text, location and skills hint.</summary>
internal sealed partial record JobProfile(
    string Title,
    string Company,
    JobText Text,
    IReadOnlyList<string> Skills,
    RoleFamily Family,
    Seniority Seniority,
    string Qualification,
    WorkLocation Location)
{
    public static JobProfile Of(JobToEnrich job)
    {
        var title = (job.Title ?? "").Trim();
        var text = new JobText(job.Description);
        var skills = SkillRanking.Rank(title, text.Plain, job.SkillsHint ?? []);
        var family = RoleFamilies.Classify(title, skills);
        return new JobProfile(
            title,
            string.IsNullOrWhiteSpace(job.CompanyName) ? "the company" : job.CompanyName.Trim(),
            text,
            skills,
            family,
            SeniorityReader.Read(title, text.Plain),
            QualificationReader.Read(title + "\n" + text.Plain, family),
            WorkLocation.Of(job.Location));
    }

    /// <summary>The title without location or requisition suffixes: "Audit Associate | Mumbai (R-123)" → "Audit Associate".</summary>
    public string RoleName
    {
        get
        {
            var name = TitleNoise().Split(Title)[0].Trim(' ', '-', '–', ',');
            return name.Length == 0 ? "this role" : JobText.Shorten(name, 60);
        }
    }

    /// <summary>The job's own skills an interviewer would test (not soft skills), most relevant first.</summary>
    public IReadOnlyList<string> TechnicalSkills =>
        Skills.Where(s => SkillTaxonomy.CategoryOf(s) is { } c && c != SkillCategory.SoftSkill).ToList();

    public IReadOnlyList<string> SoftSkills =>
        Skills.Where(s => SkillTaxonomy.CategoryOf(s) == SkillCategory.SoftSkill).ToList();

    /// <summary>The technical skills, topped up with the family's core skills so there are always at least <paramref name="count"/>.</summary>
    public IReadOnlyList<string> FocusSkills(int count)
    {
        var own = TechnicalSkills;
        return own.Concat(Family.CoreSkills().Where(c => !own.Contains(c))).Take(Math.Max(count, own.Count)).ToList();
    }

    /// <summary>The responsibilities that mention <paramref name="skill"/>, in the posting's words.</summary>
    public IEnumerable<string> DutiesMentioning(string skill) =>
        Text.Responsibilities.Where(d => SkillTaxonomy.Extract(d).Contains(skill));

    [GeneratedRegex(@"\s[|(\[]|\s[-–]\s(?=[^-–]*\b(india|bengaluru|bangalore|mumbai|gurugram|gurgaon|hyderabad|pune|chennai|delhi|kolkata|noida|remote|hybrid)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex TitleNoise();
}

/// <summary>Orders a job's skills: named in the title, then most mentioned, then given by the poster.</summary>
internal static class SkillRanking
{
    private const int TitleWeight = 3;
    private const int HintBonus = 2;

    public static IReadOnlyList<string> Rank(string title, string description, IReadOnlyList<string> hints)
    {
        var scores = new Dictionary<string, (int Score, int First)>(StringComparer.OrdinalIgnoreCase);
        void Add(string skill, int score, int first) =>
            scores[skill] = scores.TryGetValue(skill, out var s) ? (s.Score + score, Math.Min(s.First, first)) : (score, first);

        foreach (var m in SkillTaxonomy.Mentions(title)) Add(m.Name, m.Count * TitleWeight, m.FirstPosition - 1_000_000);
        foreach (var m in SkillTaxonomy.Mentions(description)) Add(m.Name, m.Count, m.FirstPosition);
        for (var i = 0; i < hints.Count; i++)
        {
            var hint = hints[i]?.Trim() ?? "";
            var name = SkillTaxonomy.Canonicalise(hint) ?? (IsPlausibleSkill(hint) ? hint : null);
            if (name is not null) Add(name, HintBonus, 1_000_000 + i);
        }

        return scores
            .OrderByDescending(s => s.Value.Score).ThenBy(s => s.Value.First)
            .Select(s => s.Key)
            .Take(JobEnrichmentRules.MaxSkills)
            .ToList();
    }

    /// <summary>A poster's own skill outside the taxonomy is kept if it looks like a skill name, not a sentence.</summary>
    private static bool IsPlausibleSkill(string hint) =>
        hint.Length is >= 2 and <= 40 && hint.Count(char.IsLetter) >= 2 && hint.Split(' ').Length <= 5;
}
