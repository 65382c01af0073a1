namespace OttobonJobs.Api.Resumes;

/// <summary>Ottobon:Resumes — upload limits and how long download links live.</summary>
public class ResumeSettings
{
    public const string Section = "Ottobon:Resumes";

    public long MaxBytes { get; set; } = Domain.Resumes.ResumeRules.DefaultMaxBytes;
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
