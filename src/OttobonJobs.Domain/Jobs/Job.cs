namespace OttobonJobs.Domain.Jobs;

public static class JobStatus
{
    public const string Processing = "processing";
    public const string Active = "active";
    public const string Archived = "archived";
}

/// <summary>
/// How a job's description is written, fixed by where the job came from: a career site's HTML (or its plain text)
/// for a scraped job, Markdown for a job a provider posted (and every edit of it).
/// </summary>
public enum DescriptionFormat { CareerSite, Markdown }

/// <summary>
/// A job as its own stream decides it: what commands and the enrichment need to know. A fold of the job's
/// events (<see cref="Evolve"/>); the decisions live in <see cref="JobDecisions"/>. Read models live in
/// OttobonJobs.Projections.
/// </summary>
public sealed record Job
{
    public Guid Id { get; init; }

    /// <summary>The stream version this state was folded up to (set by the event store).</summary>
    public long Version { get; init; }
    public string Status { get; init; } = JobStatus.Processing;
    public Guid? OwnerId { get; init; }
    public string? Source { get; init; }
    public string Title { get; init; } = "";
    public string CompanyName { get; init; } = "";
    public string? Location { get; init; }
    public string DescriptionRaw { get; init; } = "";
    public IReadOnlyList<string> SkillsRequired { get; init; } = [];
    public string DescriptionHash { get; init; } = "";

    /// <summary>The description hash the current enrichment belongs to; null until enriched.</summary>
    public string? EnrichedHash { get; init; }
    public int FailedAttempts { get; init; }

    /// <summary>The skills the enrichment found: part of what is embedded.</summary>
    public IReadOnlyList<string> EnrichedSkills { get; init; } = [];

    /// <summary>The model of the job's current vector; null until embedded.</summary>
    public string? EmbeddingModel { get; init; }

    /// <summary>The ingestion run that found the posting (null for a provider's job): its activation belongs to that run's batch of new jobs.</summary>
    public Guid? FoundInRun { get; init; }

    public bool IsScraped => Source is not null;
    public DescriptionFormat DescriptionFormat => IsScraped ? DescriptionFormat.CareerSite : DescriptionFormat.Markdown;
    public bool IsArchived => Status == JobStatus.Archived;
    public bool NeedsEnrichment => !IsArchived && EnrichedHash != DescriptionHash;

    /// <summary>The job after one more event; null before the stream has started.</summary>
    public static Job? Evolve(Job? job, object @event) => (job, @event) switch
    {
        (_, JobPosted e) => new Job
        {
            Id = e.JobId, OwnerId = e.PostedBy, Title = e.Title, CompanyName = e.CompanyName, Location = e.Location,
            DescriptionRaw = e.DescriptionRaw, SkillsRequired = e.SkillsRequired, DescriptionHash = e.DescriptionHash,
        },
        (_, JobScraped e) => new Job
        {
            Id = e.JobId, Source = e.Source, Title = e.Title, CompanyName = e.CompanyName, Location = e.Location,
            DescriptionRaw = e.DescriptionRaw, DescriptionHash = e.DescriptionHash, FoundInRun = e.RunId,
        },
        (null, _) => null,
        ({ } j, JobEnriched e) => j with { EnrichedHash = e.DescriptionHash, EnrichedSkills = e.Enrichment.Skills, FailedAttempts = 0 },
        ({ } j, JobEmbedded e) => j with { EmbeddingModel = e.Model },
        ({ } j, JobDeduplicated e) => j with
        {
            EnrichedHash = e.DescriptionHash, EnrichedSkills = e.Enrichment.Skills, EmbeddingModel = e.EmbeddingModel, FailedAttempts = 0,
        },
        ({ } j, JobEnrichmentFailed e) => j with { FailedAttempts = e.Attempt },
        ({ } j, JobReenrichmentRequested) => j with { FailedAttempts = 0 },
        ({ } j, JobActivated) => j with { Status = JobStatus.Active },
        ({ } j, JobArchived) => j with { Status = JobStatus.Archived },
        ({ } j, JobUpdated e) => j with
        {
            Title = e.Title, Location = e.Location, DescriptionRaw = e.DescriptionRaw, SkillsRequired = e.SkillsRequired,
            DescriptionHash = e.DescriptionHash,
            // Failed attempts belong to a description: a new one gets its own.
            FailedAttempts = e.DescriptionHash == j.DescriptionHash ? j.FailedAttempts : 0,
        },
        _ => job,
    };

}
