using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Resumes;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;
using Wolverine;
using Wolverine.Http;

namespace OttobonJobs.Api.Embeddings;

public record EmbeddingsRefreshQueued(string Model, int JobsQueued, int ResumesQueued, string Message);

/// <summary>A resume whose vector came from another model, and the file it was read from.</summary>
public record ResumeToEmbed(Guid Id, string Sha256);

public static class RefreshEmbeddingsEndpoint
{
    /// <summary>
    /// After switching embedding models: embeds again, with the configured model, every enriched job and every
    /// resume whose vector came from another model. Enrichments are kept; only vectors are made again. The read
    /// models only pick candidates: each job's and each seeker's stream decides whether its new vector is still wanted.
    /// </summary>
    [WolverinePost("/api/admin/embeddings/refresh", OperationId = "refreshEmbeddings")]
    [RequireRole(Role.Admin)]
    [ProducesResponseType<EmbeddingsRefreshQueued>(StatusCodes.Status202Accepted)]
    public static async Task<(IResult, OutgoingMessages)> Post(
        IQuerySession session, IEmbeddingGenerator embeddings, CancellationToken cancellationToken)
    {
        var model = embeddings.Model;
        var jobIds = await session.Query<JobDetails>()
            .Where(j => j.Status != JobStatus.Archived && j.EnrichmentStatus == EnrichmentStatus.Enriched && j.EmbeddingModel != model)
            .Select(j => j.Id).ToListAsync(cancellationToken);
        var resumes = await session.Query<SeekerResume>()
            .Where(r => r.EmbeddingModel != model)
            .Select(r => new ResumeToEmbed(r.Id, r.Sha256)).ToListAsync(cancellationToken);

        var outgoing = new OutgoingMessages();
        outgoing.AddRange(jobIds.Select(jobId => new EmbedJob(jobId)));
        outgoing.AddRange(resumes.Select(resume => new EmbedResume(resume.Id, resume.Sha256)));

        var response = Results.Json(
            new EmbeddingsRefreshQueued(model, jobIds.Count, resumes.Count,
                $"Queued {jobIds.Count} job(s) and {resumes.Count} resume(s) to be embedded with {model}."),
            statusCode: StatusCodes.Status202Accepted);
        return (response, outgoing);
    }
}
