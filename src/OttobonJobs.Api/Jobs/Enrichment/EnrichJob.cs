using Marten;
using Microsoft.Extensions.Options;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Api.SavedSearches;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Jobs.Enrichment;

/// <summary>
/// Enrich the job's current description. Travels through Wolverine's durable local queue, so a restart finishes it.
/// <see cref="Force"/> (an admin's re-enrichment of one job) enriches even when the description already has one.
/// </summary>
public record EnrichJob(Guid JobId, bool Force = false);

// What one attempt's outside calls produced, for the description hash the attempt read. Each is recorded by an
// aggregate handler that decides against the job's state at that moment (JobDecisions.RecordEnrichment).

/// <summary>The AI enriched the description and it was embedded.</summary>
public record RecordEnrichment(
    Guid JobId, bool Force, string DescriptionHash, JobEnrichment Enrichment, string AiModel, string EmbeddingModel, float[] Vector);

/// <summary>A twin with the same description hash had an enrichment and vector to copy (from its own events).</summary>
public record RecordDeduplication(
    Guid JobId, string DescriptionHash, Guid TwinId, JobEnrichment Enrichment, string AiModel, string EmbeddingModel, float[] Vector);

/// <summary>The AI could not enrich the description.</summary>
public record RecordEnrichmentFailure(Guid JobId, bool Force, string DescriptionHash, string Reason);

/// <summary>
/// Step 1 of an enrichment: the outside calls, with no stream held. Reads the job, looks for an enriched twin, else
/// calls the AI and the embedding model, and hands the result to step 2 as one of the Record… messages.
/// </summary>
public static class EnrichJobHandler
{
    public static async Task<OutgoingMessages> Handle(
        EnrichJob command,
        IQuerySession session,
        IJobEnricher ai,
        IEmbeddingGenerator embeddings,
        IOptions<EnrichmentSettings> settings,
        ILogger<EnrichJob> logger,
        CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var job = await session.Events.AggregateStreamAsync<Job>(command.JobId, token: cancellationToken);
        if (!JobDecisions.ShouldEnrich(job, command.Force, settings.Value.MaxAttempts)) return outgoing;

        var twin = command.Force ? null : await FindEnrichedTwin(session, job!, embeddings.Model, cancellationToken);
        if (twin is not null)
        {
            outgoing.Add(twin);
            return outgoing;
        }

        try
        {
            var enrichment = await ai.EnrichAsync(ToEnrich(job!), cancellationToken);
            var vector = await embeddings.EmbedAsync(EmbeddingText.For(job!.Title, job.SkillsRequired.Concat(enrichment.Skills), job.DescriptionRaw, job.DescriptionFormat), cancellationToken);
            outgoing.Add(new RecordEnrichment(job.Id, command.Force, job.DescriptionHash, enrichment, ai.ModelName, embeddings.Model, vector));
        }
        catch (Exception e) when (e is EnrichmentUnavailableException or EnrichmentRejectedException)
        {
            logger.LogWarning("Enriching job {JobId} failed (after {Failed} failed attempts): {Reason}", job!.Id, job.FailedAttempts, e.Message);
            outgoing.Add(new RecordEnrichmentFailure(job.Id, command.Force, job.DescriptionHash, e.Message));
        }
        return outgoing;
    }

    private static JobToEnrich ToEnrich(Job job) =>
        new(job.Title, job.CompanyName, job.Location, DescriptionHtml.ToPlainText(job.DescriptionRaw, job.DescriptionFormat), job.SkillsRequired);

    /// <summary>
    /// Another job with the same description hash, already enriched with the same embedding model: its enrichment and
    /// vector are copied instead of calling the AI again. The read model only names a candidate; what is copied comes
    /// from the twin's own events.
    /// </summary>
    private static async Task<RecordDeduplication?> FindEnrichedTwin(
        IQuerySession session, Job job, string embeddingModel, CancellationToken cancellationToken)
    {
        var twinId = await session.Query<JobDetails>()
            .Where(d => d.DescriptionHash == job.DescriptionHash && d.EnrichmentStatus == EnrichmentStatus.Enriched
                        && d.EmbeddingModel == embeddingModel && d.Id != job.Id)
            .Select(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (twinId == Guid.Empty) return null;

        var events = await session.Events.FetchStreamAsync(twinId, token: cancellationToken);
        JobEnrichment? enrichment = null;
        string? aiModel = null;
        float[]? vector = null;
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case JobEnriched enriched when enriched.DescriptionHash == job.DescriptionHash:
                    (enrichment, aiModel) = (enriched.Enrichment, enriched.AiModel);
                    break;
                case JobEmbedded embedded when embedded.DescriptionHash == job.DescriptionHash && embedded.Model == embeddingModel:
                    vector = embedded.Vector;
                    break;
                case JobDeduplicated copied when copied.DescriptionHash == job.DescriptionHash && copied.EmbeddingModel == embeddingModel:
                    (enrichment, aiModel, vector) = (copied.Enrichment, copied.AiModel, copied.Vector);
                    break;
            }
        }

        return enrichment is null || vector is null
            ? null
            : new RecordDeduplication(job.Id, job.DescriptionHash, twinId, enrichment, aiModel!, embeddingModel, vector);
    }
}

// Step 2 of an enrichment: the job's stream decides what the result means now. The decision is quick (no outside
// call), so it takes the stream's row lock and waits behind a person's edit instead of failing against it.

/// <summary>Step 2 for an AI enrichment.</summary>
public static class RecordEnrichmentHandler
{
    /// <summary>An activation also tells the saved searches' alerts (<see cref="ActivationBatches"/>).</summary>
    [Emits(typeof(JobEnriched), typeof(JobEmbedded), typeof(JobActivated))]
    public static (Events, OutgoingMessages) Handle(
        RecordEnrichment result, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Job? job, IOptions<EnrichmentSettings> settings, TimeProvider clock)
    {
        var events = JobDecisions.RecordEnrichment(
            job, new EnrichedByAi(result.DescriptionHash, result.Enrichment, result.AiModel, result.EmbeddingModel, result.Vector),
            result.Force, settings.Value.MaxAttempts, clock.GetUtcNow()).Events;
        return (new Events(events), ActivationBatches.After(job, events));
    }
}

public static class RecordDeduplicationHandler
{
    [Emits(typeof(JobDeduplicated), typeof(JobActivated))]
    public static (Events, OutgoingMessages) Handle(
        RecordDeduplication result, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Job? job, IOptions<EnrichmentSettings> settings, TimeProvider clock)
    {
        var events = JobDecisions.RecordEnrichment(
            job, new CopiedFromTwin(result.DescriptionHash, result.TwinId, result.Enrichment, result.AiModel, result.EmbeddingModel, result.Vector),
            force: false, settings.Value.MaxAttempts, clock.GetUtcNow()).Events;
        return (new Events(events), ActivationBatches.After(job, events));
    }
}

public static class RecordEnrichmentFailureHandler
{
    /// <summary>Counts the failed attempt; while attempts are left, the next one is a durable scheduled message (backoff).</summary>
    [Emits(typeof(JobEnrichmentFailed))]
    public static (Events, OutgoingMessages) Handle(
        RecordEnrichmentFailure result, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Job? job, IOptions<EnrichmentSettings> settings, TimeProvider clock)
    {
        var decision = JobDecisions.RecordEnrichment(
            job, new EnrichmentFailure(result.DescriptionHash, result.Reason), result.Force, settings.Value.MaxAttempts, clock.GetUtcNow());
        var outgoing = ActivationBatches.After(job, decision.Events);
        if (JobDecisions.RetryAfterAttempt(decision) is { } attempt)
            outgoing.Add(new EnrichJob(result.JobId, result.Force).DelayedFor(settings.Value.RetryDelayFor(attempt)));
        return (new Events(decision.Events), outgoing);
    }
}

/// <summary>What gets embedded for a job: its title and skills lead, then the description (the model reads ~256 tokens).</summary>
public static class EmbeddingText
{
    public static string For(string title, IEnumerable<string> skills, string descriptionRaw, DescriptionFormat format) =>
        $"{title}. Skills: {string.Join(", ", skills.Distinct(StringComparer.OrdinalIgnoreCase))}. {DescriptionHtml.ToPlainText(descriptionRaw, format)}";
}
