using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Domain.Applicants;

/// <summary>What the decision needs to know of the job applied to (read from the job's stream).</summary>
public record JobForApplying(Guid JobId, Guid? OwnerId, bool IsScraped, string Status);

/// <summary>A seeker applies to <paramref name="Job"/>; <paramref name="Resume"/> is null when they have none.</summary>
public record ApplyToJob(Guid CandidacyId, JobForApplying? Job, string SeekerName, ResumeSnapshot? Resume, string? Note);

public record MoveApplicant(string? To, string? Note, long? ExpectedVersion);

public record NoteApplicant(string? Note);

public static class CandidacyRules
{
    public const int MaxNoteLength = 1000;

    /// <summary>
    /// Where an applicant may go from each stage. Forward through the pipeline (an offer only after an interview), back one
    /// step to correct a move, rejected from anywhere; a rejected applicant may be reconsidered (back to shortlisted), never
    /// offered or interviewed straight away. Withdrawn or erased candidacies move nowhere.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Moves = new Dictionary<string, IReadOnlyList<string>>
    {
        [ApplicantStage.New] = [ApplicantStage.Shortlisted, ApplicantStage.Interview, ApplicantStage.Rejected],
        [ApplicantStage.Shortlisted] = [ApplicantStage.New, ApplicantStage.Interview, ApplicantStage.Rejected],
        [ApplicantStage.Interview] = [ApplicantStage.Shortlisted, ApplicantStage.Offer, ApplicantStage.Rejected],
        [ApplicantStage.Offer] = [ApplicantStage.Interview, ApplicantStage.Rejected],
        [ApplicantStage.Rejected] = [ApplicantStage.Shortlisted],
    };

    /// <summary>Why a note is not acceptable, or null; an empty note counts as none.</summary>
    public static string? CheckNote(string? note) =>
        note is { Length: > MaxNoteLength } ? $"note may be at most {MaxNoteLength} characters." : null;

    public static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}

/// <summary>The candidacy stream's decisions: pure functions of its state, the command, who asks and the time.</summary>
public static class CandidacyDecisions
{
    public static Decision Apply(Candidacy? existing, ApplyToJob command, Actor actor, DateTimeOffset now)
    {
        if (actor.Role != Role.Seeker) return Decision.Refuse(RefusalKind.Forbidden, "Only job seekers can apply to jobs.");
        if (command.Job is not { } job) return Decision.Refuse(RefusalKind.NotFound, "No such job.");
        if (job.IsScraped || job.OwnerId is null)
            return Decision.Refuse(RefusalKind.Conflict,
                "This job was found on a company's career site and takes no applications through Ottobon: apply on the company's site.");
        if (job.Status != Jobs.JobStatus.Active)
            return Decision.Refuse(RefusalKind.Conflict, $"This job is not open for applications (it is {job.Status}).");
        if (existing is not null)
            return Decision.Refuse(RefusalKind.Conflict,
                existing.IsWithdrawn
                    ? $"You withdrew your application to this job on {existing.AppliedAt:d MMM yyyy}; a job takes one application per seeker."
                    : $"You already applied to this job through Ottobon on {existing.AppliedAt:d MMM yyyy}.");
        if (command.Resume is not { } resume)
            return Decision.Refuse(RefusalKind.Invalid, "resume is missing: upload your resume before applying, the application sends it.");
        if (CandidacyRules.CheckNote(command.Note) is { } problem) return Decision.Refuse(RefusalKind.Invalid, problem);

        return Decision.Accept(new CandidateApplied(
            command.CandidacyId, job.JobId, actor.Id, job.OwnerId.Value, command.SeekerName, resume, CandidacyRules.Clean(command.Note), now));
    }

    public static Decision Move(Candidacy? candidacy, MoveApplicant command, Actor actor, DateTimeOffset now)
    {
        if (ForProvider(candidacy, actor) is { } refused) return refused;
        if (ExpectedVersion.Check(command.ExpectedVersion, candidacy!.Version, "applicant") is { } stale) return stale;
        if (Closed(candidacy) is { } closed) return closed;
        if (command.To is not { } to || !ApplicantStage.All.Contains(to))
            return Decision.Refuse(RefusalKind.Invalid, $"stage must be one of: {string.Join(", ", ApplicantStage.All)}.");
        if (CandidacyRules.CheckNote(command.Note) is { } problem) return Decision.Refuse(RefusalKind.Invalid, problem);
        if (to == candidacy.Stage) return Decision.Unchanged;
        if (!CandidacyRules.Moves[candidacy.Stage].Contains(to))
            return Decision.Refuse(RefusalKind.Conflict, WhyNot(candidacy.Stage, to));

        return Decision.Accept(new ApplicantStageMoved(candidacy.Stage, to, CandidacyRules.Clean(command.Note), actor.Id, actor.Name, now));
    }

    public static Decision AddNote(Candidacy? candidacy, NoteApplicant command, Actor actor, DateTimeOffset now)
    {
        if (ForProvider(candidacy, actor) is { } refused) return refused;
        if (Closed(candidacy!) is { } closed) return closed;
        if (CandidacyRules.Clean(command.Note) is not { } note) return Decision.Refuse(RefusalKind.Invalid, "note is required.");
        if (CandidacyRules.CheckNote(note) is { } problem) return Decision.Refuse(RefusalKind.Invalid, problem);

        return Decision.Accept(new ApplicantNoteAdded(note, actor.Id, actor.Name, now));
    }

    /// <summary>The seeker withdrew in their tracker; a tracker entry that never went through Ottobon has no candidacy.</summary>
    public static Decision Withdraw(Candidacy? candidacy, DateTimeOffset now) =>
        candidacy is null or { IsWithdrawn: true } or { IsErased: true } ? Decision.Unchanged : Decision.Accept(new CandidacyWithdrawn(now));

    public static Decision Erase(Candidacy? candidacy, DateTimeOffset now) =>
        candidacy is null or { IsErased: true } ? Decision.Unchanged : Decision.Accept(new CandidacyErased(now));

    // Another provider may not even learn that the candidacy exists.
    private static Decision? ForProvider(Candidacy? candidacy, Actor actor) =>
        candidacy is null || !actor.CanManage(candidacy.JobOwnerId) ? Decision.Refuse(RefusalKind.NotFound, "No such applicant.") : null;

    private static Decision? Closed(Candidacy candidacy) =>
        candidacy.IsErased ? Decision.Refuse(RefusalKind.Conflict, "The applicant deleted their account: this application is closed.")
        : candidacy.IsWithdrawn ? Decision.Refuse(RefusalKind.Conflict, "The applicant withdrew this application: it is closed.")
        : null;

    private static string WhyNot(string from, string to) => (from, to) switch
    {
        (ApplicantStage.Rejected, _) => $"A rejected applicant cannot move straight to {to}: reconsider them by moving them back to shortlisted first.",
        (_, ApplicantStage.Offer) => "An offer follows an interview: move the applicant to interview first.",
        _ => $"An applicant cannot move from {from} to {to}.",
    };
}
