using System.ComponentModel.DataAnnotations;
using Wolverine;

namespace OttobonJobs.Api.Ingestion;

/// <summary>Ottobon:Ingestion — when the nightly run fires, how long a scrape may take, the source leases, and archiving.</summary>
public class IngestionSettings : IValidatableObject
{
    public const string Section = "Ottobon:Ingestion";

    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>Cron (5 fields) in <see cref="TimeZone"/>: 22:00 in India by default.</summary>
    [Required]
    public string Cron { get; set; } = "0 22 * * *";

    /// <summary>An IANA (or Windows) time zone id, e.g. "Asia/Kolkata" or "UTC".</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Kolkata";

    /// <summary>A scraped job not seen in this many consecutive successful runs of its source is archived.</summary>
    [Range(1, 1000)]
    public int ArchiveAfterMissedRuns { get; set; } = 3;

    /// <summary>Postings recorded per transaction; each batch also reports progress.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a run holds a source without renewing its lease. A run whose node dies or hangs loses the source this
    /// long after its last renewal: the next trigger then takes the source over and marks the old run abandoned.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a scrape in progress renews its lease (and notices that its run was cancelled).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan LeaseRenewal { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest one source's scrape may take (a 100-page site takes minutes); past it the source fails.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ScrapeTimeout { get; set; } = TimeSpan.FromMinutes(20);

    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Cron) || string.IsNullOrWhiteSpace(TimeZone)) yield break; // [Required] says so

        TimeZoneInfo? zone = null;
        try { zone = FindTimeZone(); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { /* reported below */ }
        if (zone is null)
            yield return new($"must be a time zone id such as \"Asia/Kolkata\" or \"UTC\", was \"{TimeZone}\"", [nameof(TimeZone)]);

        // The parser the recurring schedule itself uses (Wolverine's CronSchedule, on Cronos).
        string? cronProblem = null;
        try { CronSchedule.Parse(Cron, zone ?? TimeZoneInfo.Utc); }
        catch (Exception e) when (e is ArgumentException or FormatException) { cronProblem = e.Message; }
        if (cronProblem is not null)
            yield return new($"must be a cron expression (5 fields, or 6 with seconds first), was \"{Cron}\": {cronProblem}", [nameof(Cron)]);

        if (LeaseRenewal >= LeaseDuration)
            yield return new($"must be shorter than {nameof(LeaseDuration)} ({LeaseDuration}), was {LeaseRenewal}", [nameof(LeaseRenewal)]);
    }
}
