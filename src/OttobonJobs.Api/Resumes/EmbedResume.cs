using Marten;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Projections.Resumes;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Resumes;

/// <summary>Embed a seeker's resume in the background (a durable message), with the same model as the jobs.</summary>
public record EmbedResume(Guid UserId, string Sha256);

public static class EmbedResumeHandler
{
    /// <summary>
    /// The outside call, outside any lock: reads the text to embed, embeds it, and hands the vector to the seeker's
    /// stream, which decides whether it still belongs to the current resume (<see cref="RecordResumeEmbeddingHandler"/>).
    /// </summary>
    public static async Task<RecordResumeEmbedding?> Handle(
        EmbedResume command, IQuerySession session, IEmbeddingGenerator embeddings, CancellationToken cancellationToken)
    {
        var resume = await session.LoadAsync<SeekerResume>(command.UserId, cancellationToken);
        // A newer upload replaced this one (its own message embeds it), or the account is gone: nothing to embed.
        if (resume is null || resume.Sha256 != command.Sha256) return null;

        var vector = await embeddings.EmbedAsync(ResumeEmbeddingText.For(resume.Skills, resume.Text), cancellationToken);
        return new RecordResumeEmbedding(command.UserId, command.Sha256, embeddings.Model, vector);
    }
}

public static class RecordResumeEmbeddingHandler
{
    [Emits(typeof(ResumeEmbedded))]
    public static Events Handle(RecordResumeEmbedding command, [WriteAggregate(Required = false)] User? user, TimeProvider clock)
    {
        // A vector for a resume that was replaced or erased meanwhile is dropped, not an error to retry.
        var decision = UserDecisions.RecordResumeEmbedding(user, command, clock.GetUtcNow());
        return decision.IsRefused ? [] : new Events(decision.Events);
    }
}

/// <summary>What gets embedded for a resume: its skills first (the model reads ~256 tokens), then its text.</summary>
public static class ResumeEmbeddingText
{
    public static string For(IReadOnlyList<string> skills, string text) => $"Skills: {string.Join(", ", skills)}. {text}";
}
