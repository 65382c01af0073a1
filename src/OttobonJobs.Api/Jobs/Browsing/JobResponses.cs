using System.ComponentModel.DataAnnotations;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Jobs;

namespace OttobonJobs.Api.Jobs.Browsing;

/// <summary>
/// A feed card. <see cref="CreatedAt"/> is when Ottobon first saw (or the provider posted) the job; <see cref="PostedOn"/>
/// is the career site's own posting date, null when the site gives none (never later than created_at).
/// <see cref="Location"/> is the text as the site or poster wrote it; <see cref="Place"/> is it normalised.
/// <see cref="SalarySource"/> says whether the salary was published by the employer or estimated by the AI.
/// </summary>
public record JobFeedItemResponse(
    Guid Id, string Title, string CompanyName, string? Location, IReadOnlyList<string> SkillsRequired,
    SalaryRange? SalaryRange, [property: AllowedValues(Domain.Jobs.Enrichment.SalarySource.Published, Domain.Jobs.Enrichment.SalarySource.Estimated)] string? SalarySource,
    [property: AllowedValues(JobStatus.Processing, JobStatus.Active, JobStatus.Archived)] string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? PostedOn, string? ExternalApplyUrl, JobPlaceResponse Place,
    [property: AllowedValues(JobTypes.Internship, JobTypes.FullTime, JobTypes.PartTime, JobTypes.Contract)] string JobType,
    [property: AllowedValues(WorkModes.Remote, WorkModes.Hybrid, WorkModes.OnSite, null)] string? WorkMode,
    [property: AllowedValues(ExperienceBands.Internship, ExperienceBands.Entry, ExperienceBands.Early, ExperienceBands.Experienced)] string Experience)
{
    public static JobFeedItemResponse From(JobFeedItem item) => new(
        item.Id, item.Title, item.CompanyName, item.Location, item.SkillsRequired, item.SalaryRange,
        JobSalary.SourceOf(item.PublishedSalary, item.SalaryRange), item.Status,
        item.CreatedAt, item.PostedOn, item.ExternalApplyUrl, new JobPlaceResponse(item.City, item.State, item.Country),
        item.JobType, item.WorkMode, item.Experience);
}

/// <summary>A job's location normalised: canonical city, state and country names ("Bengaluru", "Karnataka", "India"); each null when unknown.</summary>
public record JobPlaceResponse(string? City, string? State, string? Country);

public record JobPage<T>(IReadOnlyList<T> Items, long Total, int Skip, int Limit);

/// <summary>
/// One page of the feed. <see cref="NextCursor"/> is opaque: send it back as <c>cursor</c> for the next page
/// (null on the last page). No total: counting every match would cost more than the page itself.
/// </summary>
public record JobFeedPage(IReadOnlyList<JobFeedItemResponse> Items, string? NextCursor, bool HasMore, int Limit);

public record PrepGuide(IReadOnlyList<PrepQuestion> PrepQuestions);
public record ResumeGuideSection(
    [property: System.Text.Json.Serialization.JsonPropertyName("resume_guide")] IReadOnlyList<string> Tips);

public record EnrichmentState(string Status, int FailedAttempts, string? LastError, string? AiModel, string? EmbeddingModel, Guid? DeduplicatedFrom);

/// <summary>
/// The job page: the four pillars (description, skills, interview prep, resume tips) plus the facts around them.
/// <see cref="Version"/> is the job stream's version (also the ETag of GET /api/jobs/{id}/details).
/// <see cref="CreatedAt"/> is when Ottobon first saw (or the provider posted) the job, <see cref="PostedOn"/> the
/// career site's posting date (null when the site gives none).
/// </summary>
public record JobDetailsResponse(
    Guid Id,
    long Version,
    string Title,
    string CompanyName,
    string? Location,
    JobPlaceResponse Place,
    string DescriptionRaw,
    string DescriptionHtml,
    IReadOnlyList<string> SkillsRequired,
    PrepGuide PrepGuideGenerated,
    ResumeGuideSection ResumeGuideGenerated,
    SalaryRange? SalaryRange,
    [property: AllowedValues(Domain.Jobs.Enrichment.SalarySource.Published, Domain.Jobs.Enrichment.SalarySource.Estimated)] string? SalarySource,
    string? ExperienceLevel,
    string? Qualification,
    [property: AllowedValues(JobStatus.Processing, JobStatus.Active, JobStatus.Archived)] string Status,
    string Origin,
    string? Source,
    string? ExternalApplyUrl,
    Guid? OwnerId,
    EnrichmentState Enrichment,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PostedOn,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? ArchivedAt,
    [property: AllowedValues(JobTypes.Internship, JobTypes.FullTime, JobTypes.PartTime, JobTypes.Contract)] string JobType,
    [property: AllowedValues(WorkModes.Remote, WorkModes.Hybrid, WorkModes.OnSite, null)] string? WorkMode,
    [property: AllowedValues(ExperienceBands.Internship, ExperienceBands.Entry, ExperienceBands.Early, ExperienceBands.Experienced)] string Experience)
{
    public static JobDetailsResponse From(JobDetails job) => new(
        job.Id, job.StreamVersion, job.Title, job.CompanyName, job.Location, new JobPlaceResponse(job.City, job.State, job.Country), job.DescriptionRaw, job.DescriptionHtml, job.SkillsRequired,
        new PrepGuide(job.PrepQuestions), new ResumeGuideSection(job.ResumeTips), job.Salary,
        JobSalary.SourceOf(job.PublishedSalary, job.Salary), job.ExperienceLevel,
        job.Qualification, job.Status, job.Origin, job.Source, job.ExternalApplyUrl, job.OwnerId,
        new EnrichmentState(job.EnrichmentStatus, job.FailedAttempts, job.LastEnrichmentError, job.AiModel, job.EmbeddingModel, job.DeduplicatedFrom),
        job.CreatedAt, job.PostedOn, job.UpdatedAt, job.ActivatedAt, job.ArchivedAt, job.JobType, job.WorkMode, job.Experience);
}
