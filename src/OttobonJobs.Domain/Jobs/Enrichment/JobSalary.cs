namespace OttobonJobs.Domain.Jobs.Enrichment;

/// <summary>Which salary a job shows: what the employer published wins over the AI's estimate, whenever either arrives.</summary>
public static class JobSalary
{
    public static SalaryRange? Shown(SalaryRange? published, SalaryRange? estimated) => published ?? estimated;
}
