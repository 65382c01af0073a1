using Marten;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Embeddings;

/// <summary>Embed an enriched job again with the configured model (after a model switch); its enrichment is kept.</summary>
public record EmbedJob(Guid JobId);

/// <summary>A vector made for the description with this hash, to be recorded if the job still needs it.</summary>
public record RecordEmbedding(Guid JobId, string DescriptionHash, string Model, float[] Vector);

/// <summary>Step 1: the embedding call, with no stream held.</summary>
public static class EmbedJobHandler
{
    public static async Task<OutgoingMessages> Handle(
        EmbedJob command, IQuerySession session, IEmbeddingGenerator embeddings, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        // Archived, or not enriched yet (EnrichJob embeds it), or already embedded by this model: nothing to do.
        var job = await session.Events.AggregateStreamAsync<Job>(command.JobId, token: cancellationToken);
        if (!JobDecisions.ShouldEmbed(job, embeddings.Model)) return outgoing;

        var vector = await embeddings.EmbedAsync(EmbeddingText.For(job!.Title, job.SkillsRequired.Concat(job.EnrichedSkills), job.DescriptionRaw, job.DescriptionFormat), cancellationToken);
        outgoing.Add(new RecordEmbedding(job.Id, job.DescriptionHash, embeddings.Model, vector));
        return outgoing;
    }
}

/// <summary>Step 2: the job's stream decides whether the vector is still wanted.</summary>
public static class RecordEmbeddingHandler
{
    [Emits(typeof(JobEmbedded))]
    public static Events Handle(RecordEmbedding result, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Job? job, TimeProvider clock) =>
        new(JobDecisions.RecordEmbedding(job, result.DescriptionHash, result.Model, result.Vector, clock.GetUtcNow()).Events);
}
