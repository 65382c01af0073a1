namespace OttobonJobs.Api.Adapters.Scrapers.Pwc;

// The parts of Workday's candidate-experience API ("cxs") that the PwC scraper reads.

/// <summary>POST …/jobs: one page of search results. Workday sends <see cref="Total"/> on the first page only (0 after).</summary>
public sealed record WorkdayJobsPage(int Total, List<WorkdayJobSummary>? JobPostings);

/// <summary><see cref="ExternalPath"/> looks like "/job/Mumbai/Associate_R123"; <see cref="PostedOn"/> like "Posted 3 Days Ago".</summary>
public sealed record WorkdayJobSummary(
    string? Title, string? ExternalPath, string? LocationsText, string? PostedOn, List<string>? BulletFields);

/// <summary>GET …/job/{slug}.</summary>
public sealed record WorkdayJobDetail(WorkdayJobPostingInfo? JobPostingInfo);

/// <summary><see cref="StartDate"/> is the posting date ("2025-09-14"); <see cref="JobDescription"/> is HTML.</summary>
public sealed record WorkdayJobPostingInfo(
    string? Title, string? JobDescription, string? Location, string? StartDate, string? ExternalUrl, string? JobReqId);
