using OttobonJobs.Domain.Tailoring;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>The offline tailor: reorders and quotes the resume's own lines (<see cref="LocalTailoring"/>), labelled a local draft.</summary>
public sealed class LocalResumeTailor : IResumeTailor
{
    public Task<TailoredDraft> TailorAsync(TailoringJob job, TailoringResume resume, CancellationToken cancellationToken) =>
        Task.FromResult(LocalTailoring.Draft(job, resume));
}
