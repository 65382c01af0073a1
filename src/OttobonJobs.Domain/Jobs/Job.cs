namespace OttobonJobs.Domain.Jobs;

public static class JobStatus
{
    public const string Processing = "processing";
    public const string Active = "active";
    public const string Archived = "archived";
}

/// <summary>
/// A job as its own stream decides it: what commands and the enrichment handler need to know.
/// Read models live in OttobonJobs.Projections.
/// </summary>
public class Job
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Status { get; set; } = JobStatus.Processing;
    public Guid? OwnerId { get; set; }
    public string? Source { get; set; }
    public string Title { get; set; } = "";
    public string CompanyName { get; set; } = "";
    public string? Location { get; set; }
    public string DescriptionRaw { get; set; } = "";
    public List<string> SkillsRequired { get; set; } = [];
    public string DescriptionHash { get; set; } = "";

    /// <summary>The description hash the current enrichment belongs to; null until enriched.</summary>
    public string? EnrichedHash { get; set; }
    public int FailedAttempts { get; set; }

    /// <summary>The skills the enrichment found: part of what is embedded.</summary>
    public List<string> EnrichedSkills { get; set; } = [];

    /// <summary>The model of the job's current vector; null until embedded.</summary>
    public string? EmbeddingModel { get; set; }

    public bool IsScraped => Source is not null;
    public bool NeedsEnrichment => Status != JobStatus.Archived && EnrichedHash != DescriptionHash;

    public static Job Create(JobPosted e) => new()
    {
        Id = e.JobId, OwnerId = e.PostedBy, Title = e.Title, CompanyName = e.CompanyName, Location = e.Location,
        DescriptionRaw = e.DescriptionRaw, SkillsRequired = [.. e.SkillsRequired], DescriptionHash = e.DescriptionHash,
    };

    public static Job Create(JobScraped e) => new()
    {
        Id = e.JobId, Source = e.Source, Title = e.Title, CompanyName = e.CompanyName, Location = e.Location,
        DescriptionRaw = e.DescriptionRaw, DescriptionHash = e.DescriptionHash,
    };

    public void Apply(JobEnriched e)
    {
        EnrichedHash = e.DescriptionHash;
        EnrichedSkills = [.. e.Enrichment.Skills];
        FailedAttempts = 0;
    }

    public void Apply(JobEmbedded e) => EmbeddingModel = e.Model;

    public void Apply(JobDeduplicated e)
    {
        EnrichedHash = e.DescriptionHash;
        EnrichedSkills = [.. e.Enrichment.Skills];
        EmbeddingModel = e.EmbeddingModel;
        FailedAttempts = 0;
    }

    public void Apply(JobEnrichmentFailed e) => FailedAttempts = e.Attempt;
    public void Apply(JobReenrichmentRequested _) => FailedAttempts = 0;
    public void Apply(JobActivated _) => Status = JobStatus.Active;
    public void Apply(JobArchived _) => Status = JobStatus.Archived;

    public void Apply(JobUpdated e)
    {
        Title = e.Title;
        Location = e.Location;
        DescriptionRaw = e.DescriptionRaw;
        SkillsRequired = [.. e.SkillsRequired];
        DescriptionHash = e.DescriptionHash;
    }
}
