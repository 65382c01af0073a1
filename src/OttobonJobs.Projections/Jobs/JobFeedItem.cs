using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Projections.Jobs;

/// <summary>The lightweight card the feed lists. Kept for every job; the feed shows the active ones.</summary>
public record JobFeedItem
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string CompanyName { get; init; } = "";
    public string? Location { get; init; }

    /// <summary>The location normalised (see <see cref="JobPlace"/>); the feed's location filter matches these too.</summary>
    public string? City { get; init; }
    public string? State { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<string> SkillsRequired { get; init; } = [];
    public IReadOnlyList<string> PostedSkills { get; init; } = [];
    /// <summary>The salary shown (<see cref="JobSalary.Shown"/>): the published one, else the AI's estimate.</summary>
    public SalaryRange? SalaryRange { get; init; }
    public SalaryRange? PublishedSalary { get; init; }
    public string Status { get; init; } = JobStatus.Processing;
    /// <summary>When the job was first seen here (scraped) or posted.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The site's posting date (null when it gives none; never after <see cref="CreatedAt"/>); a posted job's is when it was posted.</summary>
    public DateTimeOffset? PostedOn { get; init; }

    /// <summary>The feed's order key: the posting date, or the first-seen time when the site gives none.</summary>
    public DateTimeOffset ListedAt { get; init; }
    public string? ExternalApplyUrl { get; init; }

    /// <summary>The description as plain text (<see cref="HtmlText"/>): what the feed's full-text search reads at the lowest weight.</summary>
    public string DescriptionText { get; init; } = "";

    /// <summary>The enrichment's experience level as written, kept so the band can be read again after an edit.</summary>
    public string? ExperienceLevel { get; init; }

    /// <summary>One of <see cref="JobTypes"/>, read by <see cref="JobKinds.TypeOf"/> from the title and description.</summary>
    public string JobType { get; init; } = JobTypes.FullTime;

    /// <summary>One of <see cref="WorkModes"/>, or null when neither the location nor the description says.</summary>
    public string? WorkMode { get; init; }

    /// <summary>One of <see cref="ExperienceBands"/>: the enrichment's level, else read from the title and description.</summary>
    public string Experience { get; init; } = ExperienceBands.Entry;

    /// <summary>The skills as one text, for the full-text vector (weight B, see JobsStoreConfiguration).</summary>
    [JsonIgnore]
    public string SkillsText => string.Join(", ", SkillsRequired);

    // The feed's filters read these as real columns (duplicated fields with their own indexes, see
    // JobsStoreConfiguration), not from the JSON body; they are derived, so the body does not carry them.

    /// <summary>Title, company, location and skills in lower case: what the feed's <c>q</c> matches (trigram index).</summary>
    [JsonIgnore]
    public string SearchText => string.Join(' ', [Title, CompanyName, Location ?? "", .. SkillsRequired]).ToLowerInvariant();

    [JsonIgnore]
    public string CompanyKey => CompanyName.ToLowerInvariant();

    /// <summary>The location as written and its canonical city, state and country, so "Bangalore" and "Bengaluru" find each other.</summary>
    [JsonIgnore]
    public string LocationKey => string.Join(' ', new[] { Location, City, State, Country }.Where(part => part is not null)).ToLowerInvariant();

    [JsonIgnore]
    public string[] SkillKeys => SkillsRequired.Select(skill => skill.ToLowerInvariant()).Distinct().ToArray();

    /// <summary>The bottom of the salary range in rupees a year (null when unknown or not in rupees).</summary>
    [JsonIgnore]
    public decimal? SalaryMinPerYearInr => SalaryRange is { Currency: "INR" } salary
        ? salary.Period == "month" ? salary.Min * 12 : salary.Min
        : null;

    /// <summary>The top of the salary range in rupees a year (null when unknown or not in rupees).</summary>
    [JsonIgnore]
    public decimal? SalaryMaxPerYearInr => SalaryRange is { Currency: "INR" } salary
        ? salary.Period == "month" ? salary.Max * 12 : salary.Max
        : null;
}

public class JobFeedItemProjection : SingleStreamProjection<JobFeedItem, Guid>
{
    public JobFeedItemProjection()
    {
        IncludeType<JobPosted>();
        IncludeType<JobScraped>();
        IncludeType<JobEnriched>();
        IncludeType<JobDeduplicated>();
        IncludeType<JobUpdated>();
        IncludeType<JobActivated>();
        IncludeType<JobArchived>();
    }

    public override JobFeedItem? Evolve(JobFeedItem? item, Guid id, IEvent e) =>
        Next(item, e) is { } next ? Kinds(Placed(item, next)) : null;

    /// <summary>Type, work mode and experience read again from the job's own words, so a rebuild gives the same answer.</summary>
    private static JobFeedItem Kinds(JobFeedItem job) => job with
    {
        JobType = JobKinds.TypeOf(job.Title, job.DescriptionText),
        WorkMode = JobKinds.WorkModeOf(job.Location, job.DescriptionText),
        Experience = JobKinds.ExperienceOf(job.Title, job.DescriptionText, job.ExperienceLevel),
    };

    private static JobFeedItem Placed(JobFeedItem? before, JobFeedItem next)
    {
        if (before is not null && before.Location == next.Location) return next;
        var place = JobPlace.Of(next.Location);
        return next with { City = place.City, State = place.State, Country = place.Country };
    }

    private static JobFeedItem? Next(JobFeedItem? item, IEvent e) => (item, e.Data) switch
    {
        (_, JobPosted posted) => new JobFeedItem
        {
            Id = posted.JobId, Title = posted.Title, CompanyName = posted.CompanyName, Location = posted.Location,
            PostedSkills = posted.SkillsRequired, SkillsRequired = JobSkills.Merge(posted.SkillsRequired, []),
            DescriptionText = HtmlText.ToPlainText(posted.DescriptionRaw),
            CreatedAt = posted.PostedAt, PostedOn = posted.PostedAt, ListedAt = posted.PostedAt,
        },
        (_, JobScraped scraped) => new JobFeedItem
        {
            Id = scraped.JobId, Title = scraped.Title, CompanyName = scraped.CompanyName, Location = scraped.Location,
            ExternalApplyUrl = scraped.ApplyUrl, DescriptionText = HtmlText.ToPlainText(scraped.DescriptionRaw), CreatedAt = scraped.ScrapedAt, PostedOn = PostingDates.PostedOn(scraped),
            ListedAt = PostingDates.PostedOn(scraped) ?? scraped.ScrapedAt,
            PublishedSalary = scraped.PublishedSalary, SalaryRange = scraped.PublishedSalary,
        },
        (null, _) => null,
        ({ } job, JobEnriched enriched) => job with
        {
            SkillsRequired = JobSkills.Merge(job.PostedSkills, enriched.Enrichment.Skills), SalaryRange = JobSalary.Shown(job.PublishedSalary, enriched.Enrichment.Salary),
            ExperienceLevel = enriched.Enrichment.ExperienceLevel,
        },
        ({ } job, JobDeduplicated copied) => job with
        {
            SkillsRequired = JobSkills.Merge(job.PostedSkills, copied.Enrichment.Skills), SalaryRange = JobSalary.Shown(job.PublishedSalary, copied.Enrichment.Salary),
            ExperienceLevel = copied.Enrichment.ExperienceLevel,
        },
        ({ } job, JobUpdated updated) => job with
        {
            Title = updated.Title, Location = updated.Location, PostedSkills = updated.SkillsRequired,
            SkillsRequired = JobSkills.Merge(updated.SkillsRequired, job.SkillsRequired.Except(job.PostedSkills)),
            DescriptionText = HtmlText.ToPlainText(updated.DescriptionRaw),
        },
        ({ } job, JobActivated) => job with { Status = JobStatus.Active },
        ({ } job, JobArchived) => job with { Status = JobStatus.Archived },
        _ => item,
    };
}

/// <summary>A provider's own postings with where each one is in its lifecycle. Scraped jobs have no listing.</summary>
public record ProviderListing
{
    public Guid Id { get; init; }

    /// <summary>The job stream's version: what the SPA sends back as If-Match when it archives the listing.</summary>
    public long StreamVersion { get; init; }
    public Guid OwnerId { get; init; }
    public string Title { get; init; } = "";
    public string CompanyName { get; init; } = "";
    public string? Location { get; init; }
    public string Status { get; init; } = JobStatus.Processing;
    public string EnrichmentStatus { get; init; } = Jobs.EnrichmentStatus.Pending;
    public string? LastEnrichmentError { get; init; }

    /// <summary>The description's hash: an edit that changes it sends the listing back to pending enrichment.</summary>
    public string DescriptionHash { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public class ProviderListingProjection : SingleStreamProjection<ProviderListing, Guid>
{
    // Every job event, so the listing's version is the stream's.
    public ProviderListingProjection() => this.IncludeTypes(JobEvents.Contract);

    public override ProviderListing? Evolve(ProviderListing? listing, Guid id, IEvent e) =>
        Next(listing, e) is { } next ? next with { StreamVersion = FoldedVersion.After(listing?.StreamVersion, e) } : null;

    private static ProviderListing? Next(ProviderListing? listing, IEvent e) => (listing, e.Data) switch
    {
        (_, JobPosted posted) => new ProviderListing
        {
            Id = posted.JobId, OwnerId = posted.PostedBy, Title = posted.Title, CompanyName = posted.CompanyName,
            Location = posted.Location, DescriptionHash = posted.DescriptionHash, CreatedAt = posted.PostedAt, UpdatedAt = posted.PostedAt,
        },
        (null, _) => null,
        ({ } job, JobEnriched or JobDeduplicated) => job with
        {
            EnrichmentStatus = Jobs.EnrichmentStatus.Enriched, LastEnrichmentError = null, UpdatedAt = e.Timestamp,
        },
        ({ } job, JobEnrichmentFailed failed) => job with
        {
            EnrichmentStatus = failed.WillRetry ? job.EnrichmentStatus : Jobs.EnrichmentStatus.Failed,
            LastEnrichmentError = failed.Reason, UpdatedAt = failed.FailedAt,
        },
        ({ } job, JobReenrichmentRequested) => job with { EnrichmentStatus = Jobs.EnrichmentStatus.Pending, UpdatedAt = e.Timestamp },
        ({ } job, JobUpdated updated) when updated.DescriptionHash != job.DescriptionHash => job with
        {
            Title = updated.Title, Location = updated.Location, DescriptionHash = updated.DescriptionHash,
            EnrichmentStatus = Jobs.EnrichmentStatus.Pending, LastEnrichmentError = null, UpdatedAt = updated.UpdatedAt,
        },
        ({ } job, JobUpdated updated) => job with { Title = updated.Title, Location = updated.Location, UpdatedAt = updated.UpdatedAt },
        ({ } job, JobActivated activated) => job with { Status = JobStatus.Active, UpdatedAt = activated.ActivatedAt },
        ({ } job, JobArchived archived) => job with { Status = JobStatus.Archived, UpdatedAt = archived.ArchivedAt },
        _ => listing,
    };
}
