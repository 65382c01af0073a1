namespace OttobonJobs.Api.Adapters.Scrapers.Ashby;

// The parts of Ashby's public job posting API that the Ashby scraper reads.

/// <summary>GET /posting-api/job-board/{board}?includeCompensation=true.</summary>
public sealed record AshbyJobBoard(List<AshbyJob>? Jobs);

/// <summary><see cref="IsListed"/> false: a job reachable by link only, not on the public board.</summary>
public sealed record AshbyJob(
    string? Id,
    string? Title,
    string? Location,
    List<AshbySecondaryLocation>? SecondaryLocations,
    AshbyAddress? Address,
    bool? IsRemote,
    string? WorkplaceType,
    string? EmploymentType,
    string? PublishedAt,
    string? JobUrl,
    string? ApplyUrl,
    string? DescriptionHtml,
    bool? IsListed,
    AshbyCompensation? Compensation);

public sealed record AshbySecondaryLocation(string? Location);

public sealed record AshbyAddress(AshbyPostalAddress? PostalAddress);

public sealed record AshbyPostalAddress(string? AddressCountry, string? AddressLocality);

public sealed record AshbyCompensation(string? CompensationTierSummary, List<AshbyCompensationComponent>? SummaryComponents);

/// <summary><see cref="Interval"/> is e.g. "1 YEAR" or "1 MONTH".</summary>
public sealed record AshbyCompensationComponent(
    string? CompensationType, string? Interval, string? CurrencyCode, decimal? MinValue, decimal? MaxValue);
