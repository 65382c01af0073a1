using System.ComponentModel.DataAnnotations;

namespace OttobonJobs.Api.Jobs.Enrichment;

/// <summary>Ottobon:Enrichment — how hard to try before recording a job's enrichment as failed.</summary>
public class EnrichmentSettings
{
    public const string Section = "Ottobon:Enrichment";

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before retry n is FirstRetryDelay × 2^(n−1): 5 s, 10 s, 20 s, 40 s by default.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryDelayFor(int failedAttempts) =>
        FirstRetryDelay * Math.Pow(2, Math.Max(0, failedAttempts - 1));
}
