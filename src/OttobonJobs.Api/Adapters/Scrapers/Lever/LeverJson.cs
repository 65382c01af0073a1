namespace OttobonJobs.Api.Adapters.Scrapers.Lever;

// The parts of Lever's public postings API (v0) that the Lever scraper reads.

/// <summary>One posting of the array; <see cref="CreatedAt"/> is epoch milliseconds, <see cref="Country"/> an ISO code.</summary>
public sealed record LeverPosting(
    string? Id,
    string? Text,
    LeverCategories? Categories,
    string? Country,
    string? WorkplaceType,
    long? CreatedAt,
    string? HostedUrl,
    string? ApplyUrl,
    string? Description,
    List<LeverList>? Lists,
    string? Additional,
    LeverSalaryRange? SalaryRange);

public sealed record LeverCategories(string? Location, string? Commitment, string? Team, List<string>? AllLocations);

/// <summary>A titled list; <see cref="Content"/> is its &lt;li&gt; items as HTML.</summary>
public sealed record LeverList(string? Text, string? Content);

/// <summary><see cref="Interval"/> is e.g. "per-year-salary" or "per-month-salary".</summary>
public sealed record LeverSalaryRange(decimal? Min, decimal? Max, string? Currency, string? Interval);
