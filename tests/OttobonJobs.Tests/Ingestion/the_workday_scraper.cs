using System.Text.Json;
using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>
/// The Workday adapter, configured as the default PwC tenant, against a fake site speaking Workday's cxs API: the search
/// body its pages send, the total on the first page only, "Posted N Days Ago", "N Locations", and several career sites.
/// </summary>
public class the_workday_scraper : a_career_site_scraper
{
    private const string Api = "/wday/cxs/pwc/Global_Experienced_Careers";
    private const string Campus = "/wday/cxs/pwc/Campus_Careers";

    protected override string Source => Sources.Pwc;
    protected override string Company => "PwC";
    protected override string Section => "Workday:Tenants:0";
    protected override int ListingPages => 2; // 20 a page; the total comes with the first one only

    protected override bool IsListing(SiteRequest request) => request.Method == "POST" && request.Path.EndsWith("/jobs");

    protected override SiteReply MalformedListing => SiteReply.Json("""{"total": 36, "jobPostings": [{"title": "Audit""");

    private static void WithSites(Dictionary<string, string?> settings, params string[] sites)
    {
        for (var i = 0; i < sites.Length; i++) settings[$"Ottobon:Scrapers:Workday:Tenants:0:Sites:{i}"] = sites[i];
    }

    [Fact]
    public async Task it_searches_with_workdays_body_and_pages_by_offset()
    {
        await ScrapeAsync();

        ListingRequests.ShouldAllBe(r => r.Path == $"{Api}/jobs");
        var bodies = ListingRequests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        bodies.Select(b => b.GetProperty("offset").GetInt32()).ShouldBe([0, 20]);
        bodies.ShouldAllBe(b => b.GetProperty("limit").GetInt32() == 20
            && b.GetProperty("searchText").GetString() == ""
            && b.GetProperty("appliedFacets").ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task it_reads_each_job_by_the_path_after_job_and_takes_its_requisition_id()
    {
        var result = await ScrapeAsync();

        DetailRequests.ShouldAllBe(r => r.Method == "GET" && r.Path.StartsWith($"{Api}/job/"));
        result.Postings.ShouldAllBe(p => p.ExternalId.EndsWith("WD"));
        result.Postings.ShouldAllBe(p => p.ApplyUrl.StartsWith($"{Site.BaseUrl}Global_Experienced_Careers/job/"));
        result.Postings.ShouldAllBe(p => p.PostedOn != null);
        result.Postings.ShouldAllBe(p => p.Country == "India");
    }

    [Fact]
    public async Task a_job_in_several_locations_is_kept_and_placed_by_its_detail()
    {
        var result = await ScrapeAsync();

        var several = result.Postings.Single(p => p.Title == "Technology Consultant – Salesforce");
        several.Location.ShouldBe("New Delhi");
    }

    [Fact]
    public async Task without_a_requisition_id_the_id_is_the_last_segment_of_the_path_and_the_date_is_relative()
    {
        Site.When(IsListing, SiteReply.Json("""
            {"total": 2, "jobPostings": [
              {"title": "Tax Analyst", "externalPath": "/job/Mumbai/Tax-Analyst_R123", "locationsText": "Mumbai", "postedOn": "Posted 3 Days Ago", "bulletFields": ["R123"]},
              {"title": "Data Analyst", "locationsText": "Pune", "postedOn": "Posted Today"}
            ], "facets": [], "userAuthenticated": false}
            """));
        Site.When(r => r.Path == $"{Api}/job/Mumbai/Tax-Analyst_R123", SiteReply.Json("""
            {"jobPostingInfo": {"title": "Tax Analyst", "jobDescription": "<p>Prepare income tax returns and computations for clients, and reconcile TDS with Form 26AS.</p>", "location": "Mumbai"}}
            """));

        var result = await ScrapeAsync();

        var posting = result.Postings.ShouldHaveSingleItem();
        posting.ExternalId.ShouldBe("Tax-Analyst_R123");
        posting.ApplyUrl.ShouldBe($"{Site.BaseUrl}Global_Experienced_Careers/job/Mumbai/Tax-Analyst_R123");
        posting.PostedOn.ShouldBe(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-3), TimeSpan.Zero));
        posting.Country.ShouldBe("India"); // the tenant's DefaultCountry: the detail names none
        result.Errors.ShouldHaveSingleItem().ShouldContain("has no id (Data Analyst)");
    }

    [Fact]
    public async Task a_listing_without_job_postings_is_malformed()
    {
        Site.When(IsListing, SiteReply.Json("""{"total": 36, "errorCode": "S22"}"""));

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync());

        failure.Message.ShouldContain("without jobPostings");
    }

    [Fact]
    public async Task every_site_of_the_tenant_is_read_in_one_run_and_a_job_on_two_sites_is_kept_once()
    {
        Site.When(r => r.Path == $"{Campus}/jobs", SiteReply.Json("""
            {"total": 2, "jobPostings": [
              {"title": "Data Analyst", "externalPath": "/job/Chennai/Data-Analyst_562295WD", "locationsText": "Chennai", "postedOn": "Posted 30+ Days Ago", "bulletFields": ["562295WD"]},
              {"title": "Campus Associate – Assurance", "externalPath": "/job/Kolkata/Campus-Associate-Assurance_R9001", "locationsText": "Kolkata", "postedOn": "Posted Yesterday", "bulletFields": ["R9001"]}
            ], "facets": [], "userAuthenticated": false}
            """));
        Site.When(r => r.Path == $"{Campus}/job/Kolkata/Campus-Associate-Assurance_R9001", SiteReply.Json("""
            {"jobPostingInfo": {"id": "c1", "title": "Campus Associate – Assurance", "jobDescription": "<p>Audit for a living: plan and perform audit procedures for listed clients across India.</p><ul><li>Vouching</li></ul>",
              "location": "Kolkata", "country": {"descriptor": "India"}, "startDate": "2026-11-20", "timeType": "Full time", "jobReqId": "R9001"},
             "hiringOrganization": {"name": "PwC"}}
            """));

        var result = await ScrapeAsync(s => WithSites(s, "Global_Experienced_Careers", "Campus_Careers"));

        result.Errors.ShouldBeEmpty();
        result.Postings.Count.ShouldBe(EntryLevelInIndia + 1);
        result.Postings.Count(p => p.ExternalId == "562295WD").ShouldBe(1);
        var campus = result.Postings.Single(p => p.ExternalId == "R9001");
        campus.ApplyUrl.ShouldBe($"{Site.BaseUrl}Campus_Careers/job/Kolkata/Campus-Associate-Assurance_R9001");
        campus.PostedOn.ShouldBe(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        ListingRequests.Select(r => (r.Path, JsonDocument.Parse(r.Body).RootElement.GetProperty("offset").GetInt32()))
            .ShouldBe([($"{Api}/jobs", 0), ($"{Api}/jobs", 20), ($"{Campus}/jobs", 0)]);
        DetailRequests.ShouldNotContain(r => r.Path.StartsWith($"{Campus}/job/Chennai/"));
    }

    [Fact]
    public async Task a_site_that_only_repeats_jobs_already_seen_does_not_end_the_listing_before_the_next_site()
    {
        Site.When(r => r.Path == "/wday/cxs/pwc/Repeats/jobs", SiteReply.Json("""
            {"total": 1, "jobPostings": [
              {"title": "Data Analyst", "externalPath": "/job/Chennai/Data-Analyst_562295WD", "locationsText": "Chennai", "postedOn": "Posted 30+ Days Ago"}
            ]}
            """));
        Site.When(r => r.Path == $"{Campus}/jobs", SiteReply.Json("""
            {"total": 1, "jobPostings": [
              {"title": "Tax Trainee", "externalPath": "/job/Pune/Tax-Trainee_R9002", "locationsText": "Pune", "postedOn": "Posted Today"}
            ]}
            """));
        Site.When(r => r.Path == $"{Campus}/job/Pune/Tax-Trainee_R9002", SiteReply.Json("""
            {"jobPostingInfo": {"title": "Tax Trainee", "jobDescription": "<p>Prepare income tax returns and computations for individual and corporate clients.</p>", "location": "Pune", "jobReqId": "R9002"}}
            """));

        var result = await ScrapeAsync(s => WithSites(s, "Global_Experienced_Careers", "Repeats", "Campus_Careers"));

        result.Postings.ShouldContain(p => p.ExternalId == "R9002");
        ListingRequests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task a_posting_listed_in_n_locations_is_judged_on_the_location_its_detail_gives()
    {
        Site.When(IsListing, SiteReply.Json("""
            {"total": 2, "jobPostings": [
              {"title": "Associate – Audit", "externalPath": "/job/New-York/Associate-Audit_R900001", "locationsText": "39 Locations", "postedOn": "Posted Today", "bulletFields": ["R900001"]},
              {"title": "Associate – Tax", "externalPath": "/job/Pune/Associate-Tax_R900002", "locationsText": "2 Locations", "postedOn": "Posted Today", "bulletFields": ["R900002"]}
            ], "facets": []}
            """));
        Site.When(r => r.Mentions("R900001"), SiteReply.Json("""
            {"jobPostingInfo": {"id": "a1", "title": "Associate – Audit", "jobDescription": "<p>Plan and perform audit procedures on revenue, receivables and inventory for listed clients.</p>", "location": "New York, NY, United States",
             "startDate": "2026-11-30", "externalUrl": "https://pwc.example/job/R900001", "jobReqId": "R900001"}}
            """));
        Site.When(r => r.Mentions("R900002"), SiteReply.Json("""
            {"jobPostingInfo": {"id": "a2", "title": "Associate – Tax", "jobDescription": "<p>Prepare direct tax computations, returns and transfer pricing documentation for clients.</p>", "location": "Pune, Maharashtra, India",
             "startDate": "2026-11-30", "externalUrl": "https://pwc.example/job/R900002", "jobReqId": "R900002"}}
            """));

        var result = await ScrapeAsync();

        var kept = result.Postings.ShouldHaveSingleItem();
        (kept.ExternalId, kept.Location).ShouldBe(("R900002", "Pune, Maharashtra, India"));
        var skipped = result.Skipped.ShouldHaveSingleItem();
        skipped.ExternalId.ShouldBe("R900001");
        skipped.Reason.ShouldBe("the detail page places it in New York, United States, outside India");
    }
}
