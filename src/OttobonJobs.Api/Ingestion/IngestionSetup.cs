using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Diagnostics;
using OttobonJobs.Api.Hosting;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace OttobonJobs.Api.Ingestion;

public static class IngestionSetup
{
    public static IServiceCollection AddOttobonIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<IngestionSettings>(configuration, IngestionSettings.Section);
        services.AddSingleton<CareerSites>();
        services.AddSingleton<IngestionNode>();
        // Ahead of the catch-all handler, which answers every exception.
        services.Insert(0, ServiceDescriptor.Singleton<IExceptionHandler, IngestionStartConflicts>());
        return services;
    }

    /// <summary>
    /// The nightly run (a recurring Wolverine schedule, which fires on one node of the cluster only), the scrape's
    /// execution timeout, and what happens when a source's work fails for good.
    /// </summary>
    public static void AddIngestionWork(this WolverineOptions opts, IConfiguration configuration)
    {
        var settings = SettingsValidation.ThrowIfInvalid(
            configuration.GetSection(IngestionSettings.Section).Get<IngestionSettings>() ?? new IngestionSettings(), IngestionSettings.Section);
        if (settings.ScheduleEnabled)
            opts.Schedules.ScheduleRecurring<StartScheduledIngestion>(settings.Cron, settings.FindTimeZone());

        opts.Policies.Add(new IngestionWorkPolicy(settings));
    }
}

/// <summary>The scrape's execution timeout, and what happens when a source's work fails for good.</summary>
internal sealed class IngestionWorkPolicy(IngestionSettings settings) : IHandlerPolicy
{
    private static readonly HashSet<Type> SourceWork = [typeof(ScrapeSource), typeof(RecordScrapedListing), typeof(RecordScrapedBatch)];

    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => SourceWork.Contains(c.MessageType)))
        {
            if (chain.MessageType == typeof(ScrapeSource))
            {
                // Wolverine's default (60 s) would cancel a long scrape mid-site; the handler enforces ScrapeTimeout itself
                // and records it as the source's failure, so Wolverine's limit only has to leave room for that.
                var limit = settings.ScrapeTimeout + settings.LeaseRenewal + TimeSpan.FromSeconds(30);
                chain.ExecutionTimeoutInSeconds = (int)Math.Ceiling(limit.TotalSeconds);
            }

            chain.OnException(WriteConflicts.IsConflict)
                .RetryWithCooldown(WriteConflicts.Cooldowns)
                .Then.MoveToErrorQueue().And(RecordSourceFailed, RecordSourceFailedDescription);
            chain.OnException(TransientFailures.IsTransient)
                .RetryWithCooldown(TransientFailures.Cooldowns)
                .Then.ScheduleRetry(TransientFailures.Delays)
                .Then.MoveToErrorQueue().And(RecordSourceFailed, RecordSourceFailedDescription);
            // A stopping host cancels handlers: that is not a failure, the message stays for the next start.
            chain.OnException(e => e is not OperationCanceledException)
                .RetryOnce()
                .Then.MoveToErrorQueue().And(RecordSourceFailed, RecordSourceFailedDescription);
        }
    }

    private const string RecordSourceFailedDescription = "Record the source as failed and release its lease";

    /// <summary>The dead-letter hook: a source whose work was given up is finished as failed, with the reason.</summary>
    private static async ValueTask RecordSourceFailed(IWolverineRuntime runtime, IEnvelopeLifecycle lifecycle, Exception exception)
    {
        if (lifecycle.Envelope?.Message is not IIngestionSourceWork work) return;
        var bus = new MessageContext(runtime);
        await bus.PublishAsync(new FinishSourceScrape(work.RunId, work.Source,
            $"Gave up on {lifecycle.Envelope.Message.GetType().Name} after {lifecycle.Envelope.Attempts} attempts: {exception.Message}"));
        await bus.FlushOutgoingMessagesAsync();
    }
}
