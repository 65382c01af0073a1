namespace OttobonJobs.Domain.Skills;

/// <summary>
/// Rough weeks to learn a skill well enough to show it in a project and talk about it in an interview, at about
/// 6–8 hours a week next to studies or a job. One number per category: a guide for planning, not a promise.
/// </summary>
public static class LearningWeeks
{
    public const string Pace = "at about 6–8 hours a week";

    public static int For(string skill) => SkillTaxonomy.CategoryOf(skill) switch
    {
        SkillCategory.Programming => 8,
        SkillCategory.Framework => 4,
        SkillCategory.Data => 4,
        SkillCategory.Cloud => 6,
        SkillCategory.DevOps => 3,
        SkillCategory.Engineering => 4,
        SkillCategory.Accounting => 8,
        SkillCategory.Audit => 8,
        SkillCategory.Tax => 6,
        SkillCategory.Risk => 6,
        SkillCategory.Consulting => 6,
        SkillCategory.Cybersecurity => 8,
        SkillCategory.SoftSkill => 4,
        SkillCategory.Tool => 2,
        null => 4,
        _ => 4,
    };
}
