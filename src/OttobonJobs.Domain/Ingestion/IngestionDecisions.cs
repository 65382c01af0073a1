using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Domain.Ingestion;

/// <summary>Start a run of <see cref="Sources"/> on <see cref="Node"/>, with the id the caller minted.</summary>
public sealed record StartIngestionRun(Guid RunId, IReadOnlyList<string> Sources, string Trigger, Guid? TriggeredBy, string Node);

/// <summary>One batch of a source's listing, as the scrape cut it: recorded in one transaction.</summary>
public sealed record ScrapedBatch(string Source, string Company, int Batch, IReadOnlyList<ScrapedPosting> Postings);

/// <summary>A lease the run takes, and the expired lease of another run it replaces (none when the source was free).</summary>
public sealed record LeaseTaken(SourceLease Lease, SourceLease? Expired);

public abstract record RunStart
{
    /// <summary>The run starts: its first event, and one lease per source.</summary>
    public sealed record Started(IngestionRunStarted Event, IReadOnlyList<LeaseTaken> Leases) : RunStart;

    /// <summary>Refused; <see cref="Running"/> is the live lease that blocks it, when that is the reason.</summary>
    public sealed record Refused(Refusal Refusal, SourceLease? Running) : RunStart;
}

public abstract record LeaseRenewal
{
    public sealed record Renewed(SourceLease Lease) : LeaseRenewal;

    /// <summary>The run must stop working on the source: it finished, was cancelled, or lost its lease.</summary>
    public sealed record Stop(string Reason) : LeaseRenewal;
}

/// <summary>A source's listing as read: the events for the run stream and the batches to record, in order.</summary>
public sealed record ListingOutcome(Decision Run, IReadOnlyList<ScrapedBatch> Batches);

/// <summary>
/// A recorded batch: the run's progress, the new jobs to start (each is then enriched), the known jobs seen again,
/// and whether this was the source's last batch.
/// </summary>
public sealed record BatchOutcome(Decision Run, IReadOnlyList<JobScraped> NewJobs, IReadOnlyList<Guid> SeenAgain, bool SourceComplete)
{
    public static BatchOutcome Nothing(Decision run) => new(run, [], [], false);
}

/// <summary>A finished source: the run's events and the jobs to archive because recent runs no longer saw them.</summary>
public sealed record FinishOutcome(Decision Run, IReadOnlyList<Guid> Archive, string ArchiveReason)
{
    public static FinishOutcome Nothing(Decision run) => new(run, [], "");
}

/// <summary>How one source ended in one run, for the archive rule (see <see cref="IngestionDecisions.ArchiveCutoff"/>).</summary>
public sealed record SourceRunSummary(Guid RunId, DateTimeOffset StartedAt, string Status, bool ListingComplete);

/// <summary>
/// The rules of ingestion runs and source leases. Pure: the handlers load the run, the leases and the jobs a batch
/// touches, call the career site, and hand the results in with the time.
/// </summary>
public static class IngestionDecisions
{
    /// <summary>Skipped postings recorded per source and run; the rest are counted.</summary>
    public const int MaxSkippedStored = 200;

    /// <summary>
    /// A run may start when none of its sources holds a live lease. Free sources and sources whose lease expired are
    /// taken; each expired lease names a run whose source is then abandoned.
    /// </summary>
    public static RunStart Start(IReadOnlyDictionary<string, SourceLease> leases, StartIngestionRun command, DateTimeOffset now, TimeSpan leaseDuration)
    {
        if (command.Sources.Count == 0)
            return new RunStart.Refused(new Refusal(RefusalKind.Invalid, "There are no sources to run."), null);
        foreach (var source in command.Sources)
        {
            if (leases.GetValueOrDefault(source) is { } held && !held.HasExpiredAt(now))
                return new RunStart.Refused(new Refusal(RefusalKind.Conflict, $"A run for {source} is already in progress."), held);
        }

        var taken = command.Sources
            .Select(source => new LeaseTaken(new SourceLease(source, command.RunId, command.Node, now, now + leaseDuration), leases.GetValueOrDefault(source)))
            .ToList();
        return new RunStart.Started(
            new IngestionRunStarted(command.RunId, command.Sources, command.Trigger, command.TriggeredBy, now), taken);
    }

    /// <summary>Why the run that held <paramref name="expired"/> gives up the source to <paramref name="takenOverBy"/>.</summary>
    public static string AbandonReason(SourceLease expired, Guid takenOverBy) =>
        $"Its lease expired at {expired.ExpiresAt:u} without renewal (last held by {expired.Node}); run {takenOverBy} took {expired.Id} over.";

    /// <summary>
    /// Extends the run's lease while it works, on whichever node now does the work (a redelivered message moves it).
    /// The run stops when the source is no longer running in it, or when another run took the source over.
    /// </summary>
    public static LeaseRenewal Renew(IngestionRun? run, SourceLease? lease, string source, string node, DateTimeOffset now, TimeSpan leaseDuration)
    {
        if (run is null) return new LeaseRenewal.Stop("The run does not exist.");
        if (run.IsCancelled) return new LeaseRenewal.Stop("The run was cancelled.");
        if (!run.IsRunning(source)) return new LeaseRenewal.Stop($"{source} already finished in this run.");
        if (lease is null) return new LeaseRenewal.Stop($"The lease on {source} was released.");
        if (lease.RunId != run.Id) return new LeaseRenewal.Stop($"Run {lease.RunId} took {source} over after this run's lease expired.");
        return new LeaseRenewal.Renewed(lease with { Node = node, ExpiresAt = now + leaseDuration });
    }

    /// <summary>A scrape is due when the source is still running in the run and its listing has not been read yet.</summary>
    public static bool ShouldScrape(IngestionRun? run, string source) =>
        run is not null && run.IsRunning(source) && run.ProgressOf(source).Listing is null;

    /// <summary>Records what the career site listed and cuts it into batches; a listing read twice is kept once.</summary>
    public static ListingOutcome ReadListing(IngestionRun? run, string source, string company, ScrapeResult result, int batchSize, DateTimeOffset now)
    {
        if (run is null) return new ListingOutcome(Decision.Refuse(RefusalKind.NotFound, "No such ingestion run."), []);
        if (!ShouldScrape(run, source)) return new ListingOutcome(Decision.Unchanged, []);

        var batches = result.Postings.Chunk(Math.Max(1, batchSize))
            .Select((postings, index) => new ScrapedBatch(source, company, index, postings))
            .ToList();
        var skipped = result.Skipped.Take(MaxSkippedStored).ToList();
        return new ListingOutcome(
            Decision.Accept(new SourceListingRead(source, result.Postings.Count, batches.Count, result.Skipped.Count, result.Errors, now,
                skipped, result.Skipped.Count - skipped.Count, result.ListingComplete)),
            batches);
    }

    /// <summary>
    /// Records one batch: postings never seen start a job; postings another run recorded are seen again; a posting
    /// this run already recorded (listed twice) is a dedup hit. A batch recorded before (a redelivery), or arriving
    /// after the source finished, changes nothing. <paramref name="recordedBy"/> maps each existing job of the batch
    /// to the run that first scraped it (null for a job that was posted, not scraped).
    /// </summary>
    public static BatchOutcome RecordBatch(IngestionRun? run, ScrapedBatch batch, IReadOnlyDictionary<Guid, Guid?> recordedBy, DateTimeOffset now)
    {
        if (run is null) return BatchOutcome.Nothing(Decision.Refuse(RefusalKind.NotFound, "No such ingestion run."));
        var progress = run.ProgressOf(batch.Source);
        if (!run.IsRunning(batch.Source) || progress.Listing is null || progress.RecordedBatches.Contains(batch.Batch))
            return BatchOutcome.Nothing(Decision.Unchanged);

        var (fresh, dedup) = (progress.New, progress.DedupHits);
        var newJobs = new List<JobScraped>();
        var seenAgain = new List<Guid>();
        var inThisBatch = new HashSet<Guid>();
        foreach (var posting in batch.Postings)
        {
            var jobId = JobIdentity.ForScrapedPosting(batch.Company, posting.ExternalId);
            if (!inThisBatch.Add(jobId))
            {
                dedup++;
                continue;
            }
            if (recordedBy.TryGetValue(jobId, out var recordedByRun))
            {
                dedup++;
                if (recordedByRun != run.Id) seenAgain.Add(jobId);
                continue;
            }
            fresh++;
            newJobs.Add(ScrapedJob(run.Id, batch, posting, now));
        }

        var progressed = new SourceScrapeProgressed(batch.Source, progress.Fetched + batch.Postings.Count, fresh, dedup, now, batch.Batch);
        var complete = progress.RecordedBatches.Count + 1 >= progress.Listing.Batches;
        return new BatchOutcome(Decision.Accept(progressed), newJobs, seenAgain, complete);
    }

    /// <summary>
    /// The first event of a scraped job's stream; its id derives from (company, external id). The posting date is kept
    /// in UTC: sites give their own offsets (Greenhouse's -04:00), and the read models store timestamps in UTC.
    /// </summary>
    public static JobScraped ScrapedJob(Guid runId, ScrapedBatch batch, ScrapedPosting posting, DateTimeOffset now) => new(
        JobIdentity.ForScrapedPosting(batch.Company, posting.ExternalId), batch.Source, batch.Company, posting.ExternalId.Trim(),
        posting.ApplyUrl, posting.Title.Trim(), posting.Location, posting.DescriptionHtml,
        DescriptionFingerprint.Compute(posting.DescriptionHtml), posting.PostedOn?.ToUniversalTime(), runId, now, posting.PublishedSalary);

    /// <summary>
    /// Finishes a source: failed with <paramref name="failure"/> (the listing could not be read, the scrape timed out,
    /// its work was given up), or — once every batch is recorded — completed or partial, archiving the
    /// <paramref name="unseenJobs"/> that recent successful runs no longer listed. Only a listing read to its end
    /// archives: a run that stopped at MaxJobsPerRun or the page limit did not see the rest. The run finishes with its last source.
    /// </summary>
    public static FinishOutcome FinishSource(
        IngestionRun? run, string source, string company, string? failure, IReadOnlyList<Guid> unseenJobs, int missedRuns, DateTimeOffset now)
    {
        if (run is null) return FinishOutcome.Nothing(Decision.Refuse(RefusalKind.NotFound, "No such ingestion run."));
        if (!run.IsRunning(source)) return FinishOutcome.Nothing(Decision.Unchanged);
        var progress = run.ProgressOf(source);
        if (failure is null && !progress.AllBatchesRecorded)
            return FinishOutcome.Nothing(Decision.Refuse(RefusalKind.Conflict, $"{source} still has batches to record."));

        var listed = progress.Listing?.Errors ?? [];
        var (status, errors, archive) = failure is not null
            ? (SourceRunStatus.Failed, listed.Append(failure).ToList(), (IReadOnlyList<Guid>)[])
            : (listed.Count == 0 ? SourceRunStatus.Completed : SourceRunStatus.Partial, listed.ToList(),
                progress.Listing?.ReadToTheEnd == true ? unseenJobs : []);
        var finished = new SourceScrapeFinished(source, status, progress.Fetched, progress.New, progress.Listing?.Skipped ?? 0,
            progress.DedupHits, archive.Count, errors, now);
        return new FinishOutcome(
            Decision.Accept(WithRunFinished(run, source, finished, now)), archive,
            $"No longer listed on {company}'s career site ({missedRuns} runs)");
    }

    /// <summary>
    /// Whether this finish may look for jobs to archive: the source completes in this run (no failure, every batch
    /// recorded) with its listing read to its end.
    /// </summary>
    public static bool MayArchive(IngestionRun? run, string source, string? failure) =>
        failure is null && run is not null && run.IsRunning(source)
        && run.ProgressOf(source) is { AllBatchesRecorded: true, Listing.ReadToTheEnd: true };

    /// <summary>
    /// The archive rule's cutoff: a scraped job of the source not seen since this time is no longer listed. It is the
    /// start of the <paramref name="missedRuns"/>-th newest run that counts — this one, and earlier ones where the source
    /// completed (or was partial) with its listing read to its end; a failed, cancelled or cut-short run proves nothing.
    /// Null (archive nothing) while fewer runs count. <paramref name="recentRuns"/> are the source's runs, newest first.
    /// </summary>
    public static DateTimeOffset? ArchiveCutoff(Guid thisRun, IReadOnlyList<SourceRunSummary> recentRuns, int missedRuns)
    {
        var counting = recentRuns
            .Where(r => r.RunId == thisRun || r.Status is SourceRunStatus.Completed or SourceRunStatus.Partial && r.ListingComplete)
            .Take(missedRuns)
            .ToList();
        return missedRuns > 0 && counting.Count == missedRuns ? counting[^1].StartedAt : null;
    }

    /// <summary>Gives a source up because its lease expired; nothing changes once the source finished.</summary>
    public static Decision Abandon(IngestionRun? run, string source, string reason, Guid? takenOverBy, DateTimeOffset now)
    {
        if (run is null) return Decision.Refuse(RefusalKind.NotFound, "No such ingestion run.");
        if (!run.IsRunning(source)) return Decision.Unchanged;
        return Decision.Accept(WithRunFinished(run, source, new SourceScrapeAbandoned(source, reason, takenOverBy, now), now));
    }

    /// <summary>Admins cancel a run that has not finished; its sources stop and their leases are released.</summary>
    public static Decision Cancel(IngestionRun? run, Actor actor, DateTimeOffset now)
    {
        if (run is null) return Decision.Refuse(RefusalKind.NotFound, "No such ingestion run.");
        if (!actor.IsAdmin) return Decision.Refuse(RefusalKind.Forbidden, "Only admins may cancel ingestion runs.");
        if (run.IsCancelled) return Decision.Refuse(RefusalKind.Conflict, "This run was already cancelled.");
        if (run.IsFinished) return Decision.Refuse(RefusalKind.Conflict, "This run already finished.");
        return Decision.Accept(new IngestionRunCancelled(actor.Id, $"Cancelled by {actor.Name}.", now));
    }

    private static object[] WithRunFinished(IngestionRun run, string source, object sourceEvent, DateTimeOffset now) =>
        run.Sources.All(s => s == source || run.Finished.Contains(s)) ? [sourceEvent, new IngestionRunFinished(now)] : [sourceEvent];
}
