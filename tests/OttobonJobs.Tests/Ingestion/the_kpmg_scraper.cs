using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Tests.Ingestion;

public class the_kpmg_scraper : a_career_site_scraper
{
    private const string Search = "/hcmRestApi/resources/latest/recruitingCEJobRequisitions";
    private const string Details = "/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails";

    protected override string Source => Sources.Kpmg;
    protected override string Company => "KPMG";
    protected override string Section => "Kpmg";
    protected override int ListingPages => 2; // 25 a page, until TotalJobsCount

    protected override bool IsListing(SiteRequest request) => request.Path == Search;

    protected override SiteReply MalformedListing => SiteReply.Json("<html>Oracle error page</html>");

    [Fact]
    public async Task it_pages_through_the_finder_by_offset()
    {
        await ScrapeAsync();

        ListingRequests.Select(r => r.Query).ShouldBe(new[] { 0, 25 }.Select(offset =>
            $"?onlyData=true&expand=requisitionList&finder=findReqs;siteNumber=CX_1,limit=25,offset={offset}"));
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
        Site.When(IsListing, SiteReply.Json("""
            {"items": [{"TotalJobsCount": 2, "requisitionList": [
              {"Title": "Audit Associate", "PrimaryLocation": "Kochi, Kerala, India"},
              {"Id": "900001", "Title": "Forensic Analyst", "PostedDate": "2026-11-02"}
            ]}]}
            """));
        Site.When(r => r.Path == Details && r.Mentions("900001"), SiteReply.Json("""
            {"items": [{"Id": "900001", "ExternalDescriptionStr": "<p>Investigate fraud, trace funds through bank statements and draft findings for clients.</p>", "ExternalQualificationsStr": ""}]}
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
