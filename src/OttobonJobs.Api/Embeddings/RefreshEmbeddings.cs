using Marten;
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

public static class RefreshEmbeddingsEndpoint
{
    /// <summary>
    /// After switching embedding models: embeds again, with the configured model, every enriched job and every
    /// resume whose vector came from another model. Enrichments are kept; only vectors are made again.
    /// </summary>
    [WolverinePost("/api/admin/embeddings/refresh", OperationId = "refreshEmbeddings")]
    [RequireRole(Role.Admin)]
    public static async Task<IResult> Post(
        IDocumentSession session, IMessageBus bus, IEmbeddingGenerator embeddings, CancellationToken cancellationToken)
    {
        var model = embeddings.Model;
        var jobIds = await session.Query<JobDetails>()
            .Where(j => j.Status != JobStatus.Archived && j.EnrichmentStatus == EnrichmentStatus.Enriched && j.EmbeddingModel != model)
            .Select(j => j.Id).ToListAsync(cancellationToken);
        var resumes = await session.Query<SeekerResume>()
            .Where(r => r.EmbeddingModel != model)
            .Select(r => new { r.Id, r.Sha256 }).ToListAsync(cancellationToken);

        foreach (var jobId in jobIds) await bus.PublishAsync(new EmbedJob(jobId));
        foreach (var resume in resumes) await bus.PublishAsync(new EmbedResume(resume.Id, resume.Sha256));

        return Results.Json(
            new EmbeddingsRefreshQueued(model, jobIds.Count, resumes.Count,
                $"Queued {jobIds.Count} job(s) and {resumes.Count} resume(s) to be embedded with {model}."),
            statusCode: StatusCodes.Status202Accepted);
    }
}
