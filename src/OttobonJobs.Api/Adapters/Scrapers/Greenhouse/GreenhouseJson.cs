using System.Text.Json;
using System.Text.Json.Serialization;

namespace OttobonJobs.Api.Adapters.Scrapers.Greenhouse;

// The parts of Greenhouse's public Job Board API that the Greenhouse scraper reads.

/// <summary>GET /v1/boards/{board}/jobs?content=true.</summary>
public sealed record GreenhouseJobs(List<GreenhouseJob>? Jobs);

/// <summary><see cref="Content"/> is HTML escaped once more ("&amp;lt;p&amp;gt;"); dates are ISO with an offset.</summary>
public sealed record GreenhouseJob(
    JsonElement? Id,
    string? Title,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt,
    [property: JsonPropertyName("first_published")] string? FirstPublished,
    [property: JsonPropertyName("absolute_url")] string? AbsoluteUrl,
    GreenhouseLocation? Location,
    List<GreenhouseOffice>? Offices,
    string? Content);

public sealed record GreenhouseLocation(string? Name);

public sealed record GreenhouseOffice(string? Name, string? Location);
