using Marten;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Embeddings;

/// <summary>Embed an enriched job again with the configured model (after a model switch); its enrichment is kept.</summary>
public record EmbedJob(Guid JobId);

public static class EmbedJobHandler
{
    public static async Task Handle(
        EmbedJob command, IDocumentSession session, IEmbeddingGenerator embeddings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Job>(command.JobId, cancellationToken);
        // Archived, or not enriched yet (EnrichJob embeds it), or already embedded by this model: nothing to do.
        if (stream.Aggregate is not { } job || job.Status == JobStatus.Archived || job.NeedsEnrichment || job.EmbeddingModel == embeddings.Model)
            return;

        var vector = await embeddings.EmbedAsync(EmbeddingText.For(job.Title, job.SkillsRequired.Concat(job.EnrichedSkills), job.DescriptionRaw), cancellationToken);
        stream.AppendOne(new JobEmbedded(embeddings.Model, vector.Length, vector, job.DescriptionHash, clock.GetUtcNow()));
    }
}
