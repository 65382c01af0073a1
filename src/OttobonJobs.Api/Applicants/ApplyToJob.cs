using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Applications;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Applicants;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Projections.Applicants;
using OttobonJobs.Projections.Resumes;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Applicants;

/// <summary>A seeker applies to a provider's job with their current resume and an optional short note.</summary>
public record ApplyThroughOttobon([property: MaxLength(CandidacyRules.MaxNoteLength)] string? Note);

/// <summary>The caller's own application to a job through Ottobon: what they sent and where it stands.</summary>
public record MyApplicationResponse(
    Guid Id, Guid JobId,
    [property: AllowedValues(ApplicantStage.New, ApplicantStage.Shortlisted, ApplicantStage.Interview, ApplicantStage.Offer, ApplicantStage.Rejected)]
    string Stage,
    string? Note, DateTimeOffset AppliedAt, bool Withdrawn);

public static class ApplyToJobEndpoint
{
    public static ProblemDetails Validate(ApplyThroughOttobon command) =>
        CandidacyRules.CheckNote(command.Note) is { } problem ? ApiProblems.Validation(problem) : WolverineContinue.NoProblems;

    /// <summary>
    /// Applies to a job a provider posted (a scraped job is applied to on the company's site): the job must be active,
    /// the caller must have a resume, and a job takes one application per seeker. The provider sees the resume as it is
    /// now, whatever the seeker uploads later; the seeker's tracker records the application.
    /// </summary>
    [WolverinePost("/api/jobs/{jobId}/applications", OperationId = "applyToJob")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<MyApplicationResponse>(StatusCodes.Status201Created)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)]
    public static Task<IResult> Post(Guid jobId, ApplyThroughOttobon command, ClaimsPrincipal user, JobApplications applications, CancellationToken cancellationToken) =>
        applications.ApplyAsync(jobId, command.Note, user, cancellationToken);
}

public static class MyApplicationEndpoint
{
    /// <summary>
    /// The caller's application to this job through Ottobon, or 204 when they have none: not having applied is a normal
    /// answer, not an error the browser logs on every job page. Never anyone else's.
    /// </summary>
    [WolverineGet("/api/jobs/{jobId}/applications/mine", OperationId = "myApplication")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<MyApplicationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public static async Task<IResult> GetMine(Guid jobId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<ApplicantView>(CandidacyIds.For(jobId, user.UserId()), cancellationToken);
        return view is null
            ? Results.NoContent()
            : Results.Ok(new MyApplicationResponse(view.Id, view.JobId, view.Stage, view.Note, view.AppliedAt, view.Withdrawn));
    }
}

/// <summary>
/// Applying in three steps: read the job and the seeker's resume (their streams), copy the resume file for the
/// application (an outside call, before the decision and outside any lock), then let the candidacy stream decide
/// (<see cref="RecordApplicationHandler"/>). The copy is the application's own, so a later upload or an erasure of the
/// seeker's resume never deletes what the provider reads; a refused or failed decision deletes it again.
/// </summary>
public class JobApplications(IMessageBus bus, IQuerySession session, IFileStorage storage, TimeProvider clock)
{
    public async Task<IResult> ApplyAsync(Guid jobId, string? note, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var seekerId = user.UserId();
        var candidacyId = CandidacyIds.For(jobId, seekerId);
        var job = await session.Events.AggregateStreamAsync<Job>(jobId, token: cancellationToken);
        var seeker = await session.Events.AggregateStreamAsync<User>(seekerId, token: cancellationToken);
        var existing = await session.Events.AggregateStreamAsync<Candidacy>(candidacyId, token: cancellationToken);
        var facts = job is null ? null : new JobForApplying(job.Id, job.OwnerId, job.IsScraped, job.Status);

        // Decided once without the copy, so a refused application copies nothing; the candidacy's stream decides again.
        var resume = await CurrentResumeAsync(seeker, cancellationToken);
        var command = new ApplyToJob(candidacyId, facts, seeker?.FullName ?? "", resume, note);
        if (CandidacyDecisions.Apply(existing, command, user.Actor(), clock.GetUtcNow()).Refusal is { } early) return early.ToResult();

        var copy = await CopyAsync(candidacyId, resume!, cancellationToken);
        ApplicationOutcome outcome;
        try
        {
            outcome = await bus.InvokeAsync<ApplicationOutcome>(new RecordApplication(command with { Resume = copy }, user.Actor()), cancellationToken);
        }
        catch
        {
            await storage.DeleteAsync(copy.StorageKey, CancellationToken.None);
            throw;
        }

        if (outcome.Refusal is { } refusal)
        {
            await storage.DeleteAsync(copy.StorageKey, CancellationToken.None);
            return refusal.ToResult();
        }

        var applied = outcome.Applied!;
        return Results.Json(
            new MyApplicationResponse(candidacyId, jobId, ApplicantStage.New, applied.Note, applied.AppliedAt, false),
            statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The seeker's current resume as the user stream names it; its text and skills come with the file's read model.</summary>
    private async Task<ResumeSnapshot?> CurrentResumeAsync(User? seeker, CancellationToken cancellationToken)
    {
        if (seeker?.Resume is not { } current) return null;
        var resume = await session.LoadAsync<SeekerResume>(seeker.Id, cancellationToken);
        return resume is null || resume.Sha256 != current.Sha256
            ? null
            : new ResumeSnapshot(resume.Sha256, resume.StorageKey, resume.FileName, resume.Format, resume.Skills, resume.Text);
    }

    private async Task<ResumeSnapshot> CopyAsync(Guid candidacyId, ResumeSnapshot resume, CancellationToken cancellationToken)
    {
        await using var content = await storage.OpenAsync(resume.StorageKey, cancellationToken)
            ?? throw new FileNotFoundException($"The resume file {resume.StorageKey} is missing.");
        // A fresh key per attempt: deleting a refused attempt's copy never touches an accepted one.
        var key = $"applications/{candidacyId:N}/{Guid.CreateVersion7():N}-{resume.Sha256}.{resume.Format}";
        await storage.SaveAsync(key, content, cancellationToken);
        return resume with { StorageKey = key };
    }
}

/// <summary>The candidacy stream's turn: <paramref name="Application"/> carries what was read and the resume's copy.</summary>
public record RecordApplication(ApplyToJob Application, Actor Actor)
{
    public Guid CandidacyId => Application.CandidacyId;
}

public record ApplicationOutcome(Refusal? Refusal, CandidateApplied? Applied);

public static class RecordApplicationHandler
{
    /// <summary>Two applications by one seeker to one job take turns on the stream: the second finds the first and is refused.</summary>
    [Emits(typeof(CandidateApplied))]
    public static (ApplicationOutcome, Events, OutgoingMessages) Handle(
        RecordApplication command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Candidacy? candidacy,
        TimeProvider clock)
    {
        var decision = CandidacyDecisions.Apply(candidacy, command.Application, command.Actor, clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return (new ApplicationOutcome(refusal, null), [], []);

        var applied = (CandidateApplied)decision.Events.Single();
        return (
            new ApplicationOutcome(null, applied),
            new Events(decision.Events),
            [new ApplicationSubmittedThroughOttobon(applied.SeekerId, applied.JobId, applied.AppliedAt, applied.Note)]);
    }
}
