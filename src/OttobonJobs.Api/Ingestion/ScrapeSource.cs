using Marten;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace OttobonJobs.Api.Ingestion;

/// <summary>Read one source for one run. Durable: a crash mid-run is finished by the next start, without duplicates.</summary>
public record ScrapeSource(Guid RunId, string Source);

/// <summary>Close the run once every source has finished.</summary>
public record CompleteIngestionRun(Guid RunId);

public static class ScrapeSourceHandler
{
    public static async Task<OutgoingMessages> Handle(
        ScrapeSource command,
        IDocumentStore store,
        OutboxedSessionFactory sessions,
        IWolverineRuntime runtime,
        CareerSites sites,
        IOptions<IngestionSettings> settings,
        TimeProvider clock,
        ILogger<ScrapeSource> logger,
        CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        await using (var query = store.QuerySession())
        {
            var run = await query.Events.AggregateStreamAsync<IngestionRun>(command.RunId, token: cancellationToken);
            // A redelivered message for a source that already finished changes nothing.
            if (run is null || run.Finished.Contains(command.Source)) return outgoing;
        }

        var scraper = sites.Find(command.Source)
            ?? throw new InvalidOperationException($"No scraper is registered for '{command.Source}'.");
        var tally = new Tally();
        string status;
        var errors = new List<string>();
        try
        {
            var result = await scraper.ScrapeAsync(cancellationToken);
            errors.AddRange(result.Errors);
            tally.Skipped = result.Skipped;
            foreach (var batch in result.Postings.Chunk(settings.Value.BatchSize))
                await RecordBatch(sessions, runtime, command, scraper.CompanyName, batch, tally, clock, cancellationToken);
            status = errors.Count == 0 ? SourceRunStatus.Completed : SourceRunStatus.Partial;
        }
        catch (SourceUnavailableException e)
        {
            logger.LogWarning("Ingestion run {RunId}: {Source} could not be read: {Reason}", command.RunId, command.Source, e.Message);
            errors.Add(e.Message);
            status = SourceRunStatus.Failed;
        }

        var archived = status == SourceRunStatus.Failed
            ? 0
            : await ArchiveUnseenJobs(store, command, scraper.CompanyName, settings.Value.ArchiveAfterMissedRuns, clock, cancellationToken);

        await using (var session = store.LightweightSession())
        {
            await session.Events.FetchForExclusiveWriting<IngestionRun>(command.RunId, cancellationToken);
            session.Events.Append(command.RunId, new SourceScrapeFinished(
                command.Source, status, tally.Fetched, tally.New, tally.Skipped, tally.DedupHits, archived, errors, clock.GetUtcNow()));
            if (await session.LoadAsync<SourceRunLock>(command.Source, cancellationToken) is { } held && held.RunId == command.RunId)
                session.Delete(held);
            await session.SaveChangesAsync(cancellationToken);
        }

        outgoing.Add(new CompleteIngestionRun(command.RunId));
        return outgoing;
    }

    private sealed class Tally
    {
        public int Fetched, New, Skipped, DedupHits;
    }

    /// <summary>
    /// Records one batch in one transaction, together with the EnrichJob messages of its new jobs (outbox): new
    /// postings start a job stream whose id is derived from (company, external id); postings already known are
    /// marked as seen again. A posting that an earlier attempt of this same run recorded (the message is being
    /// retried after a crash or a failed batch) still counts as new, and is asked to be enriched again, which
    /// does nothing if it already was.
    /// </summary>
    private static async Task RecordBatch(OutboxedSessionFactory sessions, IWolverineRuntime runtime, ScrapeSource command,
        string company, IReadOnlyList<ScrapedPosting> postings, Tally tally, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A fresh message context per batch: an outbox context belongs to one transaction.
        var bus = new MessageContext(runtime);
        await using var session = sessions.OpenSession(bus);
        // The sources of one run report into the same run stream: they take turns on it (a row lock until commit).
        await session.Events.FetchForExclusiveWriting<IngestionRun>(command.RunId, cancellationToken);
        foreach (var posting in postings)
        {
            var jobId = JobIdFor(company, posting);
            tally.Fetched++;
            var first = (await session.Events.FetchStreamAsync(jobId, version: 1, token: cancellationToken)).FirstOrDefault()?.Data;
            if (first is JobScraped earlier && earlier.RunId == command.RunId)
            {
                tally.New++;
                await bus.PublishAsync(new EnrichJob(jobId));
                continue;
            }
            if (first is not null)
            {
                tally.DedupHits++;
                session.Events.Append(jobId, new JobSeenAgain(command.RunId, now));
                continue;
            }

            tally.New++;
            session.Events.StartStream<Job>(jobId, Scraped(command, company, posting, now));
            await bus.PublishAsync(new EnrichJob(jobId));
        }
        session.Events.Append(command.RunId, new SourceScrapeProgressed(command.Source, tally.Fetched, tally.New, tally.DedupHits, now));
        await session.SaveChangesAsync(cancellationToken);
    }

    public static Guid JobIdFor(string company, ScrapedPosting posting) => JobIdentity.ForScrapedPosting(company, posting.ExternalId);

    /// <summary>The first event of a scraped job's stream.</summary>
    public static JobScraped Scraped(ScrapeSource command, string company, ScrapedPosting posting, DateTimeOffset now) => new(
        JobIdFor(company, posting), command.Source, company, posting.ExternalId.Trim(), posting.ApplyUrl, posting.Title.Trim(),
        posting.Location, posting.DescriptionHtml, DescriptionFingerprint.Compute(posting.DescriptionHtml),
        posting.PostedOn, command.RunId, now);

    /// <summary>
    /// Scraped jobs of this source that no successful run among the last N has seen are gone from the career site.
    /// Provider-posted jobs have no source and are never touched.
    /// </summary>
    private static async Task<int> ArchiveUnseenJobs(IDocumentStore store, ScrapeSource command, string company,
        int missedRuns, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var recentRuns = await session.Query<IngestionRunLog>().OrderByDescending(r => r.StartedAt).Take(200).ToListAsync(cancellationToken);
        var successfulStarts = recentRuns
            .Where(r => r.Id == command.RunId || r.Sources.Any(s => s.SourceName == command.Source && s.Status is SourceRunStatus.Completed or SourceRunStatus.Partial))
            .Where(r => r.Sources.Any(s => s.SourceName == command.Source))
            .Select(r => r.StartedAt)
            .Take(missedRuns)
            .ToList();
        if (successfulStarts.Count < missedRuns) return 0;

        var cutoff = successfulStarts[^1];
        var stale = await session.Query<JobDetails>()
            .Where(j => j.Source == command.Source && j.Status != JobStatus.Archived && j.LastSeenAt < cutoff)
            .Select(j => j.Id)
            .ToListAsync(cancellationToken);
        foreach (var jobId in stale)
            session.Events.Append(jobId, new JobArchived($"No longer listed on {company}'s career site ({missedRuns} runs)", null, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return stale.Count;
    }
}

public static class CompleteIngestionRunHandler
{
    public static async Task Handle(CompleteIngestionRun command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForExclusiveWriting<IngestionRun>(command.RunId, cancellationToken);
        if (stream.Aggregate is { IsFinished: false, AllSourcesFinished: true })
            stream.AppendOne(new IngestionRunFinished(clock.GetUtcNow()));
    }
}
