using System.Net;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Jobs;

/// <summary>
/// The feed's full-text q, the job kinds (job_type, work_mode, experience), max_salary, and each sort paging through
/// its cursor without gaps or repeats.
/// </summary>
public class when_searching_and_sorting_the_feed(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset Seen = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly string _company = "Sortco " + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task q_finds_a_word_that_is_only_in_the_description()
    {
        var python = await Job(description: "<p>You will automate audits with <b>Python</b> scripts.</p>");
        await Job(description: "<p>You will audit ledgers by hand.</p>");

        (await Feed("q=python")).ShouldBe([python]);
        (await Feed("q=automating")).ShouldBe([python], "English stemming: automating finds automate");
    }

    [Fact]
    public async Task relevance_puts_a_title_match_before_a_description_match()
    {
        var inDescription = await Job(description: "Some Kubernetes exposure helps.", at: Seen.AddDays(1));
        var inTitle = await Job(title: "Kubernetes Engineer", at: Seen);

        (await Feed("q=kubernetes")).ShouldBe([inTitle, inDescription]);
        (await Feed("q=kubernetes&sort=newest")).ShouldBe([inDescription, inTitle]);
    }

    [Fact]
    public async Task job_type_work_mode_and_experience_are_read_from_the_jobs_words()
    {
        var intern = await Job(title: "Audit Intern", location: "Remote - India");
        var contract = await Job(title: "Java Developer (Contract)", location: "Pune", description: "We follow a hybrid working model. 5+ years of experience.");
        var onSite = await Job(title: "Tax Analyst", location: "Mumbai");

        (await Feed("job_type=internship")).ShouldBe([intern]);
        (await Feed("job_type=contract&job_type=internship")).ShouldBe(new List<Guid> { intern, contract }, ignoreOrder: true);
        (await Feed("job_type=contract,full_time")).ShouldBe(new List<Guid> { contract, onSite }, ignoreOrder: true);
        (await Feed("work_mode=remote")).ShouldBe([intern]);
        (await Feed("work_mode=hybrid")).ShouldBe([contract]);
        (await Feed("work_mode=on_site")).ShouldBe([onSite]);
        (await Feed("experience=experienced")).ShouldBe([contract]);
        var card = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?company={Uri.EscapeDataString(_company)}&job_type=internship")))
            .Json().GetProperty("items")[0];
        (card.GetProperty("job_type").GetString(), card.GetProperty("work_mode").GetString(), card.GetProperty("experience").GetString())
            .ShouldBe(("internship", "remote", "internship"));
        var details = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/{contract}/details"))).Json();
        (details.GetProperty("job_type").GetString(), details.GetProperty("work_mode").GetString(), details.GetProperty("experience").GetString())
            .ShouldBe(("contract", "hybrid", "experienced"));
    }

    [Fact]
    public async Task max_salary_keeps_jobs_whose_range_starts_at_or_below_it()
    {
        var low = await Job(salary: new SalaryRange("INR", 300_000, 500_000, "year", "₹3L – ₹5L per year"));
        await Job(salary: new SalaryRange("INR", 900_000, 1_200_000, "year", "₹9L – ₹12L per year"));

        (await Feed("max_salary=400000")).ShouldBe([low]);
    }

    [Fact]
    public async Task a_state_finds_the_jobs_in_its_cities_under_its_code()
    {
        var bengaluru = await Job(location: "Bengaluru");
        await Job(location: "Chennai");

        (await Feed("location=KA")).ShouldBe([bengaluru]);
    }

    [Fact]
    public async Task salary_sort_pages_highest_first_with_jobs_without_a_rupee_salary_last()
    {
        var salaries = new[] { 500_000m, 900_000m, 500_000m, 700_000m, 500_000m };
        var paid = new List<(Guid Id, decimal Max)>();
        foreach (var max in salaries)
            paid.Add((await Job(salary: new SalaryRange("INR", 100_000, max, "year", "pay")), max));
        var dollars = await Job(salary: new SalaryRange("USD", 90_000, 120_000, "year", "$"));

        var visited = await PageThrough("sort=salary", limit: 2);

        var expected = paid.OrderByDescending(p => p.Max).ThenByDescending(p => p.Id.ToString(), StringComparer.Ordinal).Select(p => p.Id).ToList();
        visited.ShouldBe([.. expected, dollars]);
    }

    [Fact]
    public async Task posted_sort_pages_by_the_sites_date_with_undated_jobs_last()
    {
        var old = await Job(postedOn: Seen.AddDays(-9));
        var undated = new List<Guid> { await Job(), await Job(), await Job() };
        var recent = await Job(postedOn: Seen.AddDays(-1));
        var recentToo = await Job(postedOn: Seen.AddDays(-1));

        var visited = await PageThrough("sort=posted", limit: 2);

        var sameDay = new[] { recent, recentToo }.OrderByDescending(id => id.ToString(), StringComparer.Ordinal);
        visited.ShouldBe([.. sameDay, old, .. undated.OrderByDescending(id => id.ToString(), StringComparer.Ordinal)]);
    }

    [Fact]
    public async Task relevance_and_newest_page_every_match_exactly_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
            ids.Add(await Job(title: i % 2 == 0 ? "Ledger Analyst" : "Analyst", description: i % 3 == 0 ? "Ledger ledger work." : "Ledger work.", at: Seen.AddMinutes(i % 3)));

        var ranked = await PageThrough("q=ledger", limit: 2);
        var newest = await PageThrough("q=ledger&sort=newest", limit: 3);

        ranked.ShouldBe(ids, ignoreOrder: true);
        ranked.Distinct().Count().ShouldBe(ids.Count);
        newest.ShouldBe(ids, ignoreOrder: true);
        newest.Distinct().Count().ShouldBe(ids.Count);
        ranked.Take(4).ShouldAllBe(id => ids.IndexOf(id) % 2 == 0, "the title matches rank first");
    }

    [Fact]
    public async Task a_cursor_from_another_sort_is_a_400_naming_both()
    {
        for (var i = 0; i < 3; i++) await Job(salary: new SalaryRange("INR", 1, 100_000 * (i + 1), "year", "pay"));
        var first = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?company={Uri.EscapeDataString(_company)}&limit=1&sort=salary")))
            .Json().GetProperty("next_cursor").GetString()!;

        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url($"/api/jobs/feed?company={Uri.EscapeDataString(_company)}&limit=1&sort=posted&cursor={first}");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        result.Detail().ShouldContain("sort=salary");
    }

    [Theory]
    [InlineData("job_type=gig", "job_type", "full_time")]
    [InlineData("work_mode=office", "work_mode", "on_site")]
    [InlineData("experience=senior", "experience", "experienced")]
    [InlineData("sort=cheapest", "sort", "salary")]
    [InlineData("sort=relevance", "relevance", "q")]
    public async Task an_unknown_value_is_a_400_naming_the_allowed_ones(string query, string named, string allowed)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url($"/api/jobs/feed?{query}");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        result.Detail().ShouldContain(named);
        result.Detail().ShouldContain(allowed);
    }

    [Fact]
    public async Task a_minimum_above_the_maximum_is_a_422()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/jobs/feed?min_salary=900000&max_salary=300000");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        result.Detail().ShouldContain("max_salary");
    }

    private async Task<List<Guid>> Feed(string query) =>
        (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?company={Uri.EscapeDataString(_company)}&limit=100&{query}")))
        .Json().GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private async Task<List<Guid>> PageThrough(string query, int limit)
    {
        var visited = new List<Guid>();
        string? cursor = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var json = (await api.Host.Scenario(s => s.Get.Url(
                $"/api/jobs/feed?company={Uri.EscapeDataString(_company)}&limit={limit}&{query}{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}"))).Json();
            visited.AddRange(json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            if (!json.GetProperty("has_more").GetBoolean()) return visited;
            cursor = json.GetProperty("next_cursor").GetString().ShouldNotBeNull();
        }
        throw new InvalidOperationException("the feed did not end within 50 pages");
    }

    private async Task<Guid> Job(
        string? title = null, string location = "Pune", string description = "A scraped role.", SalaryRange? salary = null,
        DateTimeOffset? at = null, DateTimeOffset? postedOn = null)
    {
        var id = Guid.NewGuid();
        var when = at ?? Seen;
        var enrichment = new JobEnrichment(
            Enumerable.Range(1, 5).Select(i => new PrepQuestion($"Question {i}?", "Answer.")).ToList(),
            Enumerable.Range(1, 5).Select(i => $"Tip {i}").ToList(),
            ["Communication"], salary ?? new SalaryRange("INR", 300_000, 500_000, "year", "₹3L – ₹5L per year"),
            "", "Any graduate");
        await using var session = api.Store.LightweightSession();
        session.Events.StartStream<Job>(id,
            new JobScraped(id, "test", _company, id.ToString("N"), null, title ?? $"Clerk {id:N}", location, description, id.ToString("N"), postedOn, null, when),
            new JobEnriched(enrichment, "test", id.ToString("N"), when),
            new JobActivated(when));
        await session.SaveChangesAsync();
        return id;
    }
}
