using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>
/// The Oracle HCM adapter, configured as the default KPMG tenant (site numbers CX_1 and CX_2), against a fake site
/// speaking Oracle's recruitingCE resources: the finder's offset and TotalJobsCount, details by id, flex-field salaries,
/// and a requisition published under both site numbers.
/// </summary>
public class the_oracle_hcm_scraper : a_career_site_scraper
{
    private const string Search = "/hcmRestApi/resources/latest/recruitingCEJobRequisitions";
    private const string Details = "/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails";
    private const string Expand = "expand=requisitionList.secondaryLocations,flexFieldsFacet.values";

    protected override string Source => Sources.Kpmg;
    protected override string Company => "KPMG";
    protected override string Section => "OracleHcm:Tenants:0";
    protected override int ListingPages => 3; // CX_1: 25 a page until TotalJobsCount (36); CX_2: one page of 4

    // CX_2 (KDNI) adds two entry-level postings, one senior title, and one requisition CX_1 lists too.
    protected override int EntryLevelInIndia => 32;
    protected override int SkippedByFilters => 7;

    protected override bool IsListing(SiteRequest request) => request.Path == Search;

    protected override SiteReply MalformedListing => SiteReply.Json("<html>Oracle error page</html>");

    private static readonly SiteReply EmptySearch = SiteReply.Json("""{"items": [{"TotalJobsCount": 0, "requisitionList": []}], "count": 1}""");

    [Fact]
    public async Task it_pages_through_each_site_number_by_the_finders_offset()
    {
        await ScrapeAsync();

        ListingRequests.Select(r => r.Query).ShouldBe(new[] { ("CX_1", 0), ("CX_1", 25), ("CX_2", 0) }.Select(page =>
            $"?onlyData=true&{Expand}&finder=findReqs;siteNumber={page.Item1},limit=25,offset={page.Item2}"));
    }

    [Fact]
    public async Task it_reads_details_by_id_and_joins_the_three_description_parts_under_headings()
    {
        var result = await ScrapeAsync();

        var posting = result.Postings[0];
        DetailRequests.ShouldContain(r => r.Path == Details
            && r.Query == $"?expand=all&onlyData=true&finder=ById;Id=\"{posting.ExternalId}\",siteNumber=CX_1");
        posting.DescriptionHtml.ShouldStartWith("<h3>About the role</h3>");
        posting.DescriptionHtml.ShouldContain("<h3>Responsibilities</h3>");
        posting.DescriptionHtml.ShouldContain("<h3>Qualifications</h3>");
        posting.ApplyUrl.ShouldBe($"{Site.BaseUrl}hcmUI/CandidateExperience/en/sites/CX_1/job/{posting.ExternalId}");
        posting.PostedOn.ShouldNotBeNull();
        posting.Country.ShouldBe("India"); // PrimaryLocationCountry "IN"
    }

    [Fact]
    public async Task a_requisition_under_two_site_numbers_is_read_once_and_the_second_sites_own_are_read_from_it()
    {
        var result = await ScrapeAsync();

        result.Postings.Count(p => p.ExternalId == "41305").ShouldBe(1);
        DetailRequests.Count(r => r.Mentions("Id=\"41305\"")).ShouldBe(1);
        var kdni = result.Postings.Single(p => p.ExternalId == "41901");
        kdni.ApplyUrl.ShouldBe($"{Site.BaseUrl}hcmUI/CandidateExperience/en/sites/CX_2/job/41901");
        DetailRequests.ShouldContain(r => r.Query.EndsWith("Id=\"41901\",siteNumber=CX_2"));
    }

    [Fact]
    public async Task a_salary_published_in_a_flex_field_is_kept_in_rupees()
    {
        var result = await ScrapeAsync();

        var kdni = result.Postings.Single(p => p.ExternalId == "41901").PublishedSalary.ShouldNotBeNull();
        (kdni.Currency, kdni.Min, kdni.Max, kdni.Period).ShouldBe(("INR", 550_000m, 750_000m, "year"));
        var cx1 = result.Postings.Single(p => p.ExternalId == "41317").PublishedSalary.ShouldNotBeNull();
        (cx1.Min, cx1.Max, cx1.Display).ShouldBe((400_000m, 700_000m, "₹4L – ₹7L per year"));
        result.Postings.Single(p => p.ExternalId == "41915").PublishedSalary.ShouldBeNull(); // only a "Shift" flex field
    }

    [Fact]
    public async Task a_remote_requisition_without_a_location_is_kept_as_remote()
    {
        var result = await ScrapeAsync();

        result.Postings.Count(p => p.Location == "Remote").ShouldBe(1);
    }

    [Fact]
    public async Task a_requisition_without_id_is_an_error_and_one_without_location_is_kept()
    {
        Site.When(r => IsListing(r) && r.Mentions("siteNumber=CX_1"), SiteReply.Json("""
            {"items": [{"TotalJobsCount": 2, "requisitionList": [
              {"Title": "Audit Associate", "PrimaryLocation": "Kochi, Kerala, India"},
              {"Id": "900001", "Title": "Forensic Analyst", "PostedDate": "2026-11-02"}
            ]}]}
            """));
        Site.When(r => IsListing(r) && r.Mentions("siteNumber=CX_2"), EmptySearch);
        Site.When(r => r.Path == Details && r.Mentions("900001"), SiteReply.Json("""
            {"items": [{"Id": "900001", "ExternalDescriptionStr": "<p>Investigate fraud, trace funds through bank statements and draft findings for clients.</p>", "ExternalQualificationsStr": "", "requisitionFlexFields": []}]}
            """));

        var result = await ScrapeAsync();

        var posting = result.Postings.ShouldHaveSingleItem();
        posting.Location.ShouldBeNull();
        posting.PostedOn.ShouldBe(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        posting.DescriptionHtml.ShouldBe("<h3>About the role</h3>\n<p>Investigate fraud, trace funds through bank statements and draft findings for clients.</p>");
        result.Errors.ShouldHaveSingleItem().ShouldContain("has no id (Audit Associate)");
    }

    [Fact]
    public async Task a_search_without_items_is_malformed()
    {
        Site.When(IsListing, SiteReply.Json("""{"items": [], "count": 0}"""));

        await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync());
    }

    [Fact]
    public async Task a_detail_without_items_is_an_error()
    {
        var id = await AKeptPostingIdAsync();
        Site.When(r => r.Path == Details && r.Mentions(id), SiteReply.Json("""{"items": []}"""));

        var result = await ScrapeAsync();

        result.Errors.ShouldHaveSingleItem().ShouldContain($"has no requisition {id}");
    }
}
