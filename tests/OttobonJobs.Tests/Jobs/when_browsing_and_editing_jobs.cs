using System.Net;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Jobs;

public class when_browsing_and_editing_jobs(ApiWithScriptedAi api) : IClassFixture<ApiWithScriptedAi>
{
    [Fact]
    public async Task the_feed_lists_active_jobs_newest_first_as_lightweight_items()
    {
        var provider = await api.Host.SignedUpProvider();
        var company = "Feedco " + Guid.NewGuid().ToString("N")[..6];
        var older = await api.Host.PostedJob(provider, title: "Older role", company: company);
        var newer = await api.Host.PostedJob(provider, title: "Newer role", company: company);
        api.Ai.FailNext(new OttobonJobs.Domain.Jobs.Enrichment.EnrichmentUnavailableException("down"));
        var processing = await api.Host.PostedJob(provider, title: "Still processing", company: company);

        var result = await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?company={Uri.EscapeDataString(company)}"));
        var items = result.Json().GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("id").GetGuid()).ShouldBe([newer, older]);
        items.ShouldNotContain(i => i.GetProperty("id").GetGuid() == processing);

        var card = items[0];
        foreach (var field in new[] { "id", "title", "company_name", "location", "skills_required", "salary_range", "status", "created_at", "external_apply_url" })
            card.TryGetProperty(field, out _).ShouldBeTrue(field);
        card.TryGetProperty("description_raw", out _).ShouldBeFalse();
        result.Json().GetProperty("has_more").GetBoolean().ShouldBeFalse();
        result.Json().TryGetProperty("total", out _).ShouldBeFalse("the feed does not count every match");
    }

    [Fact]
    public async Task the_feed_pages_and_filters_as_you_type()
    {
        var provider = await api.Host.SignedUpProvider();
        var marker = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++) await api.Host.PostedJob(provider, title: $"Paged {marker} role {i}");

        var first = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?q={marker}&limit=1"))).Json();
        first.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe($"Paged {marker} role 2");
        var cursor = Uri.EscapeDataString(first.GetProperty("next_cursor").GetString()!);
        var page = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?q={marker}&limit=1&cursor={cursor}"))).Json();
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        page.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe($"Paged {marker} role 1");
        page.GetProperty("has_more").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("cursor=-1")]
    [InlineData("limit=abc")]
    public async Task out_of_range_paging_is_rejected(string query)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url($"/api/jobs/feed?{query}");
            s.IgnoreStatusCode();
        });
        result.Context.Response.StatusCode.ShouldBeOneOf(400, 422);
        result.Detail().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task hostile_html_in_a_description_is_served_as_text_never_as_markup()
    {
        var provider = await api.Host.SignedUpProvider();
        var hostile = "<p onclick=\"steal()\">Build <b>APIs</b> with us.</p><script>alert('x')</script>" +
                      "<a href=\"javascript:alert(1)\">apply</a><img src=x onerror=alert(1)> [real link](https://example.com/apply)";
        var id = await api.Host.PostedJob(provider, title: "Hostile markup", description: hostile);

        var html = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/{id}/details"))).Json().GetProperty("description_html").GetString()!;
        // A posted description is Markdown: the HTML typed into it reads as the text it is.
        html.ShouldContain("&lt;b&gt;APIs&lt;/b&gt;");
        var elements = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!.QuerySelectorAll("*").ToList();
        elements.Select(e => e.LocalName).ShouldAllBe(name => name == "p" || name == "a");
        elements.SelectMany(e => e.Attributes).ShouldAllBe(a => !a.Name.StartsWith("on"));
        elements.Where(e => e.LocalName == "a").Select(e => e.GetAttribute("href")).ShouldBe(["https://example.com/apply"]);
    }

    [Fact]
    public async Task an_unknown_job_is_404()
    {
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{Guid.NewGuid()}/details"); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
    }

    [Fact]
    public async Task the_owner_edits_a_job_and_a_new_description_is_enriched_again()
    {
        var provider = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider, title: "Editable role");

        var unchanged = await api.Host.ExecuteAndWaitAsync(() => api.Host.Scenario(s =>
        {
            s.Patch.Json(new { title = "Editable role (renamed)" }).ToUrl($"/api/jobs/{id}");
            s.As(provider);
        }), JobScenarios.EnrichmentTimeoutMs);
        (await api.Host.JobDetails(id))!.Title.ShouldBe("Editable role (renamed)");
        (await api.Host.JobEventTypes(id)).Count(t => t == typeof(JobEnriched)).ShouldBe(1);

        await api.Host.ExecuteAndWaitAsync(() => api.Host.Scenario(s =>
        {
            s.Patch.Json(new { description_raw = "A completely different description about Kubernetes and Go services." }).ToUrl($"/api/jobs/{id}");
            s.As(provider);
        }), JobScenarios.EnrichmentTimeoutMs);
        (await api.Host.JobEventTypes(id)).Count(t => t == typeof(JobEnriched)).ShouldBe(2);
        (await api.Host.JobDetails(id))!.EnrichmentStatus.ShouldBe("enriched");
    }

    [Fact]
    public async Task other_providers_cannot_edit_or_archive_but_admins_can()
    {
        var owner = await api.Host.SignedUpProvider();
        var stranger = await api.Host.SignedUpProvider();
        var admin = await api.Host.SignedInAdmin();
        var id = await api.Host.PostedJob(owner, title: "Guarded role");

        await api.Host.Scenario(s => { s.Patch.Json(new { title = "Hijacked" }).ToUrl($"/api/jobs/{id}"); s.As(stranger); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{id}"); s.As(stranger); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
        (await api.Host.JobDetails(id))!.Title.ShouldBe("Guarded role");

        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{id}"); s.As(admin); });
        (await api.Host.JobDetails(id))!.Status.ShouldBe(JobStatus.Archived);
    }

    [Fact]
    public async Task an_archived_job_leaves_the_feed_and_is_hidden_from_seekers_but_not_its_owner()
    {
        var owner = await api.Host.SignedUpProvider();
        var seeker = await api.Host.SignedUpSeeker();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var id = await api.Host.PostedJob(owner, title: $"Archivable {marker}");

        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{id}"); s.As(owner); });

        var feed = await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?q={marker}"));
        feed.Json().GetProperty("items").GetArrayLength().ShouldBe(0);
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{id}/details"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        var own = await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{id}/details"); s.As(owner); });
        own.Json().GetProperty("status").GetString().ShouldBe("archived");
        await api.Host.Scenario(s => { s.Patch.Json(new { title = "Back from the dead" }).ToUrl($"/api/jobs/{id}"); s.As(owner); s.StatusCodeShouldBe(HttpStatusCode.Conflict); });
    }

    [Fact]
    public async Task visitors_without_an_account_open_active_jobs_only()
    {
        var owner = await api.Host.SignedUpProvider();
        var active = await api.Host.PostedJob(owner, title: "Open to visitors");
        var archived = await api.Host.PostedJob(owner, title: "Archived before a visitor came");
        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{archived}"); s.As(owner); });
        api.Ai.FailNext(new OttobonJobs.Domain.Jobs.Enrichment.EnrichmentUnavailableException("down"));
        var processing = await api.Host.PostedJob(owner, title: "Not ready for visitors");

        var open = await api.Host.Scenario(s => s.Get.Url($"/api/jobs/{active}/details"));
        open.Json().GetProperty("title").GetString().ShouldBe("Open to visitors");
        foreach (var hidden in new[] { archived, processing })
        {
            var refused = await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{hidden}/details"); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
            refused.Detail().ShouldNotBeNullOrWhiteSpace();
        }
    }
}
