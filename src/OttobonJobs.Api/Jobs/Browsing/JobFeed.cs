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
    /// The feed's query, newest first, after <paramref name="after"/>. status and created_at are duplicated columns
    /// with one (status, created_at, id) index, so the page is read off the index from the cursor on and a deep
    /// page costs what the first one does. Public for the benchmark, which explains and replays it.
    /// </summary>
    public static IQueryable<JobFeedItem> Query(IQuerySession session, FeedFilters filters, FeedCursor? after)
    {
        var query = session.Query<JobFeedItem>().Where(j => j.Status == JobStatus.Active);
        if (after is { } position)
            query = query.Where(j => j.MatchesSql("(d.created_at, d.id) < (?, ?)", position.CreatedAt, position.Id));
        if (!string.IsNullOrWhiteSpace(filters.Q))
        {
            var text = filters.Q.Trim();
            query = query.Where(j => j.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                                     || j.CompanyName.Contains(text, StringComparison.OrdinalIgnoreCase)
                                     || j.Location!.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(filters.Company))
        {
            var company = filters.Company.Trim();
            query = query.Where(j => j.CompanyName.Equals(company, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(filters.Location))
        {
            var location = filters.Location.Trim();
            query = query.Where(j => j.Location!.Contains(location, StringComparison.OrdinalIgnoreCase));
        }
        return query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id);
    }

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
        FeedCursor? after = FeedCursor.TryDecode(cursor, out var position) ? position : null;
        var query = Query(session, new FeedFilters(q, company, location), after);

        // One row more than the page says whether there is a next page, without a COUNT(*).
        var rows = await query.Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var hasMore = rows.Count > take;
        var next = hasMore ? FeedCursor.After(page[^1].CreatedAt, page[^1].Id).Encode() : null;
        return new JobFeedPage(page.Select(JobFeedItemResponse.From).ToList(), next, hasMore, take);
    }
}

/// <summary>The feed's optional filters; none of them is part of the cursor.</summary>
public record FeedFilters(string? Q = null, string? Company = null, string? Location = null);

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
