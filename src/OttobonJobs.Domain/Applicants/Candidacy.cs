namespace OttobonJobs.Domain.Applicants;

/// <summary>The stages of an applicant in a provider's pipeline, under the names the API and the SPA use.</summary>
public static class ApplicantStage
{
    public const string New = "new";
    public const string Shortlisted = "shortlisted";
    public const string Interview = "interview";
    public const string Offer = "offer";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [New, Shortlisted, Interview, Offer, Rejected];
}

/// <summary>
/// The resume as it was when the seeker applied: what the provider reads, whatever the seeker uploads later. The file is
/// a copy owned by the application (<paramref name="StorageKey"/>), so replacing or erasing the seeker's resume leaves it.
/// </summary>
public record ResumeSnapshot(string Sha256, string StorageKey, string FileName, string Format, IReadOnlyList<string> Skills, string Text);

// A candidacy is the provider's side of one seeker's application to one job: its own stream, one per (job, seeker).

/// <summary>The seeker applied through Ottobon; <paramref name="JobOwnerId"/> is whoever posted the job (they see the applicant).</summary>
public record CandidateApplied(
    Guid CandidacyId, Guid JobId, Guid SeekerId, Guid JobOwnerId, string SeekerName, ResumeSnapshot Resume, string? Note,
    DateTimeOffset AppliedAt);

public record ApplicantStageMoved(string From, string To, string? Note, Guid MovedBy, string MovedByName, DateTimeOffset MovedAt);

public record ApplicantNoteAdded(string Note, Guid AddedBy, string AddedByName, DateTimeOffset AddedAt);

/// <summary>The seeker withdrew (in their tracker): the provider loses the resume, the pipeline keeps the fact.</summary>
public record CandidacyWithdrawn(DateTimeOffset WithdrawnAt);

/// <summary>The seeker deleted their account: the candidacy keeps no personal data and no resume.</summary>
public record CandidacyErased(DateTimeOffset ErasedAt);

/// <summary>The candidacy stream's events under their stable names.</summary>
public static class CandidacyEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<CandidateApplied>("candidate_applied"),
        EventContract.Of<ApplicantStageMoved>("applicant_stage_moved"),
        EventContract.Of<ApplicantNoteAdded>("applicant_note_added"),
        EventContract.Of<CandidacyWithdrawn>("candidacy_withdrawn"),
        EventContract.Of<CandidacyErased>("candidacy_erased"),
    ];
}

/// <summary>One seeker applying to one job is one candidacy: its id is derived from the pair, so it can only start once.</summary>
public static class CandidacyIds
{
    private static readonly Guid Namespace = new("5d2c8e71-93a4-4f0b-b6e2-1c7f9a3d4e58");

    public static Guid For(Guid jobId, Guid seekerId) => NameBasedIds.Create(Namespace, $"{jobId:N}\n{seekerId:N}");
}

/// <summary>A candidacy as its stream decides it.</summary>
public sealed record Candidacy
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public Guid JobId { get; init; }
    public Guid SeekerId { get; init; }
    public Guid JobOwnerId { get; init; }
    public string Stage { get; init; } = ApplicantStage.New;
    public ResumeSnapshot? Resume { get; init; }
    public DateTimeOffset AppliedAt { get; init; }
    public bool IsWithdrawn { get; init; }
    public bool IsErased { get; init; }

    /// <summary>The provider may read the resume only while the seeker still shares it.</summary>
    public bool SharesResume => !IsWithdrawn && !IsErased && Resume is not null;

    public static Candidacy? Evolve(Candidacy? candidacy, object @event) => (candidacy, @event) switch
    {
        (_, CandidateApplied e) => new Candidacy
        {
            Id = e.CandidacyId, JobId = e.JobId, SeekerId = e.SeekerId, JobOwnerId = e.JobOwnerId, Resume = e.Resume, AppliedAt = e.AppliedAt,
        },
        (null, _) => null,
        ({ } c, ApplicantStageMoved e) => c with { Stage = e.To },
        ({ } c, CandidacyWithdrawn) => c with { IsWithdrawn = true },
        ({ } c, CandidacyErased) => c with { IsErased = true, Resume = null },
        _ => candidacy,
    };

    public static Candidacy? Fold(Candidacy? candidacy, IEnumerable<object> events) => events.Aggregate(candidacy, Evolve);
}
