using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Projections.Jobs;

public static class EnrichmentStatus
{
    public const string Pending = "pending";
    public const string Enriched = "enriched";
    public const string Failed = "failed";
}

/// <summary>The full job with its four pillars (description, skills, interview prep, resume tips), for the detail page and admins.</summary>
public record JobDetails
{
    public Guid Id { get; init; }

    /// <summary>
    /// The job stream's version this view is folded up to: the ETag of the job's page and edits. (Not named Version:
    /// Marten would treat that as the document's own version and overwrite it.)
    /// </summary>
    public long StreamVersion { get; init; }
    public string Title { get; init; } = "";
    public string CompanyName { get; init; } = "";
    public string? Location { get; init; }

    /// <summary>The location normalised: canonical city, state and country ("Bengaluru", "Karnataka", "India"), each null when unknown.</summary>
    public string? City { get; init; }
    public string? State { get; init; }
    public string? Country { get; init; }
    public string DescriptionRaw { get; init; } = "";
    public string DescriptionHtml { get; init; } = "";

    /// <summary>How <see cref="DescriptionRaw"/> is written (Markdown for a posted job); <see cref="DescriptionHtml"/> is rendered from it.</summary>
    public DescriptionFormat DescriptionFormat { get; init; }
    public string DescriptionHash { get; init; } = "";
    /// <summary>The skills shown: the poster's own list, then what the AI found.</summary>
    public IReadOnlyList<string> SkillsRequired { get; init; } = [];
    public IReadOnlyList<string> PostedSkills { get; init; } = [];
    public IReadOnlyList<string> AiSkills { get; init; } = [];
    public IReadOnlyList<PrepQuestion> PrepQuestions { get; init; } = [];
    public IReadOnlyList<string> ResumeTips { get; init; } = [];
    /// <summary>The salary shown (<see cref="JobSalary.Shown"/>): the published one, else the AI's estimate.</summary>
    public SalaryRange? Salary { get; init; }
    public SalaryRange? PublishedSalary { get; init; }
    public string? ExperienceLevel { get; init; }

    /// <summary>Type, work mode and experience band (<see cref="JobKinds"/>), as the feed has them.</summary>
    public string JobType { get; init; } = JobTypes.FullTime;
    public string? WorkMode { get; init; }
    public string Experience { get; init; } = ExperienceBands.Entry;
    public string? Qualification { get; init; }
    public string Status { get; init; } = JobStatus.Processing;
    public string Origin { get; init; } = JobOrigin.Posted;
    public Guid? OwnerId { get; init; }
    public string? Source { get; init; }
    public string? ExternalId { get; init; }
    public string? ExternalApplyUrl { get; init; }
    public string EnrichmentStatus { get; init; } = Jobs.EnrichmentStatus.Pending;
    public string? AiModel { get; init; }
    public string? EmbeddingModel { get; init; }
    public Guid? DeduplicatedFrom { get; init; }
    public int FailedAttempts { get; init; }
    public string? LastEnrichmentError { get; init; }
    /// <summary>When the job was first seen here (scraped) or posted: the ingestion time.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The posting date the career site gives (null when it gives none); a posted job's is when it was posted.</summary>
    public DateTimeOffset? PostedOn { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ActivatedAt { get; init; }
    public DateTimeOffset? ArchivedAt { get; init; }
    public DateTimeOffset? LastSeenAt { get; init; }
}

public static class PostingDates
{
    /// <summary>
    /// The site's posting date in UTC (the store's timestamp columns take no other offset), clamped to when it was
    /// first seen: a site's clock or time zone can put it in our future.
    /// </summary>
    public static DateTimeOffset? PostedOn(JobScraped scraped)
    {
        var postedOn = scraped.PostedOn?.ToUniversalTime();
        return postedOn > scraped.ScrapedAt ? scraped.ScrapedAt.ToUniversalTime() : postedOn;
    }
}

public static class JobSkills
{
    /// <summary>The poster's skills first, then the AI's, without repeats (ignoring case), at most the enrichment limit.</summary>
    public static IReadOnlyList<string> Merge(IEnumerable<string> posted, IEnumerable<string> fromAi) =>
        posted.Concat(fromAi).Select(skill => skill.Trim()).Where(skill => skill.Length > 0)
            .DistinctBy(skill => skill.ToLowerInvariant()).Take(JobEnrichmentRules.MaxSkills).ToList();
}

public static class JobOrigin
{
    public const string Posted = "posted";
    public const string Scraped = "scraped";
}

public class JobDetailsProjection : SingleStreamProjection<JobDetails, Guid>
{
    // Every job event, so the view's version is the stream's.
    public JobDetailsProjection() => this.IncludeTypes(JobEvents.Contract);

    public override JobDetails? Evolve(JobDetails? details, Guid id, IEvent e) =>
        Next(details, e) is { } next ? Kinds(details, Placed(details, next)) with { StreamVersion = FoldedVersion.After(details?.StreamVersion, e) } : null;

    /// <summary>Read again only when the words they come from changed (reading the description parses its HTML).</summary>
    private static JobDetails Kinds(JobDetails? before, JobDetails next)
    {
        if (before is not null && before.Title == next.Title && before.Location == next.Location
            && before.DescriptionRaw == next.DescriptionRaw && before.ExperienceLevel == next.ExperienceLevel) return next;
        var text = HtmlText.ToPlainText(next.DescriptionRaw);
        return next with
        {
            JobType = JobKinds.TypeOf(next.Title, text),
            WorkMode = JobKinds.WorkModeOf(next.Location, text),
            Experience = JobKinds.ExperienceOf(next.Title, text, next.ExperienceLevel),
        };
    }

    private static JobDetails Placed(JobDetails? before, JobDetails next)
    {
        if (before is not null && before.Location == next.Location) return next;
        var place = JobPlace.Of(next.Location);
        return next with { City = place.City, State = place.State, Country = place.Country };
    }

    private static JobDetails? Next(JobDetails? details, IEvent e) => (details, e.Data) switch
    {
        (_, JobPosted posted) => new JobDetails
        {
            Id = posted.JobId, Title = posted.Title, CompanyName = posted.CompanyName, Location = posted.Location,
            DescriptionRaw = posted.DescriptionRaw, DescriptionHtml = DescriptionHtml.From(posted.DescriptionRaw, DescriptionFormat.Markdown), DescriptionFormat = DescriptionFormat.Markdown,
            DescriptionHash = posted.DescriptionHash, PostedSkills = posted.SkillsRequired,
            SkillsRequired = JobSkills.Merge(posted.SkillsRequired, []), OwnerId = posted.PostedBy,
            Origin = JobOrigin.Posted, CreatedAt = posted.PostedAt, PostedOn = posted.PostedAt, UpdatedAt = posted.PostedAt,
        },
        (_, JobScraped scraped) => new JobDetails
        {
            Id = scraped.JobId, Title = scraped.Title, CompanyName = scraped.CompanyName, Location = scraped.Location,
            DescriptionRaw = scraped.DescriptionRaw, DescriptionHtml = DescriptionHtml.From(scraped.DescriptionRaw), DescriptionFormat = DescriptionFormat.CareerSite,
            DescriptionHash = scraped.DescriptionHash, Origin = JobOrigin.Scraped, Source = scraped.Source,
            ExternalId = scraped.ExternalId, ExternalApplyUrl = scraped.ApplyUrl,
            PublishedSalary = scraped.PublishedSalary, Salary = scraped.PublishedSalary,
            CreatedAt = scraped.ScrapedAt, PostedOn = PostingDates.PostedOn(scraped), UpdatedAt = scraped.ScrapedAt,
            LastSeenAt = scraped.ScrapedAt,
        },
        (null, _) => null,
        ({ } job, JobEnriched enriched) => WithEnrichment(job, enriched.Enrichment, enriched.AiModel, enriched.EnrichedAt) with
        {
            DeduplicatedFrom = null,
        },
        ({ } job, JobEmbedded embedded) => job with { EmbeddingModel = embedded.Model },
        ({ } job, JobDeduplicated copied) => WithEnrichment(job, copied.Enrichment, copied.AiModel, copied.DeduplicatedAt) with
        {
            EmbeddingModel = copied.EmbeddingModel,
            DeduplicatedFrom = copied.CopiedFromJobId,
        },
        ({ } job, JobEnrichmentFailed failed) => job with
        {
            FailedAttempts = failed.Attempt,
            LastEnrichmentError = failed.Reason,
            EnrichmentStatus = failed.WillRetry ? job.EnrichmentStatus : Jobs.EnrichmentStatus.Failed,
            UpdatedAt = failed.FailedAt,
        },
        ({ } job, JobReenrichmentRequested requested) => job with
        {
            EnrichmentStatus = Jobs.EnrichmentStatus.Pending, FailedAttempts = 0, UpdatedAt = requested.RequestedAt,
        },
        ({ } job, JobActivated activated) => job with
        {
            Status = JobStatus.Active, ActivatedAt = activated.ActivatedAt, UpdatedAt = activated.ActivatedAt,
        },
        ({ } job, JobUpdated updated) => job with
        {
            Title = updated.Title, Location = updated.Location, DescriptionRaw = updated.DescriptionRaw,
            DescriptionHtml = DescriptionHtml.From(updated.DescriptionRaw, FormatOf(job)), DescriptionFormat = FormatOf(job), PostedSkills = updated.SkillsRequired,
            SkillsRequired = JobSkills.Merge(updated.SkillsRequired, job.AiSkills),
            EnrichmentStatus = updated.DescriptionHash == job.DescriptionHash ? job.EnrichmentStatus : Jobs.EnrichmentStatus.Pending,
            FailedAttempts = updated.DescriptionHash == job.DescriptionHash ? job.FailedAttempts : 0,
            LastEnrichmentError = updated.DescriptionHash == job.DescriptionHash ? job.LastEnrichmentError : null,
            DescriptionHash = updated.DescriptionHash, UpdatedAt = updated.UpdatedAt,
        },
        ({ } job, JobSeenAgain seen) => job with { LastSeenAt = seen.SeenAt },
        ({ } job, JobArchived archived) => job with
        {
            Status = JobStatus.Archived, ArchivedAt = archived.ArchivedAt, UpdatedAt = archived.ArchivedAt,
        },
        _ => details,
    };

    /// <summary>A job's description keeps the format of its origin through every edit.</summary>
    public static DescriptionFormat FormatOf(JobDetails job) =>
        job.Origin == JobOrigin.Scraped ? DescriptionFormat.CareerSite : DescriptionFormat.Markdown;

    private static JobDetails WithEnrichment(JobDetails job, JobEnrichment enrichment, string aiModel, DateTimeOffset at) => job with
    {
        AiSkills = enrichment.Skills,
        SkillsRequired = JobSkills.Merge(job.PostedSkills, enrichment.Skills),
        PrepQuestions = enrichment.PrepQuestions,
        ResumeTips = enrichment.ResumeTips,
        Salary = JobSalary.Shown(job.PublishedSalary, enrichment.Salary),
        ExperienceLevel = enrichment.ExperienceLevel,
        Qualification = enrichment.Qualification,
        AiModel = aiModel,
        EnrichmentStatus = Jobs.EnrichmentStatus.Enriched,
        LastEnrichmentError = null,
        FailedAttempts = 0,
        UpdatedAt = at,
    };
}
