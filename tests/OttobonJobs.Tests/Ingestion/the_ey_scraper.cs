using OttobonJobs.Api.Adapters.Scrapers;

namespace OttobonJobs.Tests.Ingestion;

public class the_ey_scraper : a_career_site_scraper
{
    protected override string Source => Sources.Ey;
    protected override string Company => "EY";
    protected override string Section => "Ey";
    protected override int ListingPages => 3; // 25 rows a page, then a page with no new links

    protected override bool IsListing(SiteRequest request) => request.Path == "/ey/search/";

    protected override SiteReply MalformedListing => SiteReply.Html("{\"error\": \"not html at all\"}");

    [Fact]
    public async Task it_pages_by_startrow_until_a_page_has_no_new_links()
    {
        await ScrapeAsync();

        ListingRequests.Select(r => r.Query).ShouldBe(
            new[] { 0, 25, 50 }.Select(row => $"?q=&locationsearch=India&startrow={row}"));
    }

    [Fact]
    public async Task each_job_is_read_once_though_its_row_links_it_twice()
    {
        var result = await ScrapeAsync();

        DetailRequests.Select(r => r.Path).ShouldBeUnique();
        result.Postings.ShouldAllBe(p => p.ApplyUrl.StartsWith($"{Site.BaseUrl}ey/job/") && p.ApplyUrl.EndsWith($"/{p.ExternalId}/"));
    }

    [Fact]
    public async Task location_and_date_come_from_the_row_and_the_description_from_the_job_page()
    {
        var result = await ScrapeAsync();

        result.Postings.Count(p => p.Location is null).ShouldBe(1);
        result.Postings.Where(p => p.Location is not null).ShouldAllBe(p => p.Location!.Contains(", IN, "));
        result.Postings.ShouldAllBe(p => p.PostedOn != null && p.PostedOn.Value.Year == 2026);
        result.Postings.ShouldAllBe(p => p.DescriptionHtml.Contains("Your key responsibilities"));
    }

    [Fact]
    public async Task a_page_that_repeats_the_last_one_ends_the_listing()
    {
        Site.When(r => IsListing(r) && r.Query.EndsWith("startrow=50"), SiteReply.Html("""
            <table><tr><td><a href="/ey/job/Kolkata-Tax-Analyst-WB-700091/1592076000/">Tax Analyst</a></td></tr></table>
            """));
        Site.When(r => IsListing(r) && r.Query.EndsWith("startrow=0"), SiteReply.Html("""
            <table><tr><td><a href="/ey/job/Kolkata-Tax-Analyst-WB-700091/1592076000/">Tax Analyst</a></td>
              <td class="colLocation"><span class="jobLocation">Kolkata, WB, IN, 700091</span></td>
              <td><span class="jobDate">Nov 3, 2026</span></td></tr></table>
            """));
        Site.When(r => IsListing(r) && r.Query.EndsWith("startrow=25"), SiteReply.Html("""
            <table><tr><td><a href="/ey/job/Kolkata-Tax-Analyst-WB-700091/1592076000/">Tax Analyst</a></td></tr></table>
            """));
        Site.When(r => r.Mentions("1592076000"), SiteReply.Html("""<span itemprop="description"><p>File GST returns, reconcile GSTR-2B with the books and draft replies to tax notices.</p></span>"""));

        var result = await ScrapeAsync();

        ListingRequests.Count.ShouldBe(2);
        var posting = result.Postings.ShouldHaveSingleItem();
        posting.Location.ShouldBe("Kolkata, WB, IN, 700091");
        posting.PostedOn.ShouldBe(new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero));
        posting.DescriptionHtml.ShouldBe("<p>File GST returns, reconcile GSTR-2B with the books and draft replies to tax notices.</p>");
    }

    [Theory]
    [InlineData("""<p id="job-date"><span itemprop="datePosted">Thu Nov 20 2025</span></p>""")]
    [InlineData("""<meta itemprop="datePosted" content="2025-11-20">""")]
    [InlineData("""<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Tax Analyst","datePosted":"2025-11-20T00:00:00.000Z"}</script>""")]
    [InlineData("""<script type="application/ld+json">{ broken</script><script type="application/ld+json">[{"@type":"Organization"},{"@type":"JobPosting","datePosted":"2025-11-20"}]</script>""")]
    public async Task a_row_without_a_date_takes_the_job_pages_date_posted(string datePosted)
    {
        Site.When(r => IsListing(r) && r.Query.EndsWith("startrow=0"), SiteReply.Html("""
            <table><tr class="data-row"><td class="colTitle"><a href="/ey/job/Kolkata-Tax-Analyst-WB-700091/1592076000/">Tax Analyst</a></td>
              <td class="colLocation"><span class="jobLocation">Kolkata, WB, IN, 700091</span></td></tr></table>
            """));
        Site.When(IsListing, SiteReply.Html("<table></table>"));
        Site.When(r => r.Mentions("1592076000"), SiteReply.Html($"""
            <div class="jobDisplayShell" itemscope itemtype="http://schema.org/JobPosting">{datePosted}
            <span itemprop="description"><p>File GST returns, reconcile GSTR-2B with the books and draft replies to tax notices.</p></span></div>
            """));

        var posting = (await ScrapeAsync()).Postings.ShouldHaveSingleItem();

        posting.PostedOn.ShouldBe(new DateTimeOffset(2025, 11, 20, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task most_sample_rows_have_no_date_and_every_posting_still_has_one()
    {
        var result = await ScrapeAsync();
        var rowsWithDates = OttobonJobs.Api.Adapters.Scrapers.SampleSites.SampleSiteFiles.Read("Ey/search-startrow-0.html", Site.BaseUrl)!
            .Split("class=\"data-row\"").Skip(1).Count(row => row.Contains("jobDate"));

        rowsWithDates.ShouldBeLessThan(25 / 2);
        result.Postings.Count.ShouldBe(EntryLevelInIndia);
        result.Postings.ShouldAllBe(p => p.PostedOn != null);
    }

    [Fact]
    public async Task a_link_without_a_title_is_an_error()
    {
        Site.When(r => IsListing(r) && r.Query.EndsWith("startrow=0"), SiteReply.Html("""
            <table><tr><td><a href="/ey/job/Pune-x/1592070001/"><img alt=""></a></td></tr></table>
            """));
        Site.When(IsListing, SiteReply.Html("<table></table>"));

        var result = await ScrapeAsync();

        result.Postings.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().ShouldContain("has no title (1592070001)");
    }
}
