namespace OttobonJobs.Api.Adapters.Scrapers;

/// <summary>
/// Says at start which career sites the scrapers read, and why: whoever runs the product must never have to guess
/// whether the jobs it ingests are real. Sample mode chosen by default (Development only) is a warning.
/// </summary>
public sealed class ScraperModeAnnouncement(ScraperModeAnnouncement.Line line, ILogger<ScraperModeAnnouncement> logger) : IHostedService
{
    public sealed record Line(LogLevel Level, string Text);

    public Line Announced => line;

    public static Line Describe(string mode, string? configuredMode, IHostEnvironment environment)
    {
        var why = string.IsNullOrWhiteSpace(configuredMode)
            ? $"{ScraperSettings.Section}:Mode (OTTOBON_SCRAPER_MODE) is not set and the environment is {environment.EnvironmentName}"
            : $"{ScraperSettings.Section}:Mode is {mode}";
        return mode == ScraperModes.Sample
            ? new(string.IsNullOrWhiteSpace(configuredMode) ? LogLevel.Warning : LogLevel.Information,
                $"Scraper mode: sample. The scrapers read the bundled SAMPLE career sites and ingest invented jobs ({why}); set it to live for the real sites.")
            : new(LogLevel.Information,
                $"Scraper mode: live. The scrapers read the real career sites ({why}); set it to sample for the bundled sample sites.");
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.Log(line.Level, "{ScraperMode}", line.Text);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
