using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Applications;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Matching;
using OttobonJobs.Domain.Applicants;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Matching;
using OttobonJobs.Projections.Applicants;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Applicants;

/// <summary>
/// One applicant as the job's provider sees them. <see cref="Fit"/> is null while their resume has not been compared
/// with the job yet (or they replaced it since applying); the skills are always compared. <see cref="Version"/> is the
/// If-Match of a stage move. A withdrawn or erased applicant keeps their place in the list without a resume.
/// </summary>
public record ApplicantResponse(
    Guid Id,
    long Version,
    string SeekerName,
    [property: AllowedValues(ApplicantStage.New, ApplicantStage.Shortlisted, ApplicantStage.Interview, ApplicantStage.Offer, ApplicantStage.Rejected)]
    string Stage,
    string? Note,
    DateTimeOffset AppliedAt,
    FitSummary? Fit,
    IReadOnlyList<string> MatchedSkills,
    IReadOnlyList<string> MissingSkills,
    IReadOnlyList<ApplicantNote> ProviderNotes,
    string? ResumeFileName,
    bool Withdrawn,
    bool Erased);

public record JobApplicantsResponse(Guid JobId, string JobTitle, IReadOnlyList<ApplicantResponse> Applicants);

public record ApplicantCount(Guid JobId, int Count);

public record MoveApplicantStage(string? Stage, [property: MaxLength(CandidacyRules.MaxNoteLength)] string? Note);

public record AddApplicantNote([property: MaxLength(CandidacyRules.MaxNoteLength)] string? Note);

/// <summary>The applicant after a stage move or a note; <see cref="Version"/> is also the response's ETag.</summary>
public record ApplicantChanged(Guid Id, long Version, string Stage);

public static class JobApplicantsEndpoint
{
    /// <summary>
    /// The job's applicants, best fit first (those without a score after, then withdrawn and erased ones), for the
    /// job's owner and admins; another provider is told there is no such job.
    /// </summary>
    [WolverineGet("/api/jobs/{jobId}/applicants", OperationId = "jobApplicants")]
    [RequireRole(Role.Provider, Role.Admin)]
    [ProducesResponseType<JobApplicantsResponse>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(
        Guid jobId, ClaimsPrincipal user, IQuerySession session, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var job = await session.Events.AggregateStreamAsync<Job>(jobId, token: cancellationToken);
        if (job?.OwnerId is not { } owner || !user.CanManage(owner))
            return ApiProblems.Result(StatusCodes.Status404NotFound, "No such job among your listings.");

        var views = await session.Query<ApplicantView>().Where(v => v.JobId == jobId).ToListAsync(cancellationToken);
        // The feed's skills are the job's as enriched (posted plus found): the same list the seeker's fit page compares.
        var jobSkills = (await session.LoadAsync<JobFeedItem>(jobId, cancellationToken))?.SkillsRequired ?? job.SkillsRequired;
        var resumes = views.Where(v => v.Resume is not null)
            .Select(v => new ResumeForFit(v.SeekerId, v.Resume!.Sha256, v.Resume.Skills, v.Resume.Text)).ToList();
        var fits = await JobFits.ScoreResumesAsync(dataSource, jobId, jobSkills, resumes, cancellationToken);

        var applicants = views
            .Select(v => Respond(v, fits.GetValueOrDefault(v.SeekerId), jobSkills))
            .OrderBy(a => a.Withdrawn || a.Erased)
            .ThenByDescending(a => a.Fit?.Score ?? -1)
            .ThenBy(a => a.AppliedAt)
            .ToList();
        return Results.Ok(new JobApplicantsResponse(jobId, job.Title, applicants));
    }

    private static ApplicantResponse Respond(ApplicantView view, Fit? fit, IReadOnlyList<string> jobSkills)
    {
        var skills = view.Resume is { } resume ? FitScore.Compare(jobSkills, resume.Skills, resume.Text) : new SkillComparison([], []);
        return new ApplicantResponse(
            view.Id, view.StreamVersion, view.SeekerName, view.Stage, view.Note, view.AppliedAt, fit is null ? null : FitSummary.From(fit),
            skills.Matched, skills.Missing, view.ProviderNotes, view.Resume?.FileName, view.Withdrawn, view.Erased);
    }

    /// <summary>How many applicants (not withdrawn, not erased) each of the caller's own listings has; listings without any are left out.</summary>
    [WolverineGet("/api/users/me/applicant-counts", OperationId = "myApplicantCounts")]
    [RequireRole(Role.Provider, Role.Admin)]
    [ProducesResponseType<IReadOnlyList<ApplicantCount>>(StatusCodes.Status200OK)]
    public static async Task<IReadOnlyList<ApplicantCount>> Counts(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var owner = user.UserId();
        var jobs = await session.Query<ApplicantView>()
            .Where(v => v.JobOwnerId == owner && !v.Withdrawn && !v.Erased)
            .Select(v => v.JobId)
            .ToListAsync(cancellationToken);
        return jobs.GroupBy(id => id).Select(g => new ApplicantCount(g.Key, g.Count())).ToList();
    }
}

/// <summary>How the candidacy endpoints answer a decision: the new version as the ETag, a stale one with the current.</summary>
internal static class CandidacyWrites
{
    public static IResult Answer(Candidacy? candidacy, Decision decision, HttpResponse response)
    {
        if (decision.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.StaleVersion && candidacy is not null) response.SetETag(candidacy.Version);
            return refusal.ToResult();
        }
        var after = Candidacy.Fold(candidacy, decision.Events)! with { Version = candidacy!.Version + decision.Events.Count };
        response.SetETag(after.Version);
        return Results.Ok(new ApplicantChanged(after.Id, after.Version, after.Stage));
    }

    public static ProblemDetails CheckIfMatch(HttpRequest request) =>
        request.IfMatch().IsMalformed ? ApiProblems.Problem(StatusCodes.Status400BadRequest, StreamVersions.Malformed) : WolverineContinue.NoProblems;
}

public static class MoveApplicantEndpoint
{
    public static ProblemDetails Validate(HttpRequest request) => CandidacyWrites.CheckIfMatch(request);

    /// <summary>
    /// Moves an applicant to another stage with an optional note (the job's owner or an admin). The stage table is in
    /// the README; a move that makes no sense is refused (409) with the reason. The seeker's tracker follows the move.
    /// </summary>
    [WolverinePost("/api/applicants/{id}/stage", OperationId = "moveApplicant")]
    [AcceptsIfMatch]
    [RequireRole(Role.Provider, Role.Admin)]
    [Emits(typeof(ApplicantStageMoved))]
    [ProducesResponseType<ApplicantChanged>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity)]
    public static (IResult, Events, OutgoingMessages) Post(
        MoveApplicantStage command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Candidacy? candidacy,
        ClaimsPrincipal user, HttpRequest request, HttpResponse response, TimeProvider clock)
    {
        var decision = CandidacyDecisions.Move(
            candidacy, new MoveApplicant(command.Stage, command.Note, request.IfMatch().Version), user.Actor(), clock.GetUtcNow());
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(decision.Events.OfType<ApplicantStageMoved>()
            .Select(moved => new ApplicantStageMovedByProvider(candidacy!.SeekerId, candidacy.JobId, moved.To, moved.MovedAt)));
        return (CandidacyWrites.Answer(candidacy, decision, response), new Events(decision.Events), outgoing);
    }
}

public static class AddApplicantNoteEndpoint
{
    /// <summary>Adds a note to an applicant (the job's owner or an admin); the seeker never sees these notes.</summary>
    [WolverinePost("/api/applicants/{id}/notes", OperationId = "addApplicantNote")]
    [RequireRole(Role.Provider, Role.Admin)]
    [Emits(typeof(ApplicantNoteAdded))]
    [ProducesResponseType<ApplicantChanged>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)]
    public static (IResult, Events) Post(
        AddApplicantNote command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Candidacy? candidacy,
        ClaimsPrincipal user, HttpResponse response, TimeProvider clock)
    {
        var decision = CandidacyDecisions.AddNote(candidacy, new NoteApplicant(command.Note), user.Actor(), clock.GetUtcNow());
        return (CandidacyWrites.Answer(candidacy, decision, response), new Events(decision.Events));
    }
}
