using Marten;
using Microsoft.Extensions.Options;
using OttobonJobs.Domain.Ingestion;
using Wolverine;

namespace OttobonJobs.Api.Ingestion;

/// <summary>The work of one source in one run; a message of it given up for good records the source as failed.</summary>
public interface IIngestionSourceWork
{
    Guid RunId { get; }
    string Source { get; }
}

/// <summary>Read one source for one run. Durable: a crash mid-run is finished by the next start, without duplicates.</summary>
public record ScrapeSource(Guid RunId, string Source) : IIngestionSourceWork;

/// <summary>
/// Reads the career site, outside any stream lock, then hands what it read to <see cref="RecordScrapedListing"/>
/// (or the failure to <see cref="FinishSourceScrape"/>). While the site is being read, the source's lease is renewed
/// every <see cref="IngestionSettings.LeaseRenewal"/>; the scrape stops when the renewal says the run was cancelled
/// or lost the source, and fails when it takes longer than <see cref="IngestionSettings.ScrapeTimeout"/>.
/// A stopping host cancels it without recording anything: the message stays in the durable inbox for the next start.
/// </summary>
public static class ScrapeSourceHandler
{
    public static async Task<OutgoingMessages> Handle(
        ScrapeSource command,
        IQuerySession query,
        IMessageBus bus,
        CareerSites sites,
        IOptions<IngestionSettings> settings,
        TimeProvider clock,
        ILogger<ScrapeSource> logger,
        CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var run = await query.Events.AggregateStreamAsync<IngestionRun>(command.RunId, token: cancellationToken);
        // A redelivered message for a source that already finished, or whose listing is already recorded, changes nothing.
        if (!IngestionDecisions.ShouldScrape(run, command.Source)) return outgoing;
        if (sites.Find(command.Source) is not { } scraper)
        {
            outgoing.Add(new FinishSourceScrape(command.RunId, command.Source, $"No scraper is registered for '{command.Source}'."));
            return outgoing;
        }

        // Claims the lease for this node (a redelivered message may run elsewhere) and checks the run still wants the work.
        var lease = await bus.InvokeAsync<SourceLeaseStatus>(new RenewSourceLease(command.RunId, command.Source), cancellationToken);
        if (!lease.Held)
        {
            logger.LogInformation("Ingestion run {RunId}: not scraping {Source}: {Reason}", command.RunId, command.Source, lease.StopReason);
            return outgoing;
        }

        var timeout = settings.Value.ScrapeTimeout;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(timeout);
        var keeper = new LeaseKeeper(bus, command, settings.Value.LeaseRenewal, clock, logger);
        var keeping = keeper.KeepAsync(stop);
        try
        {
            // WaitAsync: a scraper that ignores its token still cannot hold the handler past the timeout.
            var result = await scraper.ScrapeAsync(stop.Token).WaitAsync(stop.Token);
            outgoing.Add(new RecordScrapedListing(
                command.RunId, command.Source, scraper.CompanyName, result.Postings, result.Errors, result.Skipped, result.ListingComplete));
        }
        catch (SourceUnavailableException e)
        {
            logger.LogWarning("Ingestion run {RunId}: {Source} could not be read: {Reason}", command.RunId, command.Source, e.Message);
            outgoing.Add(new FinishSourceScrape(command.RunId, command.Source, e.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (keeper.StopReason is { } reason)
            {
                // Cancelled, or taken over after the lease expired: the run's stream already says so.
                logger.LogInformation("Ingestion run {RunId}: stopped scraping {Source}: {Reason}", command.RunId, command.Source, reason);
            }
            else
            {
                logger.LogWarning("Ingestion run {RunId}: {Source} timed out after {Timeout}", command.RunId, command.Source, timeout);
                outgoing.Add(new FinishSourceScrape(command.RunId, command.Source, $"The scrape did not finish within {timeout} and was stopped."));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await keeping;
        }
        return outgoing;
    }

    /// <summary>Renews the lease while the site is read; cancels the scrape when the renewal says to stop.</summary>
    private sealed class LeaseKeeper(IMessageBus bus, ScrapeSource command, TimeSpan every, TimeProvider clock, ILogger logger)
    {
        public string? StopReason { get; private set; }

        public async Task KeepAsync(CancellationTokenSource stop)
        {
            using var timer = new PeriodicTimer(every, clock);
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    try
                    {
                        var status = await bus.InvokeAsync<SourceLeaseStatus>(new RenewSourceLease(command.RunId, command.Source), stop.Token);
                        if (status.Held) continue;
                        StopReason = status.StopReason;
                        await stop.CancelAsync();
                        return;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A missed renewal is not fatal: the lease outlives several of them.
                        logger.LogWarning(e, "Ingestion run {RunId}: could not renew the lease on {Source}; trying again", command.RunId, command.Source);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The scrape ended (or the host is stopping): nothing more to renew.
            }
        }
    }
}
