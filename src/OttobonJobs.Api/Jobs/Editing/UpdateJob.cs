using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Editing;

/// <summary>A partial edit: fields left out keep their value. A changed description is enriched again.</summary>
public record UpdateJob(string? Title, string? DescriptionRaw, IReadOnlyList<string>? SkillsRequired, string? Location);

public static class UpdateJobEndpoint
{
    public static ProblemDetails Validate(UpdateJob command)
    {
        var problem = (command.Title is null ? null : JobRules.CheckTitle(command.Title))
            ?? (command.DescriptionRaw is null ? null : JobRules.CheckDescription(command.DescriptionRaw))
            ?? JobRules.CheckSkills(command.SkillsRequired)
            ?? JobRules.CheckShortText("location", command.Location);
        return problem is null ? WolverineContinue.NoProblems : ApiProblems.Validation(problem);
    }

    [WolverinePatch("/api/jobs/{id}", OperationId = "updateJob")]
    [RequireRole(Role.Provider, Role.Admin)]
    [ProducesResponseType<JobDetailsResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Patch(
        Guid id, UpdateJob command, ClaimsPrincipal user, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Job>(id, cancellationToken);
        if (JobAccess.Manageable(stream.Aggregate, user) is { } denied) return denied;
        var job = stream.Aggregate!;
        if (job.Status == JobStatus.Archived)
            return ApiProblems.Result(StatusCodes.Status409Conflict, "This job is archived and can no longer be edited.");

        var description = command.DescriptionRaw?.Trim() ?? job.DescriptionRaw;
        var hash = DescriptionFingerprint.Compute(description);
        stream.AppendOne(new JobUpdated(
            command.Title?.Trim() ?? job.Title,
            command.Location is null ? job.Location : string.IsNullOrWhiteSpace(command.Location) ? null : command.Location.Trim(),
            description,
            command.SkillsRequired is null ? job.SkillsRequired : JobRules.CleanSkills(command.SkillsRequired),
            hash,
            user.UserId(),
            clock.GetUtcNow()));
        if (hash != job.DescriptionHash) await bus.PublishAsync(new EnrichJob(id));

        await session.SaveChangesAsync(cancellationToken);
        var details = await session.LoadAsync<JobDetails>(id, cancellationToken);
        return Results.Ok(JobDetailsResponse.From(details!));
    }
}

public static class ArchiveJobEndpoint
{
    /// <summary>Archiving takes a job out of the feed and search; its history stays.</summary>
    [WolverineDelete("/api/jobs/{id}", OperationId = "archiveJob")]
    [RequireRole(Role.Provider, Role.Admin)]
    public static async Task<IResult> Delete(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Job>(id, cancellationToken);
        if (JobAccess.Manageable(stream.Aggregate, user) is { } denied) return denied;

        if (stream.Aggregate!.Status != JobStatus.Archived)
        {
            var reason = user.IsAdmin() && user.UserId() != stream.Aggregate.OwnerId ? "archived by an admin" : "archived by its owner";
            stream.AppendOne(new JobArchived(reason, user.UserId(), clock.GetUtcNow()));
            await session.SaveChangesAsync(cancellationToken);
        }
        return Results.Ok(new { id, status = JobStatus.Archived, message = "Job archived." });
    }
}
