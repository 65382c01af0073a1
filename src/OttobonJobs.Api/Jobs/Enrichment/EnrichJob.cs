using Marten;
using Microsoft.Extensions.Options;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Jobs;
using Wolverine;

namespace OttobonJobs.Api.Jobs.Enrichment;

/// <summary>
/// Enrich the job's current description. Travels through Wolverine's durable local queue, so a restart finishes it.
/// <see cref="Force"/> (an admin's re-enrichment of one job) enriches even when the description already has one.
/// </summary>
public record EnrichJob(Guid JobId, bool Force = false);

public static class EnrichJobHandler
{
    public static async Task<OutgoingMessages> Handle(
        EnrichJob command,
        IDocumentSession session,
        IJobEnricher ai,
        IEmbeddingGenerator embeddings,
        IOptions<EnrichmentSettings> settings,
        TimeProvider clock,
        ILogger<EnrichJob> logger,
        CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var stream = await session.Events.FetchForWriting<Job>(command.JobId, cancellationToken);
        if (stream.Aggregate is not { } job || job.Status == JobStatus.Archived) return outgoing;
        if (!command.Force && (!job.NeedsEnrichment || job.FailedAttempts >= settings.Value.MaxAttempts)) return outgoing;

        var twin = command.Force ? null : await FindEnrichedTwin(session, job, embeddings.Model, cancellationToken);
        if (twin is not null)
        {
            stream.AppendOne(twin with { DeduplicatedAt = clock.GetUtcNow() });
        }
        else
        {
            try
            {
                var enrichment = await ai.EnrichAsync(ToEnrich(job), cancellationToken);
                var vector = await embeddings.EmbedAsync(EmbeddingText.For(job.Title, job.SkillsRequired.Concat(enrichment.Skills), job.DescriptionRaw), cancellationToken);
                var now = clock.GetUtcNow();
                stream.AppendMany(
                    new JobEnriched(enrichment, ai.ModelName, job.DescriptionHash, now),
                    new JobEmbedded(embeddings.Model, vector.Length, vector, job.DescriptionHash, now));
            }
            catch (Exception e) when (e is EnrichmentUnavailableException or EnrichmentRejectedException)
            {
                var attempt = job.FailedAttempts + 1;
                var willRetry = attempt < settings.Value.MaxAttempts;
                logger.LogWarning("Enriching job {JobId} failed (attempt {Attempt}): {Reason}", job.Id, attempt, e.Message);
                stream.AppendOne(new JobEnrichmentFailed(attempt, e.Message, willRetry, clock.GetUtcNow()));
                if (willRetry) outgoing.Add(command.DelayedFor(settings.Value.RetryDelayFor(attempt)));
                return outgoing;
            }
        }

        if (job.Status == JobStatus.Processing) stream.AppendOne(new JobActivated(clock.GetUtcNow()));
        return outgoing;
    }

    private static JobToEnrich ToEnrich(Job job) =>
        new(job.Title, job.CompanyName, job.Location, DescriptionHtml.ToPlainText(job.DescriptionRaw), job.SkillsRequired);

    /// <summary>
    /// Another job with the same description hash, already enriched with the same embedding model: its
    /// enrichment and vector are copied instead of calling the AI again.
    /// </summary>
    private static async Task<JobDeduplicated?> FindEnrichedTwin(
        IDocumentSession session, Job job, string embeddingModel, CancellationToken cancellationToken)
    {
        var twinId = await session.Query<JobDetails>()
            .Where(d => d.DescriptionHash == job.DescriptionHash && d.EnrichmentStatus == EnrichmentStatus.Enriched
                        && d.EmbeddingModel == embeddingModel && d.Id != job.Id)
            .Select(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (twinId == Guid.Empty) return null;

        // The twin's own stream holds the enrichment and vector that belong to this hash.
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
            : new JobDeduplicated(twinId, job.DescriptionHash, enrichment, aiModel!, embeddingModel, vector.Length, vector, default);
    }
}

/// <summary>What gets embedded for a job: its title and skills lead, then the description (the model reads ~256 tokens).</summary>
public static class EmbeddingText
{
    public static string For(string title, IEnumerable<string> skills, string descriptionRaw) =>
        $"{title}. Skills: {string.Join(", ", skills.Distinct(StringComparer.OrdinalIgnoreCase))}. {DescriptionHtml.ToPlainText(descriptionRaw)}";
}
