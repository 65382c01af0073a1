namespace OttobonJobs.Api.Jobs;

/// <summary>Limits on what a poster may send, shared by posting and editing.</summary>
public static class JobRules
{
    public const int MinTitleLength = 3;
    public const int MaxTitleLength = 200;
    public const int MinDescriptionLength = 20;
    public const int MaxDescriptionLength = 50_000;
    public const int MaxSkills = 30;
    public const int MaxSkillLength = 60;
    public const int MaxShortTextLength = 120;

    public static string? CheckTitle(string? title) =>
        title is null || title.Trim().Length < MinTitleLength ? $"title must be at least {MinTitleLength} characters."
        : title.Trim().Length > MaxTitleLength ? $"title must be at most {MaxTitleLength} characters."
        : null;

    public static string? CheckDescription(string? description) =>
        description is null || description.Trim().Length < MinDescriptionLength ? $"description_raw must be at least {MinDescriptionLength} characters."
        : description.Length > MaxDescriptionLength ? $"description_raw must be at most {MaxDescriptionLength} characters."
        : null;

    public static string? CheckSkills(IReadOnlyList<string>? skills) =>
        skills is null ? null
        : skills.Count > MaxSkills ? $"skills_required may list at most {MaxSkills} skills."
        : skills.Any(s => string.IsNullOrWhiteSpace(s) || s.Trim().Length > MaxSkillLength) ? $"each skill must be 1 to {MaxSkillLength} characters."
        : null;

    public static string? CheckShortText(string field, string? value) =>
        value is not null && value.Trim().Length > MaxShortTextLength ? $"{field} must be at most {MaxShortTextLength} characters." : null;

    public static IReadOnlyList<string> CleanSkills(IReadOnlyList<string>? skills) =>
        (skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).DistinctBy(s => s.ToLowerInvariant()).ToList();
}
