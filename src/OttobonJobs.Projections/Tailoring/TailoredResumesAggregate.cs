using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Tailoring;

namespace OttobonJobs.Projections.Tailoring;

/// <summary>
/// How Marten folds a (seeker, job) tailoring stream into the domain's <see cref="TailoredResumes"/>, stored inline
/// (<c>mt_doc_tailoredresumes</c>): the version list reads this one row, and an erasure finds a seeker's streams by it.
/// </summary>
public sealed class TailoredResumesAggregate : SingleStreamProjection<TailoredResumes, Guid>
{
    public TailoredResumesAggregate() => this.IncludeTypes(TailoringEvents.Contract);

    public override TailoredResumes? Evolve(TailoredResumes? state, Guid id, IEvent e) =>
        TailoredResumes.Evolve(state, e.Data) is { } next ? next with { Id = id, Version = FoldedVersion.After(state?.Version, e) } : null;
}

public static class TailoringStoreConfiguration
{
    public static StoreOptions AddTailoring(this StoreOptions opts)
    {
        opts.Projections.Add<TailoredResumesAggregate>(ProjectionLifecycle.Inline);
        opts.Schema.For<TailoredResumes>().Index(x => x.SeekerId);
        opts.AddEventContract(TailoringEvents.Contract);
        // An erased seeker's drafts keep their facts (who wrote them, when, for which job) and lose their text.
        opts.Events.AddMaskingRuleForProtectedInformation<TailoredDraftWritten>(e =>
            e with { ResumeMarkdown = ErasedUser.Text, CoverLetterMarkdown = ErasedUser.Text, Changes = [] });
        opts.Events.AddMaskingRuleForProtectedInformation<TailoredDraftEdited>(e =>
            e with { ResumeMarkdown = ErasedUser.Text, CoverLetterMarkdown = ErasedUser.Text });
        return opts;
    }
}
