using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Browsing;

public static class JobFeedEndpoint
{
    public const int MaxLimit = 100;

    public static ProblemDetails Validate(int? skip, int? limit) =>
        skip < 0 ? ApiProblems.Validation("skip must be 0 or more.")
        : limit is < 1 or > MaxLimit ? ApiProblems.Validation($"limit must be between 1 and {MaxLimit}.")
        : WolverineContinue.NoProblems;

    /// <summary>Active jobs, newest first. <c>q</c> matches title, company or location as you type.</summary>
    [WolverineGet("/api/jobs/feed", OperationId = "jobFeed")]
    [AllowAnonymous]
    public static async Task<JobPage<JobFeedItemResponse>> Get(
        IQuerySession session, int? skip, int? limit, string? q, string? company, string? location,
        CancellationToken cancellationToken)
    {
        var (from, take) = (skip ?? 0, limit ?? 20);
        var query = session.Query<JobFeedItem>().Where(j => j.Status == JobStatus.Active);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(j => j.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                                     || j.CompanyName.Contains(text, StringComparison.OrdinalIgnoreCase)
                                     || j.Location!.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(company))
            query = query.Where(j => j.CompanyName.Equals(company.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(location))
            query = query.Where(j => j.Location!.Contains(location.Trim(), StringComparison.OrdinalIgnoreCase));

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(j => j.CreatedAt).Skip(from).Take(take).ToListAsync(cancellationToken);
        return new JobPage<JobFeedItemResponse>(page.Select(JobFeedItemResponse.From).ToList(), total, from, take);
    }
}

public static class JobCompaniesEndpoint
{
    /// <summary>The companies with active jobs, for the feed's company filter.</summary>
    [WolverineGet("/api/jobs/companies", OperationId = "jobCompanies")]
    [AllowAnonymous]
    public static async Task<IReadOnlyList<string>> Get(IQuerySession session, CancellationToken cancellationToken)
    {
        var companies = await session.Query<JobFeedItem>().Where(j => j.Status == JobStatus.Active)
            .Select(j => j.CompanyName).Distinct().ToListAsync(cancellationToken);
        return companies.Order(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
