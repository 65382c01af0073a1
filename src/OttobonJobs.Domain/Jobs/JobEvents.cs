using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Domain.Jobs;

// Everything that can happen to a job, in the order it usually happens. A job's stream is the truth;
// the feed, details, listings and vector rows are projections of it.

/// <summary>A provider (or an admin) posted a job by hand.</summary>
public record JobPosted(
    Guid JobId,
    Guid PostedBy,
    string Title,
    string CompanyName,
    string? Location,
    string DescriptionRaw,
    IReadOnlyList<string> SkillsRequired,
    string DescriptionHash,
    DateTimeOffset PostedAt);

/// <summary>
/// Ingestion found the job on a career site. The stream id is derived from (company, external id).
/// <see cref="PublishedSalary"/> is the salary the employer published, if any (absent in events recorded before it existed).
/// </summary>
public record JobScraped(
    Guid JobId,
    string Source,
    string CompanyName,
    string ExternalId,
    string? ApplyUrl,
    string Title,
    string? Location,
    string DescriptionRaw,
    string DescriptionHash,
    DateTimeOffset? PostedOn,
    Guid? RunId,
    DateTimeOffset ScrapedAt,
    SalaryRange? PublishedSalary = null);

/// <summary>The AI enriched the job's current description.</summary>
public record JobEnriched(JobEnrichment Enrichment, string AiModel, string DescriptionHash, DateTimeOffset EnrichedAt);

/// <summary>The description was embedded; the vector table is built from this event.</summary>
public record JobEmbedded(string Model, int Dimensions, float[] Vector, string DescriptionHash, DateTimeOffset EmbeddedAt);

/// <summary>
/// Another job with the same description hash was already enriched: its enrichment and embedding were copied
/// and no AI call was made.
/// </summary>
public record JobDeduplicated(
    Guid CopiedFromJobId,
    string DescriptionHash,
    JobEnrichment Enrichment,
    string AiModel,
    string EmbeddingModel,
    int Dimensions,
    float[] Vector,
    DateTimeOffset DeduplicatedAt);

/// <summary>An enrichment attempt failed. <see cref="WillRetry"/> says whether another attempt is scheduled.</summary>
public record JobEnrichmentFailed(int Attempt, string Reason, bool WillRetry, DateTimeOffset FailedAt);

/// <summary>An admin asked for the job to be enriched again.</summary>
public record JobReenrichmentRequested(Guid RequestedBy, DateTimeOffset RequestedAt);

public record JobActivated(DateTimeOffset ActivatedAt);

/// <summary>The owner or an admin edited the job. A new description hash means it will be enriched again.</summary>
public record JobUpdated(
    string Title,
    string? Location,
    string DescriptionRaw,
    IReadOnlyList<string> SkillsRequired,
    string DescriptionHash,
    Guid UpdatedBy,
    DateTimeOffset UpdatedAt);

/// <summary>Ingestion saw the posting again in a later run: the job is still live on the career site.</summary>
public record JobSeenAgain(Guid RunId, DateTimeOffset SeenAt);

public record JobArchived(string Reason, Guid? ArchivedBy, DateTimeOffset ArchivedAt);

/// <summary>The job stream's events under their stable names.</summary>
public static class JobEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<JobPosted>("job_posted"),
        EventContract.Of<JobScraped>("job_scraped"),
        EventContract.Of<JobEnriched>("job_enriched"),
        EventContract.Of<JobEmbedded>("job_embedded"),
        EventContract.Of<JobDeduplicated>("job_deduplicated"),
        EventContract.Of<JobEnrichmentFailed>("job_enrichment_failed"),
        EventContract.Of<JobReenrichmentRequested>("job_reenrichment_requested"),
        EventContract.Of<JobActivated>("job_activated"),
        EventContract.Of<JobUpdated>("job_updated"),
        EventContract.Of<JobSeenAgain>("job_seen_again"),
        EventContract.Of<JobArchived>("job_archived"),
    ];
}
