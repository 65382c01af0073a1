namespace OttobonJobs.Api.Adapters.Scrapers.Workday;

// The parts of Workday's candidate-experience API ("cxs") that the Workday scraper reads.

/// <summary>The body of POST …/jobs, as Workday's own pages send it.</summary>
public sealed record WorkdaySearch(Dictionary<string, string[]> AppliedFacets, int Limit, int Offset, string SearchText);

/// <summary>POST …/jobs: one page of search results. Workday sends <see cref="Total"/> on the first page only (0 after).</summary>
public sealed record WorkdayJobsPage(int Total, List<WorkdayJobSummary>? JobPostings);

/// <summary><see cref="ExternalPath"/> looks like "/job/Mumbai/Associate_R123"; <see cref="PostedOn"/> like "Posted 3 Days Ago".</summary>
public sealed record WorkdayJobSummary(
    string? Title, string? ExternalPath, string? LocationsText, string? PostedOn, List<string>? BulletFields);

/// <summary>GET …/job/{slug}.</summary>
public sealed record WorkdayJobDetail(WorkdayJobPostingInfo? JobPostingInfo);

/// <summary><see cref="StartDate"/> is the posting date ("2025-09-14"); <see cref="JobDescription"/> is HTML.</summary>
public sealed record WorkdayJobPostingInfo(
    string? Title, string? JobDescription, string? Location, string? StartDate, string? ExternalUrl, string? JobReqId,
    WorkdayDescriptor? Country);

/// <summary>Workday's reference objects: {"descriptor": "India", "id": "…"}.</summary>
public sealed record WorkdayDescriptor(string? Descriptor);
