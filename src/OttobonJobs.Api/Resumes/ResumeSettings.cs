using System.ComponentModel.DataAnnotations;

namespace OttobonJobs.Api.Resumes;

/// <summary>Ottobon:Resumes — upload limits and how long download links live.</summary>
public class ResumeSettings
{
    public const string Section = "Ottobon:Resumes";

    /// <summary>The largest upload accepted; the document reader refuses anything above Ottobon:Documents:MaxFileBytes anyway.</summary>
    [Range(typeof(long), "1024", "16777216")]
    public long MaxBytes { get; set; } = Domain.Resumes.ResumeRules.DefaultMaxBytes;
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
