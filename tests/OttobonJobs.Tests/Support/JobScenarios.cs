using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Projections.Jobs;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Support;

public static class JobScenarios
{
    public const string NodeDescription =
        "We are hiring a junior backend developer to build REST APIs in Node.js with Express and PostgreSQL. " +
        "You will write unit tests, review pull requests and deploy services to AWS. Freshers with strong JavaScript welcome.";

    /// <summary>
    /// How long a test waits for a job's enrichment (two messages: the outside calls, then the decision). Generous,
    /// because the whole suite shares two cores; a passing test waits only as long as the work takes.
    /// </summary>
    public const int EnrichmentTimeoutMs = 30_000;

    /// <summary>
    /// Posts a job as <paramref name="poster"/> and waits until every message it caused (its enrichment) is handled.
    /// Without a description each job gets a unique one, so the description-hash dedup only happens when a test asks for it.
    /// </summary>
    public static async Task<Guid> PostedJob(this IAlbaHost host, SignedIn poster, string title = "Junior Node.js Backend Developer",
        string? description = null, string[]? skills = null, string? company = "Acme Analytics", string? location = "Bengaluru")
    {
        description ??= $"{NodeDescription} Posting reference {Guid.NewGuid():N}.";
        Guid id = default;
        await host.ExecuteAndWaitAsync(async () =>
        {
            var result = await host.Scenario(s =>
            {
                s.Post.Json(new { title, description_raw = description, skills_required = skills ?? ["Node.js", "PostgreSQL"], company_name = company, location })
                    .ToUrl("/api/jobs");
                s.As(poster);
                s.StatusCodeShouldBe(HttpStatusCode.Accepted);
            });
            id = result.Json().GetProperty("id").GetGuid();
        }, EnrichmentTimeoutMs);
        return id;
    }

    public static async Task<JobDetails?> JobDetails(this IAlbaHost host, Guid id)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<JobDetails>(id);
    }

    public static async Task<IReadOnlyList<Type>> JobEventTypes(this IAlbaHost host, Guid id)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Select(e => e.Data.GetType()).ToList();
    }
}
