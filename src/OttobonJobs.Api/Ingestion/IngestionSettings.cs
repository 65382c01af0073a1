namespace OttobonJobs.Api.Ingestion;

/// <summary>Ottobon:Ingestion — when the nightly run fires, how long a scrape may take, the source leases, and archiving.</summary>
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

    /// <summary>
    /// How long a run holds a source without renewing its lease. A run whose node dies or hangs loses the source this
    /// long after its last renewal: the next trigger then takes the source over and marks the old run abandoned.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a scrape in progress renews its lease (and notices that its run was cancelled).</summary>
    public TimeSpan LeaseRenewal { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest one source's scrape may take (a 100-page site takes minutes); past it the source fails.</summary>
    public TimeSpan ScrapeTimeout { get; set; } = TimeSpan.FromMinutes(20);
}
