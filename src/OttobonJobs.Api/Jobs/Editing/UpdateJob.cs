using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Jobs.Editing;

/// <summary>A partial edit: fields left out keep their value; an empty location clears it. A changed description is enriched again.</summary>
public record UpdateJob(
    [property: StringLength(JobRules.MaxTitleLength, MinimumLength = JobRules.MinTitleLength)] string? Title,
    [property: StringLength(JobRules.MaxDescriptionLength, MinimumLength = JobRules.MinDescriptionLength)] string? DescriptionRaw,
    [property: MaxLength(JobRules.MaxSkills), ItemMaxLength(JobRules.MaxSkillLength)] IReadOnlyList<string>? SkillsRequired,
    [property: MaxLength(JobRules.MaxShortTextLength)] string? Location);

/// <summary>
/// The job as the edit left it. <see cref="Version"/> is also the response's ETag: send it back as If-Match on the next
/// edit. <see cref="ReenrichmentQueued"/> says the new description is being enriched (the job page fills in again).
/// </summary>
public record JobEdited(
    Guid Id, long Version, string Status, string Title, string? Location, string DescriptionRaw,
    IReadOnlyList<string> SkillsRequired, bool ReenrichmentQueued);

/// <summary>DELETE /api/jobs/{id}: the job is archived (already was, or is now).</summary>
public record JobArchivedResponse(Guid Id, long Version, string Status, string Message);

// Both endpoints load the job with an exclusive lock on its stream: concurrent edits of one job queue up behind
// each other instead of failing, and each one decides from the state the previous one left.
public static class UpdateJobEndpoint
{
    public static ProblemDetails Validate(UpdateJob command, HttpRequest request)
    {
        if (request.IfMatch().IsMalformed) return ApiProblems.Problem(StatusCodes.Status400BadRequest, StreamVersions.Malformed);
        var problem = (command.Title is null ? null : JobRules.CheckTitle(command.Title))
            ?? (command.DescriptionRaw is null ? null : JobRules.CheckDescription(command.DescriptionRaw))
            ?? JobRules.CheckSkills(command.SkillsRequired)
            ?? JobRules.CheckShortText("location", command.Location);
        return problem is null ? WolverineContinue.NoProblems : ApiProblems.Validation(problem);
    }

    /// <summary>
    /// Edits a job (its owner or an admin). With If-Match, an edit from a version that is no longer current is refused
    /// (412, the detail names the current version); without it, the edit applies to whatever is current.
    /// </summary>
    [WolverinePatch("/api/jobs/{id}", OperationId = "updateJob")]
    [AcceptsIfMatch]
    [RequireRole(Role.Provider, Role.Admin)]
    [Emits(typeof(JobUpdated))]
    [ProducesResponseType<JobEdited>(StatusCodes.Status200OK)]
    public static (IResult, Events, OutgoingMessages) Patch(
        UpdateJob command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Job? job,
        ClaimsPrincipal user,
        HttpRequest request,
        HttpResponse response,
        TimeProvider clock)
    {
        var edit = new JobEdit(
            command.Title?.Trim(),
            command.DescriptionRaw?.Trim(),
            command.SkillsRequired is null ? null : JobRules.CleanSkills(command.SkillsRequired),
            command.Location?.Trim(),
            request.IfMatch().Version);
        var decision = JobDecisions.Update(job, edit, user.Actor(), clock.GetUtcNow());
        var outgoing = new OutgoingMessages();
        if (decision.IsRefused) return (JobWrites.Refused(job, decision, response), [], outgoing);

        var reenrich = JobDecisions.DescriptionChanged(job!, decision);
        if (reenrich) outgoing.Add(new EnrichJob(job!.Id));
        var after = JobWrites.After(job!, decision, response);
        return (
            Results.Ok(new JobEdited(after.Id, after.Version, after.Status, after.Title, after.Location, after.DescriptionRaw, after.SkillsRequired, reenrich)),
            new Events(decision.Events),
            outgoing);
    }
}

public static class ArchiveJobEndpoint
{
    public static ProblemDetails Validate(HttpRequest request) =>
        request.IfMatch().IsMalformed ? ApiProblems.Problem(StatusCodes.Status400BadRequest, StreamVersions.Malformed) : WolverineContinue.NoProblems;

    /// <summary>Archiving takes a job out of the feed and search; its history stays. Archiving an archived job is a no-op.</summary>
    [WolverineDelete("/api/jobs/{id}", OperationId = "archiveJob")]
    [AcceptsIfMatch]
    [RequireRole(Role.Provider, Role.Admin)]
    [Emits(typeof(JobArchived))]
    [ProducesResponseType<JobArchivedResponse>(StatusCodes.Status200OK)]
    public static (IResult, Events) Delete(
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Job? job,
        ClaimsPrincipal user,
        HttpRequest request,
        HttpResponse response,
        TimeProvider clock)
    {
        var decision = JobDecisions.Archive(job, user.Actor(), request.IfMatch().Version, clock.GetUtcNow());
        if (decision.IsRefused) return (JobWrites.Refused(job, decision, response), []);

        var after = JobWrites.After(job!, decision, response);
        return (Results.Ok(new JobArchivedResponse(after.Id, after.Version, after.Status, "Job archived.")), new Events(decision.Events));
    }
}

/// <summary>How the job endpoints answer a decision.</summary>
public static class JobWrites
{
    /// <summary>
    /// The job once the decision's events are appended, with the version the stream will have; the response carries
    /// that version as its ETag. (An endpoint answers before the commit, so it folds the events itself.)
    /// </summary>
    public static Job After(Job job, Decision decision, HttpResponse response)
    {
        var after = decision.Events.Aggregate(job, (state, e) => Job.Evolve(state, e)!) with { Version = job.Version + decision.Events.Count };
        response.SetETag(after.Version);
        return after;
    }

    /// <summary>The refusal as a problem; a stale If-Match also gets the current version as the ETag to reload from.</summary>
    public static IResult Refused(Job? job, Decision decision, HttpResponse response)
    {
        if (decision.Refusal!.Kind == RefusalKind.StaleVersion && job is not null) response.SetETag(job.Version);
        return decision.Refusal.ToResult();
    }
}
