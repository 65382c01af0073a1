namespace OttobonJobs.Domain.Jobs.Enrichment;

/// <summary>What the AI is told about a job.</summary>
public record JobToEnrich(
    string Title,
    string CompanyName,
    string? Location,
    string Description,
    IReadOnlyList<string> SkillsHint);

public record PrepQuestion(string Question, string AnswerStrategy);

/// <summary>A salary estimate. Period is "year" or "month"; Display is what a person reads ("₹4.5L – ₹7L per year").</summary>
public record SalaryRange(string Currency, decimal Min, decimal Max, string Period, string Display);

/// <summary>
/// The AI's output for one job: exactly <see cref="JobEnrichmentRules.QuestionCount"/> interview-prep questions,
/// exactly <see cref="JobEnrichmentRules.TipCount"/> resume tips, up to <see cref="JobEnrichmentRules.MaxSkills"/> skills,
/// a salary range, the experience level and the qualification asked for.
/// </summary>
public record JobEnrichment(
    IReadOnlyList<PrepQuestion> PrepQuestions,
    IReadOnlyList<string> ResumeTips,
    IReadOnlyList<string> Skills,
    SalaryRange Salary,
    string ExperienceLevel,
    string Qualification);

public static class JobEnrichmentRules
{
    public const int QuestionCount = 5;
    public const int TipCount = 5;
    public const int MaxSkills = 15;

    /// <summary>Null when the enrichment is complete and well-formed; otherwise why not.</summary>
    public static string? Problem(JobEnrichment enrichment) =>
        enrichment.PrepQuestions.Count != QuestionCount ? $"expected {QuestionCount} prep questions, got {enrichment.PrepQuestions.Count}"
        : enrichment.PrepQuestions.Any(q => string.IsNullOrWhiteSpace(q.Question) || string.IsNullOrWhiteSpace(q.AnswerStrategy)) ? "a prep question is empty"
        : enrichment.ResumeTips.Count != TipCount ? $"expected {TipCount} resume tips, got {enrichment.ResumeTips.Count}"
        : enrichment.ResumeTips.Any(string.IsNullOrWhiteSpace) ? "a resume tip is empty"
        : enrichment.Skills.Count > MaxSkills ? $"expected at most {MaxSkills} skills, got {enrichment.Skills.Count}"
        : enrichment.Salary.Min < 0 || enrichment.Salary.Max < enrichment.Salary.Min ? "the salary range is inverted or negative"
        : null;
}
