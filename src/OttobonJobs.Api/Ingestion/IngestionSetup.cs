namespace OttobonJobs.Api.Ingestion;

public static class IngestionSetup
{
    public static IServiceCollection AddOttobonIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionSettings>().Bind(configuration.GetSection(IngestionSettings.Section));
        services.AddScoped<IngestionRuns>();
        services.AddSingleton<CareerSites>();
        return services;
    }

    /// <summary>The nightly run: a recurring Wolverine schedule, which fires on one node of the cluster only.</summary>
    public static void ScheduleNightlyIngestion(this Wolverine.WolverineOptions opts, IConfiguration configuration)
    {
        var settings = configuration.GetSection(IngestionSettings.Section).Get<IngestionSettings>() ?? new IngestionSettings();
        if (!settings.ScheduleEnabled) return;
        opts.Schedules.ScheduleRecurring<StartScheduledIngestion>(settings.Cron, TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone));
    }
}
