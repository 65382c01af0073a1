using Marten;
using Marten.Linq.MatchesSql;
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

    public static ProblemDetails Validate(int? limit, string? cursor) =>
        limit is < 1 or > MaxLimit ? ApiProblems.Validation($"limit must be between 1 and {MaxLimit}.")
        : cursor is not null && !FeedCursor.TryDecode(cursor, out _)
            ? ApiProblems.Problem(StatusCodes.Status400BadRequest, "cursor is not one this feed handed out: pass a page's next_cursor unchanged, or omit it for the first page.")
        : WolverineContinue.NoProblems;

    /// <summary>
    /// Active jobs, newest first (ties by id, so a batch scraped at one instant pages without repeats or gaps).
    /// Pass the page's <c>next_cursor</c> back as <c>cursor</c> for the next one; <c>q</c> matches title, company
    /// or location as you type. The filters are not part of the cursor: keep them the same while paging.
    /// </summary>
    [WolverineGet("/api/jobs/feed", OperationId = "jobFeed")]
    [AllowAnonymous]
    public static async Task<JobFeedPage> Get(
        IQuerySession session, int? limit, string? cursor, string? q, string? company, string? location,
        CancellationToken cancellationToken)
    {
        var take = limit ?? 20;
        // status and created_at are duplicated columns with one (status, created_at, id) index: the page is read
        // straight off the index from the cursor on, so a deep page costs what the first one does.
        var query = session.Query<JobFeedItem>().Where(j => j.Status == JobStatus.Active);
        if (FeedCursor.TryDecode(cursor, out var after))
            query = query.Where(j => j.MatchesSql("(d.created_at, d.id) < (?, ?)", after.CreatedAt, after.Id));
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

        // One row more than the page says whether there is a next page, without a COUNT(*).
        var rows = await query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var hasMore = rows.Count > take;
        var next = hasMore ? FeedCursor.After(page[^1].CreatedAt, page[^1].Id).Encode() : null;
        return new JobFeedPage(page.Select(JobFeedItemResponse.From).ToList(), next, hasMore, take);
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
