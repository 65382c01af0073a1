using System.Net;
using Npgsql;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Jobs;

/// <summary>
/// The feed's filters (q, company, location, skill, min_salary, posted_within_days): what each keeps, and that each
/// reads an indexed column rather than the JSON body.
/// </summary>
public class when_filtering_the_feed(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly string _company = "Filterco " + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task q_finds_a_job_by_one_of_its_skills_not_only_by_title()
    {
        var python = await Job(skills: ["Python", "SQL"]);
        await Job(skills: ["Excel"]);

        (await Feed("q=PYTHON")).ShouldBe([python]);
    }

    [Fact]
    public async Task skill_keeps_jobs_that_list_the_skill_in_any_case()
    {
        var sql = await Job(skills: ["SQL", "Power BI"]);
        await Job(skills: ["SQL Server"]);

        (await Feed("skill=sql")).ShouldBe([sql]);
    }

    [Fact]
    public async Task min_salary_keeps_jobs_whose_range_reaches_it_in_rupees_a_year()
    {
        var yearly = await Job(salary: new SalaryRange("INR", 400_000, 800_000, "year", "₹4L – ₹8L per year"));
        var monthly = await Job(salary: new SalaryRange("INR", 50_000, 70_000, "month", "₹50k – ₹70k per month"));
        await Job(salary: new SalaryRange("INR", 300_000, 450_000, "year", "₹3L – ₹4.5L per year"));
        await Job(salary: new SalaryRange("USD", 90_000, 120_000, "year", "$90k – $120k per year"));

        (await Feed("min_salary=600000")).ShouldBe(new List<Guid> { yearly, monthly }, ignoreOrder: true);
    }

    [Fact]
    public async Task posted_within_days_keeps_only_recent_jobs()
    {
        var recent = await Job(at: DateTimeOffset.UtcNow.AddDays(-2));
        await Job(at: DateTimeOffset.UtcNow.AddDays(-20));

        (await Feed("posted_within_days=7")).ShouldBe([recent]);
    }

    [Fact]
    public async Task location_and_q_take_like_wildcards_literally()
    {
        var underscored = await Job(location: "Navi_Mumbai");
        await Job(location: "Navi Mumbai");

        (await Feed("location=i_m")).ShouldBe([underscored]);
        (await Feed("q=100%25")).ShouldBeEmpty();
    }

    [Fact]
    public async Task location_finds_a_city_under_its_old_and_new_spellings()
    {
        var bengaluru = await Job(location: "Bengaluru, Karnataka, India");
        var bangalore = await Job(location: "IN-KA-Bangalore");
        var gurgaon = await Job(location: "Gurgaon, Haryana");
        await Job(location: "Pune");

        (await Feed("location=Bangalore")).ShouldBe(new List<Guid> { bengaluru, bangalore }, ignoreOrder: true);
        (await Feed("location=bengaluru")).ShouldBe(new List<Guid> { bengaluru, bangalore }, ignoreOrder: true);
        (await Feed("location=Gurugram")).ShouldBe([gurgaon]);
        (await Feed("location=karnataka")).ShouldBe(new List<Guid> { bengaluru, bangalore }, ignoreOrder: true);
        var card = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?company={Uri.EscapeDataString(_company)}&location=gurugram")))
            .Json().GetProperty("items")[0];
        card.GetProperty("location").GetString().ShouldBe("Gurgaon, Haryana");
        var place = card.GetProperty("place");
        (place.GetProperty("city").GetString(), place.GetProperty("state").GetString(), place.GetProperty("country").GetString())
            .ShouldBe(("Gurugram", "Haryana", "India"));
    }

    [Theory]
    [InlineData("posted_within_days=0", "posted_within_days")]
    [InlineData("posted_within_days=366", "posted_within_days")]
    [InlineData("min_salary=-1", "min_salary")]
    public async Task an_out_of_range_filter_is_a_422_naming_it(string query, string named)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url($"/api/jobs/feed?{query}");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        result.Detail().ShouldContain(named);
    }

    [Theory]
    [InlineData("search_text gin_trgm_ops")]
    [InlineData("location_key gin_trgm_ops")]
    [InlineData("skill_keys")]
    public async Task each_substring_or_skill_filter_has_a_gin_index_on_its_column(string indexed)
    {
        await api.Store.Storage.Database.EnsureStorageExistsAsync(typeof(OttobonJobs.Projections.Jobs.JobFeedItem));
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_indexes WHERE tablename = 'mt_doc_jobfeeditem' AND indexdef LIKE @definition", connection);
        command.Parameters.AddWithValue("definition", $"%USING gin ({indexed})%");

        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(1);
    }

    private async Task<List<Guid>> Feed(string query) =>
        (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?company={Uri.EscapeDataString(_company)}&limit=100&{query}")))
        .Json().GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private async Task<Guid> Job(
        IReadOnlyList<string>? skills = null, SalaryRange? salary = null, DateTimeOffset? at = null, string location = "Pune")
    {
        var id = Guid.NewGuid();
        var when = at ?? DateTimeOffset.UtcNow;
        var enrichment = new JobEnrichment(
            Enumerable.Range(1, 5).Select(i => new PrepQuestion($"Question {i}?", "Answer.")).ToList(),
            Enumerable.Range(1, 5).Select(i => $"Tip {i}").ToList(),
            skills ?? ["Communication"], salary ?? new SalaryRange("INR", 300_000, 500_000, "year", "₹3L – ₹5L per year"),
            "Entry level", "Any graduate");
        await using var session = api.Store.LightweightSession();
        session.Events.StartStream<Job>(id,
            new JobScraped(id, "test", _company, id.ToString("N"), null, $"Analyst {id:N}", location, "A scraped role.", id.ToString("N"), null, null, when),
            new JobEnriched(enrichment, "test", id.ToString("N"), when),
            new JobActivated(when));
        await session.SaveChangesAsync();
        return id;
    }
}
