namespace OttobonJobs.Domain.Jobs.Enrichment;

/// <summary>Which salary a job shows: what the employer published wins over the AI's estimate, whenever either arrives.</summary>
public static class JobSalary
{
    public static SalaryRange? Shown(SalaryRange? published, SalaryRange? estimated) => published ?? estimated;

    /// <summary>Where the shown salary comes from, for its label; null when none is shown.</summary>
    public static string? SourceOf(SalaryRange? published, SalaryRange? shown) =>
        shown is null ? null : published is not null ? SalarySource.Published : SalarySource.Estimated;
}

/// <summary>"Published by the employer" or "Estimated by Ottobon AI".</summary>
public static class SalarySource
{
    public const string Published = "published";
    public const string Estimated = "estimated";
}
