using System.Text.RegularExpressions;
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

public static partial class JobFeedEndpoint
{
    public const int MaxLimit = 100;

    public const int MaxPostedWithinDays = 365;

    public static ProblemDetails Validate(
        int? limit, string? cursor, string? q, string? sort, [FromQuery(Name = "posted_within_days")] int? postedWithinDays,
        [FromQuery(Name = "min_salary")] decimal? minSalary, [FromQuery(Name = "max_salary")] decimal? maxSalary,
        [FromQuery(Name = "job_type")] string[]? jobType, [FromQuery(Name = "work_mode")] string[]? workMode, string[]? experience)
    {
        if (limit is < 1 or > MaxLimit) return ApiProblems.Validation($"limit must be between 1 and {MaxLimit}.");
        if (postedWithinDays is < 1 or > MaxPostedWithinDays)
            return ApiProblems.Validation($"posted_within_days must be between 1 and {MaxPostedWithinDays}.");
        if (minSalary is < 0) return ApiProblems.Validation("min_salary must not be negative.");
        if (maxSalary is < 0) return ApiProblems.Validation("max_salary must not be negative.");
        if (minSalary > maxSalary) return ApiProblems.Validation("min_salary must not be above max_salary.");
        foreach (var (name, values, allowed) in new[] { ("job_type", jobType, JobTypes.All), ("work_mode", workMode, WorkModes.All), ("experience", experience, ExperienceBands.All) })
            if (Values(values).FirstOrDefault(v => !allowed.Contains(v)) is { } unknown)
                return BadRequest($"{name} '{unknown}' is not one of: {string.Join(", ", allowed)}.");
        if (sort is not null && !FeedSorts.All.Contains(sort))
            return BadRequest($"sort '{sort}' is not one of: {string.Join(", ", FeedSorts.All)}.");
        if (sort == FeedSorts.Relevance && SearchTerms(q) is null) return BadRequest("sort=relevance needs q: the words to rank the jobs by.");
        if (cursor is null) return WolverineContinue.NoProblems;
        if (!FeedCursor.TryDecode(cursor, out var position))
            return BadRequest("cursor is not one this feed handed out: pass a page's next_cursor unchanged, or omit it for the first page.");
        var order = SortOf(sort, q);
        return position.Sort == order ? WolverineContinue.NoProblems
            : BadRequest($"cursor was handed out for sort={position.Sort}, not sort={order}: keep the sort while paging, or omit cursor for the first page.");
    }

    private static ProblemDetails BadRequest(string detail) => ApiProblems.Problem(StatusCodes.Status400BadRequest, detail);

    /// <summary>The sort asked for, else relevance when q has words to rank by, else newest.</summary>
    public static string SortOf(string? sort, string? q) => sort ?? (SearchTerms(q) is null ? FeedSorts.Newest : FeedSorts.Relevance);

    /// <summary>Repeated and comma-separated values as one list, lower case.</summary>
    public static IReadOnlyList<string> Values(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).Distinct().ToList();

    /// <summary>
    /// The feed's query under the filters' sort, after <paramref name="after"/>. Newest reads the (status, listed_at, id)
    /// index from the cursor on, so a deep page costs what the first one does; posted and salary order by their column
    /// with a sentinel for "none" (so a single row comparison pages them, nulls last); relevance orders by ts_rank over the
    /// full-text vector, then newest. Every filter reads a duplicated column with an index of its own (see
    /// JobsStoreConfiguration). Public for the benchmark, which explains and replays it.
    /// </summary>
    public static IQueryable<JobFeedItem> Query(IQuerySession session, FeedFilters filters, FeedCursor? after, DateTimeOffset now)
    {
        var query = session.Query<JobFeedItem>().Where(j => j.Status == JobStatus.Active);
        // q as typed matches the short fields as a substring (so "pyth" finds Python as you type), and its words match
        // the full-text vector, description included.
        var terms = SearchTerms(filters.Q);
        if (terms is not null)
            query = query.Where(j => j.MatchesSql($"(d.search_text LIKE ? OR {JobsStoreConfiguration.SearchVector} @@ {TsQuery})", Substring(filters.Q)!, terms));
        if (Key(filters.Company) is { } company)
            query = query.Where(j => j.MatchesSql("d.company_key = ?", company));
        if (Substring(PlaceKey(filters.Location)) is { } location)
            query = query.Where(j => j.MatchesSql("d.location_key LIKE ?", location));
        if (Key(filters.Skill) is { } skill)
            query = query.Where(j => j.MatchesSql("d.skill_keys @> ARRAY[?]::text[]", skill));
        if (filters.MinSalary is { } minimum)
            query = query.Where(j => j.MatchesSql("d.salary_max_per_year_inr >= ?", minimum));
        if (filters.MaxSalary is { } maximum)
            query = query.Where(j => j.MatchesSql("d.salary_min_per_year_inr <= ?", maximum));
        if (filters.PostedWithinDays is { } days)
            query = query.Where(j => j.MatchesSql("d.listed_at >= ?", now.AddDays(-days)));
        if (Values(filters.JobTypes) is { Count: > 0 } types)
            query = query.Where(j => j.MatchesSql("d.job_type = ANY(?)", AsOneParameter(types)));
        if (Values(filters.WorkModes) is { Count: > 0 } modes)
            query = query.Where(j => j.MatchesSql("d.work_mode = ANY(?)", AsOneParameter(modes)));
        if (Values(filters.Experience) is { Count: > 0 } bands)
            query = query.Where(j => j.MatchesSql("d.experience = ANY(?)", AsOneParameter(bands)));

        var sort = terms is null && filters.Sort == FeedSorts.Relevance ? FeedSorts.Newest : filters.Sort ?? SortOf(null, filters.Q);
        switch (sort)
        {
            case FeedSorts.Posted:
                if (after is { } posted)
                    query = query.Where(j => j.MatchesSql($"({PostedKey}, d.id) < (?, ?)", posted.PostedKey, posted.Id));
                return query.OrderBySql($"{PostedKey} desc").ThenBySql("d.id desc");
            case FeedSorts.Salary:
                if (after is { } paid)
                    query = query.Where(j => j.MatchesSql($"({SalaryKey}, d.id) < (?, ?)", paid.SalaryKey, paid.Id));
                return query.OrderBySql($"{SalaryKey} desc").ThenBySql("d.id desc");
            case FeedSorts.Relevance:
                var rank = Rank(Literal(terms!));
                if (after is { } ranked)
                    query = query.Where(j => j.MatchesSql($"({rank}, d.listed_at, d.id) < (?, ?, ?)", ranked.Rank, ranked.ListedAt, ranked.Id));
                return query.OrderBySql($"{rank} desc").ThenBySql("d.listed_at desc").ThenBySql("d.id desc");
            default:
                if (after is { } position)
                    query = query.Where(j => j.MatchesSql("(d.listed_at, d.id) < (?, ?)", position.ListedAt, position.Id));
                return query.OrderByDescending(j => j.ListedAt).ThenByDescending(j => j.Id);
        }
    }

    /// <summary>A list as one text[] parameter: a bare string[] would bind as MatchesSql's params array, one parameter per value.</summary>
    private static object[] AsOneParameter(IReadOnlyList<string> values) => [values.ToArray()];

    private static readonly string TsQuery = $"websearch_to_tsquery('{JobsStoreConfiguration.TextSearchConfig}', ?)";
    private static readonly string PostedKey = $"coalesce(d.posted_on, '{FeedCursor.NoPostingDate:yyyy-MM-dd}T00:00:00Z'::timestamptz)";
    private static readonly string SalaryKey = $"coalesce(d.salary_max_per_year_inr, {FeedCursor.NoSalary})";

    /// <summary>ts_rank as a real (what the cursor carries), over the same vector the filter matched on.</summary>
    private static string Rank(string query) =>
        $"ts_rank({JobsStoreConfiguration.SearchVector}, websearch_to_tsquery('{JobsStoreConfiguration.TextSearchConfig}', {query}))::real";

    /// <summary>
    /// q as the search reads it: letters, digits and the few marks search words carry ("c++", "c#", ".net", a quoted
    /// phrase, a leading minus); anything else is a space. Null when nothing is left. The order clause takes no
    /// parameters, so the rank writes these terms as a literal, which they are safe in (no quote or backslash).
    /// </summary>
    public static string? SearchTerms(string? q) =>
        Key(q) is { } key && NotSearchText().Replace(key, " ").Trim() is { Length: > 0 } terms ? terms : null;

    private static string Literal(string terms) => $"'{terms}'";

    [GeneratedRegex(@"[^\p{L}\p{N}\s""+#.\-]")]
    private static partial Regex NotSearchText();

    /// <summary>The rank the relevance order gave a card, for the next page's cursor.</summary>
    public static async Task<float> RankOfAsync(IQuerySession session, string terms, Guid id, CancellationToken cancellationToken)
    {
        var ranks = await session.QueryAsync<float>(
            $"SELECT {Rank("?")} FROM {EventStoreSetup.MartenSchema}.mt_doc_jobfeeditem d WHERE d.id = ?", cancellationToken, terms, id);
        return ranks.Single();
    }

    /// <summary>A city under any of its spellings ("Bangalore") or a state ("KA", "Karnataka") as the canonical name the location key carries.</summary>
    private static string? PlaceKey(string? location)
    {
        if (string.IsNullOrWhiteSpace(location)) return null;
        if (PlaceReader.CanonicalCity(location) is { } city) return city;
        return PlaceReader.Read(location).Places is [{ City: null, State: { } state }] ? state : location;
    }

    private static string? Key(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    /// <summary>A LIKE pattern matching the text anywhere, with LIKE's own wildcards in it taken literally.</summary>
    private static string? Substring(string? value) =>
        Key(value) is { } key ? "%" + key.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%" : null;

    /// <summary>
    /// Active jobs, under <c>sort</c>: <c>newest</c> (the default without q: the career site's posting date, or when the
    /// job was first seen where the site gives none), <c>posted</c> (the site's posting date; jobs without one last),
    /// <c>salary</c> (highest first; jobs without a rupee salary last) or <c>relevance</c> (the default with q: best
    /// full-text match first). Pass the page's <c>next_cursor</c> back as <c>cursor</c> for the next one; a cursor from
    /// another sort is a 400. Filters: <c>q</c> matches the title, company, location or a skill as you type, and any
    /// word of the description (full text, English stemming, web-search syntax: "quoted phrase", -excluded);
    /// <c>company</c> is exact; <c>location</c> matches part of the place, a city under any spelling or a state with its
    /// cities; <c>skill</c> is one skill; <c>min_salary</c>/<c>max_salary</c> (rupees a year) keep jobs whose range
    /// reaches them; <c>job_type</c>, <c>work_mode</c> and <c>experience</c> keep jobs of any of the values given
    /// (repeated or comma separated); <c>posted_within_days</c> keeps jobs posted (or, without a posting date, first
    /// seen) in the last N days. The filters are not part of the cursor: keep them the same while paging.
    /// </summary>
    [WolverineGet("/api/jobs/feed", OperationId = "jobFeed")]
    [AllowAnonymous]
    public static async Task<JobFeedPage> Get(
        IQuerySession session, TimeProvider clock, int? limit, string? cursor, string? q, string? company, string? location,
        string? skill, [FromQuery(Name = "min_salary")] decimal? minSalary, [FromQuery(Name = "max_salary")] decimal? maxSalary,
        [FromQuery(Name = "posted_within_days")] int? postedWithinDays, [FromQuery(Name = "job_type")] string[]? jobType,
        [FromQuery(Name = "work_mode")] string[]? workMode, string[]? experience, string? sort, CancellationToken cancellationToken)
    {
        var take = limit ?? 20;
        FeedCursor? after = FeedCursor.TryDecode(cursor, out var position) ? position : null;
        var order = SortOf(sort, q);
        var filters = new FeedFilters(q, company, location, skill, minSalary, postedWithinDays, maxSalary, jobType, workMode, experience, order);
        var query = Query(session, filters, after, clock.GetUtcNow());

        // One row more than the page says whether there is a next page, without a COUNT(*).
        var rows = await query.Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var hasMore = rows.Count > take;
        string? next = null;
        if (hasMore)
        {
            var last = page[^1];
            var rank = order == FeedSorts.Relevance ? await RankOfAsync(session, SearchTerms(q)!, last.Id, cancellationToken) : 0;
            next = FeedCursor.After(order, last.ListedAt, last.PostedOn, last.SalaryMaxPerYearInr, last.Id, rank).Encode();
        }
        return new JobFeedPage(page.Select(JobFeedItemResponse.From).ToList(), next, hasMore, take);
    }
}

/// <summary>The feed's optional filters and its sort (null: newest, or relevance with q); none of them is part of the cursor but the sort.</summary>
public record FeedFilters(
    string? Q = null, string? Company = null, string? Location = null, string? Skill = null,
    decimal? MinSalary = null, int? PostedWithinDays = null, decimal? MaxSalary = null,
    IReadOnlyList<string>? JobTypes = null, IReadOnlyList<string>? WorkModes = null, IReadOnlyList<string>? Experience = null,
    string? Sort = null);

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
