namespace OttobonJobs.Api.Applications;

// Messages between the provider's applicant pipeline and the seeker's application tracker. Each side's stream is its
// own authority; these carry what happened on one side to the other, after it committed.

/// <summary>The seeker applied through Ottobon to a provider's job: their tracker records "applied, through Ottobon".</summary>
public record ApplicationSubmittedThroughOttobon(Guid SeekerId, Guid JobId, DateTimeOffset AppliedAt, string? Note);

/// <summary>
/// The job's provider moved the seeker's application to <paramref name="Stage"/> (new, shortlisted, interview, offer,
/// rejected): the seeker's tracker follows and the seeker is notified.
/// </summary>
public record ApplicantStageMovedByProvider(Guid SeekerId, Guid JobId, string Stage, DateTimeOffset MovedAt);

/// <summary>The seeker withdrew their application in their tracker: the provider loses access to the resume.</summary>
public record SeekerWithdrewApplication(Guid SeekerId, Guid JobId, DateTimeOffset WithdrawnAt);
