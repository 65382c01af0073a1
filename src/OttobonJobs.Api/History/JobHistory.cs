using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Jobs;
using Wolverine.Http;

namespace OttobonJobs.Api.History;

/// <summary>One event of a job's stream. <c>data</c> is null for an event type this API does not describe yet.</summary>
public record JobHistoryEntry(long Version, long Sequence, string Type, DateTimeOffset Timestamp, JobEventData? Data);

/// <summary>What a job event says, keyed by the same stable <c>type</c> as its entry. Vectors are given as model and dimensions only.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(JobPostedData), "job_posted")]
[JsonDerivedType(typeof(JobScrapedData), "job_scraped")]
[JsonDerivedType(typeof(JobEnrichedData), "job_enriched")]
[JsonDerivedType(typeof(JobEmbeddedData), "job_embedded")]
[JsonDerivedType(typeof(JobDeduplicatedData), "job_deduplicated")]
[JsonDerivedType(typeof(JobEnrichmentFailedData), "job_enrichment_failed")]
[JsonDerivedType(typeof(JobReenrichmentRequestedData), "job_reenrichment_requested")]
[JsonDerivedType(typeof(JobActivatedData), "job_activated")]
[JsonDerivedType(typeof(JobUpdatedData), "job_updated")]
[JsonDerivedType(typeof(JobSeenAgainData), "job_seen_again")]
[JsonDerivedType(typeof(JobArchivedData), "job_archived")]
public abstract record JobEventData;

public record JobPostedData(
    Guid JobId, Guid PostedBy, string Title, string CompanyName, string? Location, string DescriptionRaw,
    IReadOnlyList<string> SkillsRequired, string DescriptionHash, DateTimeOffset PostedAt) : JobEventData;

public record JobScrapedData(
    Guid JobId, string Source, string CompanyName, string ExternalId, string? ApplyUrl, string Title, string? Location,
    string DescriptionRaw, string DescriptionHash, DateTimeOffset? PostedOn, Guid? RunId, DateTimeOffset ScrapedAt) : JobEventData;

/// <summary>The AI's output as history shows it (its own record, so a change to the domain's shape is a compile error here).</summary>
public record EnrichmentData(
    IReadOnlyList<PrepQuestion> PrepQuestions, IReadOnlyList<string> ResumeTips, IReadOnlyList<string> Skills,
    SalaryRange Salary, string ExperienceLevel, string Qualification)
{
    public static EnrichmentData From(JobEnrichment e) =>
        new(e.PrepQuestions, e.ResumeTips, e.Skills, e.Salary, e.ExperienceLevel, e.Qualification);
}

public record JobEnrichedData(EnrichmentData Enrichment, string AiModel, string DescriptionHash, DateTimeOffset EnrichedAt) : JobEventData;

public record JobEmbeddedData(string Model, int Dimensions, string DescriptionHash, DateTimeOffset EmbeddedAt) : JobEventData;

public record JobDeduplicatedData(
    Guid CopiedFromJobId, string DescriptionHash, EnrichmentData Enrichment, string AiModel, string EmbeddingModel,
    int Dimensions, DateTimeOffset DeduplicatedAt) : JobEventData;

public record JobEnrichmentFailedData(int Attempt, string Reason, bool WillRetry, DateTimeOffset FailedAt) : JobEventData;

public record JobReenrichmentRequestedData(Guid RequestedBy, DateTimeOffset RequestedAt) : JobEventData;

public record JobActivatedData(DateTimeOffset ActivatedAt) : JobEventData;

public record JobUpdatedData(
    string Title, string? Location, string DescriptionRaw, IReadOnlyList<string> SkillsRequired, string DescriptionHash,
    Guid UpdatedBy, DateTimeOffset UpdatedAt) : JobEventData;

public record JobSeenAgainData(Guid RunId, DateTimeOffset SeenAt) : JobEventData;

public record JobArchivedData(string Reason, Guid? ArchivedBy, DateTimeOffset ArchivedAt) : JobEventData;

/// <summary>The job stream's events → their history DTOs: the one place a job event's public shape is decided.</summary>
public static class JobHistory
{
    public static readonly HistoryMapping<JobEventData> Mapping = new HistoryMapping<JobEventData>(JobEvents.Contract)
        .Map((JobPosted e) => new JobPostedData(
            e.JobId, e.PostedBy, e.Title, e.CompanyName, e.Location, e.DescriptionRaw, e.SkillsRequired, e.DescriptionHash, e.PostedAt))
        .Map((JobScraped e) => new JobScrapedData(
            e.JobId, e.Source, e.CompanyName, e.ExternalId, e.ApplyUrl, e.Title, e.Location, e.DescriptionRaw, e.DescriptionHash,
            e.PostedOn, e.RunId, e.ScrapedAt))
        .Map((JobEnriched e) => new JobEnrichedData(EnrichmentData.From(e.Enrichment), e.AiModel, e.DescriptionHash, e.EnrichedAt))
        .Map((JobEmbedded e) => new JobEmbeddedData(e.Model, e.Dimensions, e.DescriptionHash, e.EmbeddedAt))
        .Map((JobDeduplicated e) => new JobDeduplicatedData(
            e.CopiedFromJobId, e.DescriptionHash, EnrichmentData.From(e.Enrichment), e.AiModel, e.EmbeddingModel, e.Dimensions, e.DeduplicatedAt))
        .Map((JobEnrichmentFailed e) => new JobEnrichmentFailedData(e.Attempt, e.Reason, e.WillRetry, e.FailedAt))
        .Map((JobReenrichmentRequested e) => new JobReenrichmentRequestedData(e.RequestedBy, e.RequestedAt))
        .Map((JobActivated e) => new JobActivatedData(e.ActivatedAt))
        .Map((JobUpdated e) => new JobUpdatedData(
            e.Title, e.Location, e.DescriptionRaw, e.SkillsRequired, e.DescriptionHash, e.UpdatedBy, e.UpdatedAt))
        .Map((JobSeenAgain e) => new JobSeenAgainData(e.RunId, e.SeenAt))
        .Map((JobArchived e) => new JobArchivedData(e.Reason, e.ArchivedBy, e.ArchivedAt));

    public static JobHistoryEntry Entry(IEvent e) => new(e.Version, e.Sequence, Mapping.NameOf(e), e.Timestamp, Mapping.DataOf(e.Data));
}

/// <summary>Admins replay a job: every event in order, and the job as it was at any version or moment.</summary>
public static class JobHistoryEndpoint
{
    /// <summary>404 for any id that is not a job's stream (a user's, a chat's, a run's).</summary>
    [WolverineGet("/api/admin/jobs/{id}/history", OperationId = "jobHistory")]
    [RequireRole(Role.Admin)]
    [ProducesResponseType<IReadOnlyList<JobHistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await JobHistory.Mapping.LoadStreamAsync(session, id, cancellationToken) is { } events
            ? Results.Ok(events.Select(JobHistory.Entry).ToList())
            : JobAccess.NotFoundResult();
}

public static class JobStateEndpoint
{
    public static ProblemDetails Validate(int? version, DateTimeOffset? at) =>
        version is not null && at is not null ? ApiProblems.Validation("Give either version or at, not both.")
        : version is < 1 ? ApiProblems.Validation("version starts at 1.")
        : WolverineContinue.NoProblems;

    /// <summary>Folds only job events, so any other stream's id is a 404 too.</summary>
    [WolverineGet("/api/admin/jobs/{id}/state", OperationId = "jobStateAt")]
    [RequireRole(Role.Admin)]
    [ProducesResponseType<JobDetailsResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> GetState(
        Guid id, int? version, DateTimeOffset? at, IQuerySession session, CancellationToken cancellationToken)
    {
        var state = at is not null
            ? await session.Events.AggregateStreamAsync<JobDetails>(id, timestamp: at.Value, token: cancellationToken)
            : await session.Events.AggregateStreamAsync<JobDetails>(id, version: version ?? 0, token: cancellationToken);
        return state is null ? JobAccess.NotFoundResult() : Results.Ok(JobDetailsResponse.From(state));
    }
}
