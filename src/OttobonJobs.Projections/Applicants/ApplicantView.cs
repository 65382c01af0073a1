using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Applicants;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Projections.Applicants;

/// <summary>A provider's note on an applicant, or the note of a stage move.</summary>
public record ApplicantNote(string Text, string AuthorName, DateTimeOffset At);

/// <summary>
/// One applicant of one job as the provider's pipeline and the seeker's own view read it. The resume snapshot is kept
/// while the seeker shares it (withdrawing or erasure drop it), so the listing can score the fit without another read.
/// </summary>
public record ApplicantView(
    Guid Id,
    Guid JobId,
    Guid SeekerId,
    Guid JobOwnerId,
    string SeekerName,
    string Stage,
    string? Note,
    DateTimeOffset AppliedAt,
    DateTimeOffset UpdatedAt)
{
    public long StreamVersion { get; init; }
    public ResumeSnapshot? Resume { get; init; }
    public IReadOnlyList<ApplicantNote> ProviderNotes { get; init; } = [];
    public bool Withdrawn { get; init; }
    public bool Erased { get; init; }
}

public class ApplicantViewProjection : SingleStreamProjection<ApplicantView, Guid>
{
    public ApplicantViewProjection() => this.IncludeTypes(CandidacyEvents.Contract);

    public override ApplicantView? Evolve(ApplicantView? view, Guid id, IEvent e)
    {
        var version = FoldedVersion.After(view?.StreamVersion, e);
        return Next(view, e.Data) is { } next ? next with { StreamVersion = version } : null;
    }

    private static ApplicantView? Next(ApplicantView? view, object data) => (view, data) switch
    {
        (_, CandidateApplied applied) => new ApplicantView(
            applied.CandidacyId, applied.JobId, applied.SeekerId, applied.JobOwnerId, applied.SeekerName, ApplicantStage.New, applied.Note,
            applied.AppliedAt, applied.AppliedAt) { Resume = applied.Resume },
        (null, _) => null,
        ({ } v, ApplicantStageMoved moved) => v with
        {
            Stage = moved.To,
            UpdatedAt = moved.MovedAt,
            ProviderNotes = moved.Note is null ? v.ProviderNotes : [.. v.ProviderNotes, new ApplicantNote(moved.Note, moved.MovedByName, moved.MovedAt)],
        },
        ({ } v, ApplicantNoteAdded added) => v with
        {
            UpdatedAt = added.AddedAt, ProviderNotes = [.. v.ProviderNotes, new ApplicantNote(added.Note, added.AddedByName, added.AddedAt)],
        },
        ({ } v, CandidacyWithdrawn withdrawn) => v with { Withdrawn = true, Resume = null, UpdatedAt = withdrawn.WithdrawnAt },
        ({ } v, CandidacyErased erased) => v with
        {
            Erased = true, SeekerName = ErasedUser.Name, Note = null, Resume = null, ProviderNotes = [], UpdatedAt = erased.ErasedAt,
        },
        _ => view,
    };
}

public static class ApplicantsStoreConfiguration
{
    public static StoreOptions AddApplicants(this StoreOptions opts)
    {
        opts.Projections.Add<CandidacyAggregate>(ProjectionLifecycle.Live);
        opts.Projections.Add<ApplicantViewProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ApplicantView>().Index(x => x.JobId).Index(x => x.SeekerId).Index(x => x.JobOwnerId);
        opts.AddEventContract(CandidacyEvents.Contract);
        AddErasureMasking(opts);
        return opts;
    }

    /// <summary>An erased seeker's candidacy events keep the facts (ids, stages, times) and lose the person: name, note, resume, notes about them.</summary>
    private static void AddErasureMasking(StoreOptions opts)
    {
        opts.Events.AddMaskingRuleForProtectedInformation<CandidateApplied>(e => e with
        {
            SeekerName = ErasedUser.Name, Note = null,
            Resume = e.Resume with { FileName = ErasedUser.FileName, Text = ErasedUser.Text, Skills = [] },
        });
        opts.Events.AddMaskingRuleForProtectedInformation<ApplicantStageMoved>(e => e with { Note = null });
        opts.Events.AddMaskingRuleForProtectedInformation<ApplicantNoteAdded>(e => e with { Note = ErasedUser.Text });
    }
}
