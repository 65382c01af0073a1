using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Jobs.Posting;

public record PostJob(
    [property: StringLength(JobRules.MaxTitleLength, MinimumLength = JobRules.MinTitleLength)] string? Title,
    [property: StringLength(JobRules.MaxDescriptionLength, MinimumLength = JobRules.MinDescriptionLength)] string? DescriptionRaw,
    [property: MaxLength(JobRules.MaxSkills), ItemMaxLength(JobRules.MaxSkillLength)] IReadOnlyList<string>? SkillsRequired,
    [property: MaxLength(JobRules.MaxShortTextLength)] string? CompanyName,
    [property: MaxLength(JobRules.MaxShortTextLength)] string? Location);

public record JobAccepted(Guid Id, string Message);

public static class PostJobEndpoint
{
    public static ProblemDetails Validate(PostJob command)
    {
        var problem = JobRules.CheckTitle(command.Title)
            ?? JobRules.CheckDescription(command.DescriptionRaw)
            ?? JobRules.CheckSkills(command.SkillsRequired)
            ?? JobRules.CheckShortText("company_name", command.CompanyName)
            ?? JobRules.CheckShortText("location", command.Location);
        return problem is null ? WolverineContinue.NoProblems : ApiProblems.Validation(problem);
    }

    /// <summary>Records the job and queues its enrichment; the job becomes active once enriched.</summary>
    [WolverinePost("/api/jobs", OperationId = "postJob")]
    [RequireRole(Role.Provider, Role.Admin)]
    [ProducesResponseType<JobAccepted>(StatusCodes.Status202Accepted)]
    [Emits(typeof(JobPosted))]
    public static (IResult, IStartStream, EnrichJob) Post(PostJob command, ClaimsPrincipal user, TimeProvider clock)
    {
        var jobId = Guid.CreateVersion7();
        var job = new NewJob(
            command.Title!.Trim(), command.CompanyName?.Trim(), command.Location?.Trim(), command.DescriptionRaw!.Trim(),
            JobRules.CleanSkills(command.SkillsRequired));
        var decision = JobDecisions.Post(jobId, job, user.Actor(), clock.GetUtcNow());

        var response = Results.Json(
            new JobAccepted(jobId, "Job received. It will appear in the feed once it has been enriched."),
            statusCode: StatusCodes.Status202Accepted);
        return (response, MartenOps.StartStream<Job>(jobId, decision.Events.ToArray()), new EnrichJob(jobId));
    }
}
