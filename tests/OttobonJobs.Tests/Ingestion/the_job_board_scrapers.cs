using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>
/// The Greenhouse, Lever and Ashby adapters, configured as their default boards, against a fake site speaking each
/// platform's public job-board JSON (the sample boards by default): one request holds the board (Lever pages by skip).
/// </summary>
public abstract class a_job_board_scraper : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];
    protected FakeCareerSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await FakeCareerSite.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await Site.DisposeAsync();
    }

    protected Task<ScrapeResult> ScrapeAsync(string source, Action<Dictionary<string, string?>>? tweak = null)
    {
        var provider = ScraperTestServices.Against(Site, tweak);
        _providers.Add(provider);
        return provider.GetServices<ICareerSiteScraper>().Single(s => s.SourceName == source).ScrapeAsync(CancellationToken.None);
    }
}

public class the_greenhouse_scraper : a_job_board_scraper
{
    [Fact]
    public async Task it_reads_the_whole_board_in_one_request_and_unescapes_the_html_escaped_content()
    {
        var result = await ScrapeAsync("postman");

        Site.Requests.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Path.ShouldBe("/v1/boards/postman/jobs"),
            r => r.Query.ShouldBe("?content=true"));
        (result.Postings.Count, result.Skipped.Count).ShouldBe((2, 1)); // the Senior Staff Engineer is skipped
        var posting = result.Postings[0];
        posting.ExternalId.ShouldBe("4012881");
        posting.DescriptionHtml.ShouldStartWith("<p>Postman's Engineering team");
        posting.DescriptionHtml.ShouldContain("<li>Build and test features end to end</li>");
        posting.DescriptionHtml.ShouldNotContain("&lt;");
        posting.Location.ShouldBe("Bengaluru, Karnataka, India");
        posting.ApplyUrl.ShouldBe($"{Site.BaseUrl}postman/jobs/4012881");
        posting.PostedOn.ShouldBe(new DateTimeOffset(2026, 11, 10, 13, 0, 0, TimeSpan.Zero)); // first_published, -04:00
        posting.Country.ShouldBe("India");
        posting.PublishedSalary.ShouldBeNull();
    }

    [Fact]
    public async Task a_job_without_content_becomes_an_error_and_a_job_without_location_name_is_placed_by_its_office()
    {
        Site.When(r => r.Path == "/v1/boards/postman/jobs", SiteReply.Json("""
            {"jobs": [
              {"id": 1, "title": "Support Engineer", "absolute_url": "https://job-boards.greenhouse.io/postman/jobs/1", "location": {"name": "Bengaluru"}, "content": ""},
              {"id": 2, "title": "QA Engineer", "absolute_url": "https://job-boards.greenhouse.io/postman/jobs/2", "location": null,
               "offices": [{"id": 9, "name": "Bangalore", "location": "Bengaluru, Karnataka, India"}], "updated_at": "2026-11-02T10:00:00-04:00",
               "content": "&lt;p&gt;Test &amp;amp; break things: write test plans, automate API checks and report defects to the team.&lt;/p&gt;"}
            ], "meta": {"total": 2}}
            """));

        var result = await ScrapeAsync("postman");

        var posting = result.Postings.ShouldHaveSingleItem();
        (posting.ExternalId, posting.Location, posting.DescriptionHtml).ShouldBe(("2", "Bengaluru, Karnataka, India", "<p>Test &amp; break things: write test plans, automate API checks and report defects to the team.</p>"));
        posting.PostedOn.ShouldBe(new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero)); // no first_published: updated_at
        result.Errors.ShouldHaveSingleItem().ShouldContain("has no job description");
    }

    [Fact]
    public async Task a_location_that_names_no_country_is_judged_in_the_boards_default_country_and_one_abroad_is_skipped()
    {
        const string description = "&lt;p&gt;Write services in Go, review pull requests and keep the on-call runbooks up to date.&lt;/p&gt;";
        Site.When(r => r.Path == "/v1/boards/postman/jobs", SiteReply.Json($$$"""
            {"jobs": [
              {"id": 11, "title": "Software Engineer I", "absolute_url": "https://job-boards.greenhouse.io/postman/jobs/11", "location": {"name": "HSR Layout office"}, "content": "{{{description}}}"},
              {"id": 12, "title": "Software Engineer I", "absolute_url": "https://job-boards.greenhouse.io/postman/jobs/12", "location": {"name": "San Francisco, CA"}, "content": "{{{description}}}"}
            ], "meta": {"total": 2}}
            """));

        var result = await ScrapeAsync("postman");

        result.Postings.ShouldHaveSingleItem().ExternalId.ShouldBe("11");
        var skipped = result.Skipped.ShouldHaveSingleItem();
        skipped.ExternalId.ShouldBe("12");
        skipped.Reason.ShouldContain("outside India");
    }

    [Fact]
    public async Task a_board_without_jobs_makes_the_source_unavailable()
    {
        Site.When(r => r.Path == "/v1/boards/postman/jobs", SiteReply.Json("""{"status": 404, "error": "Job board not found"}"""));

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync("postman"));

        failure.Message.ShouldContain("/v1/boards/postman/jobs answered without jobs");
    }
}

public class the_lever_scraper : a_job_board_scraper
{
    private static string Postings(int from, int count) => "[" + string.Join(",", Enumerable.Range(from, count).Select(i => $$"""
        {"id": "p{{i}}", "text": "Analyst {{i}}", "categories": {"location": "Bengaluru", "commitment": "Full-time", "team": "Risk", "allLocations": ["Bengaluru"]},
         "country": "IN", "workplaceType": "on-site", "createdAt": 1762300800000, "hostedUrl": "https://jobs.lever.co/cred/p{{i}}",
         "applyUrl": "https://jobs.lever.co/cred/p{{i}}/apply", "description": "<div>Role {{i}}</div>", "descriptionPlain": "Role {{i}}",
         "lists": [{"text": "What you will do", "content": "<li>Analyse credit risk of new merchants and write a monthly portfolio report for the risk team</li>"}], "additional": "", "additionalPlain": ""}
        """)) + "]";

    [Fact]
    public async Task it_reads_a_bare_array_with_epoch_millisecond_dates_lists_and_a_salary_range_in_rupees()
    {
        var result = await ScrapeAsync("cred");

        Site.Requests.ShouldHaveSingleItem().Query.ShouldBe("?mode=json&skip=0&limit=100");
        (result.Postings.Count, result.Skipped.Count).ShouldBe((2, 1)); // the Engineering Manager is skipped
        var posting = result.Postings[0];
        posting.Title.ShouldBe("Backend Engineer – New Grad");
        posting.PostedOn.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1762300800000));
        posting.DescriptionHtml.ShouldContain("<h3>What you will do</h3><ul><li>Own a small area end to end</li>");
        posting.DescriptionHtml.ShouldContain("equal opportunity employer");
        posting.ApplyUrl.ShouldStartWith($"{Site.BaseUrl}cred/");
        posting.Country.ShouldBe("India");
        var salary = posting.PublishedSalary.ShouldNotBeNull();
        (salary.Currency, salary.Min, salary.Max, salary.Period, salary.Display).ShouldBe(("INR", 1_800_000m, 2_600_000m, "year", "₹18L – ₹26L per year"));
    }

    [Fact]
    public async Task a_monthly_stipend_is_kept_per_month_and_a_remote_posting_says_remote()
    {
        var result = await ScrapeAsync("meesho");

        var intern = result.Postings.Single(p => p.Title == "Business Development Intern");
        intern.Location.ShouldBe("Remote");
        var stipend = intern.PublishedSalary.ShouldNotBeNull();
        (stipend.Min, stipend.Max, stipend.Period).ShouldBe((30_000m, 40_000m, "month"));
    }

    [Fact]
    public async Task it_pages_by_skip_until_a_short_page()
    {
        Site.When(r => r.Path == "/v0/postings/cred" && r.Mentions("skip=0&"), SiteReply.Json(Postings(0, 100)));
        Site.When(r => r.Path == "/v0/postings/cred" && r.Mentions("skip=100&"), SiteReply.Json(Postings(100, 3)));

        var result = await ScrapeAsync("cred", s => s["Ottobon:Scrapers:Lever:Boards:0:MaxJobsPerRun"] = "500");

        Site.Requests.Select(r => r.Query).ShouldBe(["?mode=json&skip=0&limit=100", "?mode=json&skip=100&limit=100"]);
        result.Postings.Count.ShouldBe(103);
        result.Errors.ShouldBeEmpty();
    }
}

public class the_ashby_scraper : a_job_board_scraper
{
    [Fact]
    public async Task unlisted_jobs_are_left_out_and_a_salary_in_rupees_is_kept()
    {
        var result = await ScrapeAsync("atlan");

        Site.Requests.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Path.ShouldBe("/posting-api/job-board/atlan"),
            r => r.Query.ShouldBe("?includeCompensation=true"));
        result.Postings.Select(p => p.Title).ShouldBe(["Software Engineer – New Grad", "Solutions Engineering Intern"]);
        result.Skipped.ShouldHaveSingleItem().Title.ShouldContain("Principal"); // the Principal Engineer; the unlisted job is not on the board at all
        var engineer = result.Postings[0];
        engineer.ApplyUrl.ShouldStartWith($"{Site.BaseUrl}atlan/");
        engineer.PostedOn.ShouldBe(new DateTimeOffset(2026, 11, 12, 6, 30, 0, TimeSpan.Zero));
        engineer.Country.ShouldBe("India");
        engineer.DescriptionHtml.ShouldContain("<li>Ship features with a mentor</li>");
        var salary = engineer.PublishedSalary.ShouldNotBeNull();
        (salary.Min, salary.Max, salary.Period).ShouldBe((1_500_000m, 2_200_000m, "year"));
        result.Postings[1].Location.ShouldBe("Remote - India");
    }

    [Fact]
    public async Task a_salary_in_another_currency_is_not_kept()
    {
        var result = await ScrapeAsync("sarvam");

        result.Postings.Single(p => p.Title == "Speech Data Analyst").PublishedSalary.ShouldBeNull();
    }

    [Fact]
    public async Task a_remote_job_without_a_location_is_kept_as_remote()
    {
        Site.When(r => r.Path == "/posting-api/job-board/atlan", SiteReply.Json("""
            {"apiVersion": "1", "jobs": [{"id": "a1", "title": "Support Engineer", "location": null, "isRemote": true, "isListed": true,
              "publishedAt": "2026-11-01T00:00:00.000+00:00", "jobUrl": "https://jobs.ashbyhq.com/atlan/a1", "descriptionHtml": "<p>Help customers connect their data stack, answer their questions and write guides.</p>",
              "address": null, "compensation": null}]}
            """));

        var result = await ScrapeAsync("atlan");

        var posting = result.Postings.ShouldHaveSingleItem();
        (posting.Location, posting.Country).ShouldBe(("Remote", "India"));
    }
}
