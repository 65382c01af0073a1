using Marten;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Projections.Jobs;
using Wolverine;

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
            {
                var newJobs = await RecordBatch(store, command, scraper.CompanyName, batch, tally, clock, cancellationToken);
                foreach (var jobId in newJobs) outgoing.Add(new EnrichJob(jobId));
            }
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
    /// Records one batch in one transaction: new postings start a job stream whose id is derived from
    /// (company, external id); postings already known are marked as seen again. Returns the new jobs.
    /// </summary>
    private static async Task<List<Guid>> RecordBatch(IDocumentStore store, ScrapeSource command, string company,
        IReadOnlyList<ScrapedPosting> postings, Tally tally, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var newJobs = new List<Guid>();
        await using var session = store.LightweightSession();
        // The sources of one run report into the same run stream: they take turns on it (a row lock until commit).
        await session.Events.FetchForExclusiveWriting<IngestionRun>(command.RunId, cancellationToken);
        foreach (var posting in postings)
        {
            var jobId = JobIdentity.ForScrapedPosting(company, posting.ExternalId);
            tally.Fetched++;
            if (await session.Events.FetchStreamStateAsync(jobId, cancellationToken) is not null)
            {
                tally.DedupHits++;
                session.Events.Append(jobId, new JobSeenAgain(command.RunId, now));
                continue;
            }

            tally.New++;
            newJobs.Add(jobId);
            session.Events.StartStream<Job>(jobId, new JobScraped(
                jobId, command.Source, company, posting.ExternalId.Trim(), posting.ApplyUrl, posting.Title.Trim(),
                posting.Location, posting.DescriptionHtml, DescriptionFingerprint.Compute(posting.DescriptionHtml),
                posting.PostedOn, command.RunId, now));
        }
        session.Events.Append(command.RunId, new SourceScrapeProgressed(command.Source, tally.Fetched, tally.New, tally.DedupHits, now));
        await session.SaveChangesAsync(cancellationToken);
        return newJobs;
    }

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
