using Alba;
using Marten;
using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Skills;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>The API in live mode with every source pointed at one <see cref="FakeCareerSite"/>, and the local AI.</summary>
public class ApiWithAFakeCareerSite : ApiFixture
{
    public FakeCareerSite Site { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Site = await FakeCareerSite.StartAsync();
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>(ScraperTestServices.FastSettings()) { ["Ottobon:Scrapers:Mode"] = ScraperModes.Live };
        foreach (var source in new[] { "Deloitte", "Pwc", "Kpmg", "Ey" }) settings[$"Ottobon:Scrapers:{source}:BaseUrl"] = Site.BaseUrl.ToString();
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Site.DisposeAsync();
    }
}

/// <summary>Real career-site markup through the whole pipeline: scrape, record, enrich, activate, feed and job page.</summary>
public class when_ingesting_real_markup(ApiWithAFakeCareerSite api) : IClassFixture<ApiWithAFakeCareerSite>
{
    [Fact]
    public async Task a_font_wrapped_deloitte_description_gives_skills_from_its_body_not_the_title_alone()
    {
        var admin = await api.Host.SignedInAdmin();

        await api.Host.IngestedAsync(admin, Sources.Deloitte);

        await using var session = api.Store.QuerySession();
        var wrapped = (await session.Query<JobDetails>().Where(j => j.Source == Sources.Deloitte).ToListAsync())
            .Where(j => j.DescriptionRaw.Contains("<font face=\"tahoma\" size=\"2\">")).ToList();
        wrapped.Count.ShouldBeGreaterThan(5);
        foreach (var job in wrapped)
        {
            job.Status.ShouldBe(JobStatus.Active);
            job.DescriptionHtml.ShouldNotContain("<font");
            job.DescriptionHtml.ShouldContain("What you will do");
            DescriptionHtml.ToPlainText(job.DescriptionHtml).Length.ShouldBeGreaterThan(500);
            var fromTitle = SkillTaxonomy.Extract(job.Title);
            job.SkillsRequired.Except(fromTitle).ShouldNotBeEmpty($"{job.Title}: skills from the body");
        }
    }

    [Fact]
    public async Task ey_dates_come_from_the_job_page_a_near_empty_description_is_an_error_and_the_feed_is_ordered_by_posting_date()
    {
        var admin = await api.Host.SignedInAdmin();
        const string emptied = "1592076185"; // a row without a date, whose job page has a meta datePosted
        api.Site.When(r => r.Path.Contains($"/{emptied}/"), SiteReply.Html("""
            <div class="jobDisplayShell"><meta itemprop="datePosted" content="2026-11-13">
            <span class="jobdescription" itemprop="description"><p><font face="tahoma" size="2">&nbsp;</font></p><p>See details</p></span></div>
            """));

        var runId = await api.Host.IngestedAsync(admin, Sources.Ey);

        var log = (await api.Host.RunLog(runId)).Sources.Single();
        var error = log.ErrorMessages.ShouldHaveSingleItem();
        error.ShouldContain($"{api.Site.BaseUrl}ey/job/");
        error.ShouldContain($"/{emptied}/");
        error.ShouldContain("description has only 11 characters of text");
        (await api.Host.JobDetails(JobIdentity.ForScrapedPosting("EY", emptied))).ShouldBeNull();

        await using var session = api.Store.QuerySession();
        var jobs = await session.Query<JobDetails>().Where(j => j.Source == Sources.Ey).ToListAsync();
        jobs.Count.ShouldBe(29);
        jobs.ShouldAllBe(j => j.PostedOn != null && j.PostedOn < j.CreatedAt);
        // 1592076210's row has no date and its job page only a JSON-LD JobPosting.
        var fromJsonLd = jobs.Single(j => j.ExternalId == "1592076210");
        fromJsonLd.PostedOn.ShouldBe(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

        var details = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/{fromJsonLd.Id}/details"))).Json();
        details.GetProperty("posted_on").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        details.GetProperty("created_at").GetDateTimeOffset().ShouldBe(fromJsonLd.CreatedAt, TimeSpan.FromMilliseconds(1));

        var feed = (await api.Host.Scenario(s => s.Get.Url("/api/jobs/feed?company=EY&limit=100"))).Json()
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("posted_on").GetDateTimeOffset()).ToList();
        feed.Count.ShouldBe(29);
        feed.ShouldBe(feed.OrderDescending().ToList(), "the feed lists the most recently posted first");
        feed.Distinct().Count().ShouldBeGreaterThan(10, "the site's dates, not one ingestion instant");
    }
}
