namespace OttobonJobs.Api.Ingestion;

/// <summary>Ottobon:Ingestion — when the nightly run fires and when unseen postings are archived.</summary>
public class IngestionSettings
{
    public const string Section = "Ottobon:Ingestion";

    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>Cron (5 fields) in <see cref="TimeZone"/>: 22:00 in India by default.</summary>
    public string Cron { get; set; } = "0 22 * * *";
    public string TimeZone { get; set; } = "Asia/Kolkata";

    /// <summary>A scraped job not seen in this many consecutive successful runs of its source is archived.</summary>
    public int ArchiveAfterMissedRuns { get; set; } = 3;

    /// <summary>Postings recorded per transaction; each batch also reports progress.</summary>
    public int BatchSize { get; set; } = 20;
}
