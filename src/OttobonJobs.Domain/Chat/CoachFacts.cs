namespace OttobonJobs.Domain.Chat;

/// <summary>
/// What the coach is told beside the conversation, read before it answers (see <c>CoachFactsReader</c> in the API):
/// the question's intent and the facts that answer it. Lists are empty and values null when they do not apply
/// (no job, no resume, or an intent that does not need them).
/// </summary>
public record CoachFacts(
    CoachIntent Intent,
    CoachSalary? Salary = null,
    CoachFit? Fit = null,
    IReadOnlyList<SkillToLearn>? ToLearn = null,
    CoachCompany? Company = null,
    IReadOnlyList<SuggestedJob>? Suggestions = null,
    IReadOnlyList<string>? SkillsAskedAbout = null)
{
    public IReadOnlyList<SkillToLearn> Learning => ToLearn ?? [];
    public IReadOnlyList<SuggestedJob> Jobs => Suggestions ?? [];
    public IReadOnlyList<string> SkillsNamed => SkillsAskedAbout ?? [];

    /// <summary>What the coach cannot do, said plainly whenever it matters.</summary>
    public const string CannotDo =
        "I can't apply for you, promise that you'll be selected, or see what other companies or candidates are paid.";
}

/// <summary>The salary the job shows, and whether the employer published it or it is the AI's estimate.</summary>
public record CoachSalary(string Display, bool Published);

/// <summary>The fit score (null when the resume or job has no vector yet) with its label, and the job's skills the resume shows or lacks.</summary>
public record CoachFit(int? Percent, string Label, IReadOnlyList<string> Matched, IReadOnlyList<string> Missing);

public record CoachLink(string Title, string Url);

/// <summary>A skill to learn with rough weeks (<see cref="Skills.LearningWeeks"/>) and where to learn it.</summary>
public record SkillToLearn(string Skill, int Weeks, IReadOnlyList<CoachLink> Links);

/// <summary>What the feed knows about the job's company: where this job is, and its other open roles here.</summary>
public record CoachCompany(string Name, string? Location, string? ExperienceLevel, IReadOnlyList<string> Locations, IReadOnlyList<SuggestedJob> OtherRoles);

/// <summary>An active job from the feed, with the skills it shares with what the seeker has or asked about.</summary>
public record SuggestedJob(Guid JobId, string Title, string CompanyName, string? Location, string? Salary, IReadOnlyList<string> SharedSkills, bool EntryLevel)
{
    public string Link => $"/jobs/{JobId}";
}
