using System.Net;
using Alba;
using Npgsql;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Jobs;

/// <summary>A provider posts and edits a Markdown description: the job page shows its structure, search reads its text.</summary>
public class when_a_provider_writes_markdown(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Hostile = "\n\n<script>alert('x')</script> [click](javascript:alert(1)) ![pixel](https://evil.example/p.png)";

    [Fact]
    public async Task the_job_page_gets_headings_lists_and_links_and_nothing_hostile()
    {
        var provider = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider, title: "Markdown Payments Engineer", description: markdown_descriptions.Posted + Hostile);

        var html = (await Details(id, provider)).Json().GetProperty("description_html").GetString()!;

        html.ShouldContain("<h2>What you will do</h2>");
        html.ShouldContain("<ul>\n<li>Design REST endpoints in <em>C#</em></li>");
        html.ShouldContain("<a href=\"https://example.com/blog\"");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("javascript:");
        html.ShouldNotContain("<img");
    }

    [Fact]
    public async Task search_reads_the_rendered_text_not_the_markdown()
    {
        var provider = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider, title: "Markdown Search Engineer", description: markdown_descriptions.Posted);

        var text = (string)(await Scalar($"SELECT description FROM ottobon.job_search_index WHERE job_id = '{id}'"))!;

        text.ShouldContain("We build payment APIs for banks.");
        foreach (var syntax in new[] { "## ", "**", "](", "*C#*" }) text.ShouldNotContain(syntax);
    }

    [Fact]
    public async Task an_edit_renders_the_new_markdown_and_a_stale_version_is_refused()
    {
        var provider = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider, title: "Markdown Editor");
        var etag = (await Details(id, provider)).Context.Response.Headers.ETag.ToString();

        await api.Host.ExecuteAndWaitAsync(() => api.Host.Scenario(s =>
        {
            s.Patch.Json(new { description_raw = markdown_descriptions.Posted }).ToUrl($"/api/jobs/{id}");
            s.WithRequestHeader("If-Match", etag);
            s.As(provider);
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        }), JobScenarios.EnrichmentTimeoutMs);
        (await Details(id, provider)).Json().GetProperty("description_html").GetString().ShouldNotBeNull().ShouldContain("<h2>How to apply</h2>");

        var stale = await api.Host.Scenario(s =>
        {
            s.Patch.Json(new { description_raw = "## Overwritten\nby a tab that loaded the job before the edit." }).ToUrl($"/api/jobs/{id}");
            s.WithRequestHeader("If-Match", etag);
            s.As(provider);
            s.StatusCodeShouldBe(HttpStatusCode.PreconditionFailed);
        });
        stale.ReadAsText().ShouldContain("version");
        (await api.Host.JobDetails(id))!.DescriptionHtml.ShouldNotContain("Overwritten");
    }

    [Fact]
    public async Task another_provider_cannot_edit_the_description()
    {
        var owner = await api.Host.SignedUpProvider();
        var stranger = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(owner, title: "Markdown Owned Role");

        await api.Host.Scenario(s =>
        {
            s.Patch.Json(new { description_raw = "## Hijacked\nA description someone else wrote for this job." }).ToUrl($"/api/jobs/{id}");
            s.As(stranger);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        (await api.Host.JobDetails(id))!.DescriptionRaw.ShouldNotContain("Hijacked");
    }

    private Task<IScenarioResult> Details(Guid id, SignedIn user) =>
        api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{id}/details"); s.As(user); });

    private async Task<object?> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
