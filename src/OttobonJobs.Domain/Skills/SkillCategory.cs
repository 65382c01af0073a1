namespace OttobonJobs.Domain.Skills;

public enum SkillCategory
{
    Programming,
    Framework,
    Data,
    Cloud,
    DevOps,
    /// <summary>Engineering practices that are not one tool: OOP, system design, testing, REST APIs…</summary>
    Engineering,
    Accounting,
    Audit,
    Tax,
    Risk,
    Consulting,
    Cybersecurity,
    SoftSkill,
    Tool,
}

public static class SkillCategoryText
{
    public static string Display(this SkillCategory category) => category switch
    {
        SkillCategory.DevOps => "DevOps",
        SkillCategory.SoftSkill => "Soft skill",
        _ => category.ToString(),
    };

    /// <summary>Categories a technical interviewer would ask about, as opposed to accounting, advisory or soft skills.</summary>
    public static bool IsTechnical(this SkillCategory category) => category is
        SkillCategory.Programming or SkillCategory.Framework or SkillCategory.Data
        or SkillCategory.Cloud or SkillCategory.DevOps or SkillCategory.Engineering;
}
