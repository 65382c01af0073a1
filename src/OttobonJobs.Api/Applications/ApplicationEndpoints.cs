using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Applications;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Http;

namespace OttobonJobs.Api.Applications;

/// <summary>"I applied" on the company's site: <c>applied_on</c> defaults to today and cannot be in the future.</summary>
public record MarkAppliedRequest(DateOnly? AppliedOn, [property: MaxLength(ApplicationRules.MaxNoteLength)] string? Note);

/// <summary>A move to <c>stage</c>, with a note and, for interviewing, the round's date.</summary>
public record MoveApplicationRequest(string? Stage, [property: MaxLength(ApplicationRules.MaxNoteLength)] string? Note, DateTimeOffset? RoundAt);

public record AddApplicationNoteRequest([property: MaxLength(ApplicationRules.MaxNoteLength)] string? Note);

public record AddReminderRequest(DateTimeOffset? DueAt, [property: MaxLength(ApplicationRules.MaxReminderLength)] string? Text);

/// <summary>How the tracker's write endpoints answer an outcome: the refusal as a problem, else the summary with its ETag.</summary>
internal static class TrackerAnswers
{
    public static async Task<IResult> SummaryAsync(ApplicationOutcome outcome, ApplicationReads reads, HttpResponse response, CancellationToken cancellationToken)
    {
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind == Domain.Decisions.RefusalKind.StaleVersion && outcome.Before is { } current) response.SetETag(current.Version);
            return refusal.ToResult();
        }
        var summary = await reads.SummaryAsync(outcome.After!, cancellationToken);
        response.SetETag(summary.Version);
        return outcome.Started ? Results.Json(summary, statusCode: StatusCodes.Status201Created) : Results.Ok(summary);
    }

    public static ProblemDetails CheckIfMatch(HttpRequest request) =>
        request.IfMatch().IsMalformed ? ApiProblems.Problem(StatusCodes.Status400BadRequest, StreamVersions.Malformed) : WolverineContinue.NoProblems;

    public static async Task<bool> JobExistsAsync(IQuerySession session, Guid jobId, CancellationToken cancellationToken) =>
        await session.LoadAsync<JobFeedItem>(jobId, cancellationToken) is not null;
}

public static class ListApplicationsEndpoint
{
    public static ProblemDetails Validate(string? stage) =>
        stage is null || ApplicationStage.All.Contains(stage)
            ? WolverineContinue.NoProblems
            : ApiProblems.Validation($"stage must be one of: {string.Join(", ", ApplicationStage.All)}.");

    /// <summary>The caller's tracker, the most recently changed first; <c>stage</c> keeps one column.</summary>
    [WolverineGet("/api/applications", OperationId = "listApplications")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<ApplicationList>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<ApplicationList> Get(string? stage, ClaimsPrincipal user, ApplicationReads reads, CancellationToken cancellationToken) =>
        new(await reads.ListAsync(user.UserId(), stage, cancellationToken));
}

public static class ApplicationDetailEndpoint
{
    /// <summary>One of the caller's applications with its timeline, reminders and tailored versions; the ETag is its version.</summary>
    [WolverineGet("/api/applications/{id}", OperationId = "applicationDetail")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<ApplicationDetail>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(
        Guid id, ClaimsPrincipal user, IQuerySession session, ApplicationReads reads, HttpResponse response, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<ApplicationView>(id, cancellationToken);
        // Another seeker's application answers like a missing one, so ids don't leak.
        if (view is null || view.Removed || view.SeekerId != user.UserId()) return ApiProblems.Result(StatusCodes.Status404NotFound, "No such application.");
        var detail = await reads.DetailAsync(view, cancellationToken);
        response.SetETag(detail.Version);
        return Results.Ok(detail);
    }
}

public static class JobApplicationEndpoint
{
    /// <summary>The caller's application to this job (any stage), or 204 when the job is not on their tracker.</summary>
    [WolverineGet("/api/jobs/{jobId}/application", OperationId = "jobApplication")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<ApplicationSummary>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid jobId, ClaimsPrincipal user, IQuerySession session, ApplicationReads reads, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<ApplicationView>(ApplicationIds.For(user.UserId(), jobId), cancellationToken);
        return view is null || view.Removed ? Results.NoContent() : Results.Ok(await reads.SummaryAsync(view.State, cancellationToken));
    }
}

public static class SaveJobEndpoint
{
    /// <summary>Saves a job to the caller's tracker: 201 the first time, 200 when it is already tracked (at any stage).</summary>
    [WolverinePut("/api/jobs/{jobId}/application/saved", OperationId = "saveJob")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<ApplicationSummary>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApplicationSummary>(StatusCodes.Status201Created)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Put(
        Guid jobId, ClaimsPrincipal user, IQuerySession session, IMessageBus bus, ApplicationReads reads, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var exists = await TrackerAnswers.JobExistsAsync(session, jobId, cancellationToken);
        var outcome = await bus.InvokeAsync<ApplicationOutcome>(
            new SaveJobToTracker(ApplicationIds.For(user.UserId(), jobId), jobId, exists, user.Actor()), cancellationToken);
        return await TrackerAnswers.SummaryAsync(outcome, reads, response, cancellationToken);
    }
}

public static class UnsaveJobEndpoint
{
    /// <summary>Takes a saved job off the tracker; an application past saved stays (409): withdraw it instead.</summary>
    [WolverineDelete("/api/jobs/{jobId}/application/saved", OperationId = "unsaveJob")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblems(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Delete(Guid jobId, ClaimsPrincipal user, IMessageBus bus, CancellationToken cancellationToken)
    {
        var outcome = await bus.InvokeAsync<ApplicationOutcome>(new UnsaveJob(ApplicationIds.For(user.UserId(), jobId), user.Actor()), cancellationToken);
        return outcome.Refusal is { } refusal ? refusal.ToResult() : Results.NoContent();
    }
}

public static class MarkAppliedEndpoint
{
    public static ProblemDetails Validate(MarkAppliedRequest command) =>
        ApplicationRules.CheckNote(command.Note) is { } problem ? ApiProblems.Validation(problem) : WolverineContinue.NoProblems;

    /// <summary>
    /// "I applied" on the company's site (channel company_site): 201 when the job was not on the tracker, 200 from
    /// saved, 409 when already applied. Applying through Ottobon is <c>POST /api/jobs/{jobId}/applications</c>.
    /// </summary>
    [WolverinePost("/api/jobs/{jobId}/application/applied", OperationId = "markApplied")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<ApplicationSummary>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApplicationSummary>(StatusCodes.Status201Created)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(
        Guid jobId, MarkAppliedRequest command, ClaimsPrincipal user, IQuerySession session, IMessageBus bus, ApplicationReads reads,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var exists = await TrackerAnswers.JobExistsAsync(session, jobId, cancellationToken);
        var outcome = await bus.InvokeAsync<ApplicationOutcome>(
            new RecordAppliedOnCompanySite(ApplicationIds.For(user.UserId(), jobId), jobId, exists, new MarkApplied(command.AppliedOn, command.Note), user.Actor()),
            cancellationToken);
        return await TrackerAnswers.SummaryAsync(outcome, reads, response, cancellationToken);
    }
}

public static class MoveApplicationEndpoint
{
    public static ProblemDetails Validate(HttpRequest request) => TrackerAnswers.CheckIfMatch(request);

    /// <summary>
    /// Moves the application (the stage rules are in the README): a move that makes no sense is 409 with the reason, a
    /// stale If-Match 412. Withdrawing an application made through Ottobon removes the provider's access to the resume.
    /// </summary>
    [WolverinePost("/api/applications/{id}/moves", OperationId = "moveApplication")]
    [AcceptsIfMatch]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<ApplicationSummary>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(
        Guid id, MoveApplicationRequest command, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, ApplicationReads reads,
        CancellationToken cancellationToken)
    {
        var move = new MoveApplication(command.Stage, command.Note, command.RoundAt, request.IfMatch().Version);
        var outcome = await bus.InvokeAsync<ApplicationOutcome>(new MoveTrackedApplication(id, move, user.Actor()), cancellationToken);
        return await TrackerAnswers.SummaryAsync(outcome, reads, response, cancellationToken);
    }
}

public static class AddApplicationNoteEndpoint
{
    /// <summary>Adds a note to the application's timeline (any stage).</summary>
    [WolverinePost("/api/applications/{id}/notes", OperationId = "addApplicationNote")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<ApplicationSummary>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(
        Guid id, AddApplicationNoteRequest command, ClaimsPrincipal user, HttpResponse response, IMessageBus bus, ApplicationReads reads,
        CancellationToken cancellationToken)
    {
        var outcome = await bus.InvokeAsync<ApplicationOutcome>(new AddTrackerNote(id, command.Note, user.Actor()), cancellationToken);
        return await TrackerAnswers.SummaryAsync(outcome, reads, response, cancellationToken);
    }
}

public static class AddReminderEndpoint
{
    /// <summary>
    /// Schedules a reminder (due within a year, text 1–200 characters): a durable scheduled message fires at <c>due_at</c>,
    /// on whichever node runs then, and arrives as a notification linking to the application.
    /// </summary>
    [WolverinePost("/api/applications/{id}/reminders", OperationId = "addApplicationReminder")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<ReminderResponse>(StatusCodes.Status201Created)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(Guid id, AddReminderRequest command, ClaimsPrincipal user, IMessageBus bus, CancellationToken cancellationToken)
    {
        var reminderId = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<ApplicationOutcome>(
            new ScheduleTrackerReminder(id, new ScheduleReminder(reminderId, command.DueAt, command.Text), user.Actor()), cancellationToken);
        if (outcome.Refusal is { } refusal) return refusal.ToResult();
        return Results.Json(ReminderResponse.From(outcome.After!.PendingReminder(reminderId)!), statusCode: StatusCodes.Status201Created);
    }
}

public static class CancelReminderEndpoint
{
    /// <summary>Cancels a pending reminder; one that already fired or was cancelled is fine too (204).</summary>
    [WolverineDelete("/api/applications/{id}/reminders/{reminderId}", OperationId = "cancelApplicationReminder")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Delete(Guid id, Guid reminderId, ClaimsPrincipal user, IMessageBus bus, CancellationToken cancellationToken)
    {
        var outcome = await bus.InvokeAsync<ApplicationOutcome>(new CancelTrackerReminder(id, reminderId, user.Actor()), cancellationToken);
        return outcome.Refusal is { } refusal ? refusal.ToResult() : Results.NoContent();
    }
}
