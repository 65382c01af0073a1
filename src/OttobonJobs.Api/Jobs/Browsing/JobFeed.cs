using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Places;
using OttobonJobs.Projections.Jobs;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Browsing;

public static class JobFeedEndpoint
{
    public const int MaxLimit = 100;

    public const int MaxPostedWithinDays = 365;

    public static ProblemDetails Validate(
        int? limit, string? cursor, [FromQuery(Name = "posted_within_days")] int? postedWithinDays,
        [FromQuery(Name = "min_salary")] decimal? minSalary) =>
        limit is < 1 or > MaxLimit ? ApiProblems.Validation($"limit must be between 1 and {MaxLimit}.")
        : postedWithinDays is < 1 or > MaxPostedWithinDays
            ? ApiProblems.Validation($"posted_within_days must be between 1 and {MaxPostedWithinDays}.")
        : minSalary is < 0 ? ApiProblems.Validation("min_salary must not be negative.")
        : cursor is not null && !FeedCursor.TryDecode(cursor, out _)
            ? ApiProblems.Problem(StatusCodes.Status400BadRequest, "cursor is not one this feed handed out: pass a page's next_cursor unchanged, or omit it for the first page.")
        : WolverineContinue.NoProblems;

    /// <summary>
    /// The feed's query, most recently listed first (the site's posting date, or when the job was first seen), after
    /// <paramref name="after"/>. status and listed_at are duplicated columns with one (status, listed_at, id) index, so the page is read off the index from the cursor on and a deep
    /// page costs what the first one does. Every filter reads a duplicated column with an index of its own (see
    /// JobsStoreConfiguration). Public for the benchmark, which explains and replays it.
    /// </summary>
    public static IQueryable<JobFeedItem> Query(IQuerySession session, FeedFilters filters, FeedCursor? after, DateTimeOffset now)
    {
        var query = session.Query<JobFeedItem>().Where(j => j.Status == JobStatus.Active);
        if (after is { } position)
            query = query.Where(j => j.MatchesSql("(d.listed_at, d.id) < (?, ?)", position.ListedAt, position.Id));
        if (Substring(filters.Q) is { } text)
            query = query.Where(j => j.MatchesSql("d.search_text LIKE ?", text));
        if (Key(filters.Company) is { } company)
            query = query.Where(j => j.MatchesSql("d.company_key = ?", company));
        // A city under any of its spellings ("Bangalore") matches the canonical name every job's location key carries.
        if (Substring(PlaceReader.CanonicalCity(filters.Location) ?? filters.Location) is { } location)
            query = query.Where(j => j.MatchesSql("d.location_key LIKE ?", location));
        if (Key(filters.Skill) is { } skill)
            query = query.Where(j => j.MatchesSql("d.skill_keys @> ARRAY[?]::text[]", skill));
        if (filters.MinSalary is { } minimum)
            query = query.Where(j => j.MatchesSql("d.salary_max_per_year_inr >= ?", minimum));
        if (filters.PostedWithinDays is { } days)
            query = query.Where(j => j.MatchesSql("d.listed_at >= ?", now.AddDays(-days)));
        return query.OrderByDescending(j => j.ListedAt).ThenByDescending(j => j.Id);
    }

    private static string? Key(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    /// <summary>A LIKE pattern matching the text anywhere, with LIKE's own wildcards in it taken literally.</summary>
    private static string? Substring(string? value) =>
        Key(value) is { } key ? "%" + key.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%" : null;

    /// <summary>
    /// Active jobs, most recently posted first: by the career site's posting date, or when the job was first seen
    /// where the site gives none (ties by id, so a batch scraped at one instant pages without repeats or gaps).
    /// Pass the page's <c>next_cursor</c> back as <c>cursor</c> for the next one. Filters: <c>q</c> matches title,
    /// company, location or a skill as you type; <c>company</c> is exact; <c>location</c> matches part of the
    /// place; <c>skill</c> is one skill; <c>min_salary</c> (rupees a year) keeps jobs whose range reaches it;
    /// <c>posted_within_days</c> keeps jobs posted (or, without a posting date, first seen) in the last N days. The filters are not part of the cursor:
    /// keep them the same while paging.
    /// </summary>
    [WolverineGet("/api/jobs/feed", OperationId = "jobFeed")]
    [AllowAnonymous]
    public static async Task<JobFeedPage> Get(
        IQuerySession session, TimeProvider clock, int? limit, string? cursor, string? q, string? company, string? location,
        string? skill, [FromQuery(Name = "min_salary")] decimal? minSalary,
        [FromQuery(Name = "posted_within_days")] int? postedWithinDays, CancellationToken cancellationToken)
    {
        var take = limit ?? 20;
        FeedCursor? after = FeedCursor.TryDecode(cursor, out var position) ? position : null;
        var filters = new FeedFilters(q, company, location, skill, minSalary, postedWithinDays);
        var query = Query(session, filters, after, clock.GetUtcNow());

        // One row more than the page says whether there is a next page, without a COUNT(*).
        var rows = await query.Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var hasMore = rows.Count > take;
        var next = hasMore ? FeedCursor.After(page[^1].ListedAt, page[^1].Id).Encode() : null;
        return new JobFeedPage(page.Select(JobFeedItemResponse.From).ToList(), next, hasMore, take);
    }
}

/// <summary>The feed's optional filters; none of them is part of the cursor.</summary>
public record FeedFilters(
    string? Q = null, string? Company = null, string? Location = null, string? Skill = null,
    decimal? MinSalary = null, int? PostedWithinDays = null);

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
