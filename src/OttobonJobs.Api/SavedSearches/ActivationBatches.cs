using Marten;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using Wolverine;

namespace OttobonJobs.Api.SavedSearches;

/// <summary>
/// Whether an ingestion run's new jobs are all settled yet (active, or given up), and if so their batch. Sent when the
/// run finishes and whenever one of its jobs is activated or fails for good, so the last of those sends the batch
/// whichever comes last; an early or repeated send is harmless (each search evaluates a batch once).
/// </summary>
public record CollectRunActivations(Guid RunId);

/// <summary>Where the alert batches come from: an ingestion run's new jobs once all are settled, or one provider job when it becomes active.</summary>
public static class ActivationBatches
{
    /// <summary>What a job's enrichment outcome asks for: a provider job's activation is its own batch; a run's job may complete its run's.</summary>
    public static OutgoingMessages After(Job? job, IReadOnlyList<object> events)
    {
        var outgoing = new OutgoingMessages();
        if (job is null) return outgoing;
        var activated = events.OfType<JobActivated>().Any();
        var gaveUp = events.OfType<JobEnrichmentFailed>().Any(f => !f.WillRetry);
        if (job.FoundInRun is { } runId && (activated || gaveUp)) outgoing.Add(new CollectRunActivations(runId));
        else if (!job.IsScraped && activated) outgoing.Add(new NewJobsBecameActive(job.Id, [job.Id]));
        return outgoing;
    }

    /// <summary>What a run's events ask for: its batch may be complete once the run finished.</summary>
    public static OutgoingMessages WhenRunFinished(Guid runId, IReadOnlyList<object> runEvents)
    {
        var outgoing = new OutgoingMessages();
        if (runEvents.OfType<IngestionRunFinished>().Any()) outgoing.Add(new CollectRunActivations(runId));
        return outgoing;
    }
}

public static class CollectRunActivationsHandler
{
    public static async Task<NewJobsBecameActive?> Handle(CollectRunActivations command, IQuerySession session, CancellationToken cancellationToken)
    {
        var run = await session.Events.AggregateStreamAsync<IngestionRun>(command.RunId, token: cancellationToken);
        if (run is not { IsFinished: true }) return null;

        // The run's new jobs are the streams its JobScraped events started; postings it saw again were announced before.
        var found = await session.Events.QueryRawEventDataOnly<JobScraped>().Where(e => e.RunId == command.RunId)
            .Select(e => e.JobId).ToListAsync(cancellationToken);
        if (found.Count == 0) return null;
        var jobs = await session.LoadManyAsync<JobDetails>(cancellationToken, found.Distinct().ToArray());
        var settled = jobs.All(j => j.Status != JobStatus.Processing || j.EnrichmentStatus == EnrichmentStatus.Failed);
        if (!settled) return null;
        var active = jobs.Where(j => j.Status == JobStatus.Active).Select(j => j.Id).ToList();
        return active.Count == 0 ? null : new NewJobsBecameActive(command.RunId, active);
    }
}
