using Marten;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Projections.Resumes;

namespace OttobonJobs.Api.Resumes;

/// <summary>Embed a seeker's resume in the background (a durable message), with the same model as the jobs.</summary>
public record EmbedResume(Guid UserId, string Sha256);

public static class EmbedResumeHandler
{
    public static async Task Handle(
        EmbedResume command, IDocumentSession session, IEmbeddingGenerator embeddings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var resume = await session.LoadAsync<SeekerResume>(command.UserId, cancellationToken);
        // A newer upload replaced this one; its own message embeds it.
        if (resume is null || resume.Sha256 != command.Sha256) return;

        var vector = await embeddings.EmbedAsync(ResumeEmbeddingText.For(resume.Skills, resume.Text), cancellationToken);
        session.Events.Append(command.UserId, new ResumeEmbedded(resume.Sha256, embeddings.Model, vector.Length, vector, clock.GetUtcNow()));
    }
}

/// <summary>What gets embedded for a resume: its skills first (the model reads ~256 tokens), then its text.</summary>
public static class ResumeEmbeddingText
{
    public static string For(IReadOnlyList<string> skills, string text) => $"Skills: {string.Join(", ", skills)}. {text}";
}
