using System.Net;
using Marten;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Jobs;

public class when_a_provider_posts_a_job(ApiWithScriptedAi api) : IClassFixture<ApiWithScriptedAi>
{
    [Fact]
    public async Task it_is_accepted_enriched_embedded_and_activated()
    {
        var provider = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider);

        (await api.Host.JobEventTypes(id)).ShouldBe([typeof(JobPosted), typeof(JobEnriched), typeof(JobEmbedded), typeof(JobActivated)]);

        var details = await api.Host.Scenario(s => s.Get.Url($"/api/jobs/{id}/details"));
        var job = details.Json();
        job.GetProperty("status").GetString().ShouldBe("active");
        job.GetProperty("prep_guide_generated").GetProperty("prep_questions").GetArrayLength().ShouldBe(5);
        job.GetProperty("resume_guide_generated").GetProperty("resume_guide").GetArrayLength().ShouldBe(5);
        job.GetProperty("salary_range").GetProperty("currency").GetString().ShouldBe("INR");
        job.GetProperty("skills_required").EnumerateArray().Select(s => s.GetString()).ShouldContain("Node.js");
        job.GetProperty("enrichment").GetProperty("embedding_model").GetString().ShouldBe("all-MiniLM-L6-v2");
    }

    [Fact]
    public async Task the_accepted_response_carries_the_id_and_a_message()
    {
        var provider = await api.Host.SignedUpProvider();
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { title = "Audit Associate", description_raw = "Support statutory audits under Ind AS for listed clients.", skills_required = new[] { "Audit" } })
                .ToUrl("/api/jobs");
            s.As(provider);
            s.StatusCodeShouldBe(HttpStatusCode.Accepted);
        });
        result.Json().GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
        result.Json().GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task the_vector_row_has_the_models_dimensions()
    {
        var provider = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider);

        await using var session = api.Store.QuerySession();
        var rows = await session.AdvancedSql.QueryAsync<int>(
            $"select vector_dims(embedding) from ottobon.{JobSearchIndexProjection.TableName} where job_id = ? and active and embedding_model = 'all-MiniLM-L6-v2'",
            CancellationToken.None, id);
        rows.ShouldBe([384]);
    }

    [Fact]
    public async Task the_provider_sees_it_in_their_listings_and_other_providers_do_not()
    {
        var provider = await api.Host.SignedUpProvider();
        var other = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider);

        var mine = await api.Host.Scenario(s => { s.Get.Url("/api/jobs/provider"); s.As(provider); });
        var listing = mine.Json().EnumerateArray().ShouldHaveSingleItem();
        listing.GetProperty("id").GetGuid().ShouldBe(id);
        listing.GetProperty("status").GetString().ShouldBe("active");

        var theirs = await api.Host.Scenario(s => { s.Get.Url("/api/jobs/provider"); s.As(other); });
        theirs.Json().GetArrayLength().ShouldBe(0);
    }

    public static TheoryData<object, string> InvalidJobs => new()
    {
        { new { title = "QA", description_raw = "A long enough description of the role here." }, "title" },
        { new { title = "QA Engineer", description_raw = "Too short" }, "description_raw" },
        { new { description_raw = "A long enough description of the role here." }, "title" },
        { new { title = "QA Engineer" }, "description_raw" },
        { new { title = "QA Engineer", description_raw = "A long enough description of the role here.", skills_required = new[] { " " } }, "skill" },
    };

    [Theory, MemberData(nameof(InvalidJobs))]
    public async Task invalid_posts_are_422_and_record_nothing(object body, string field)
    {
        var provider = await api.Host.SignedUpProvider();
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/jobs");
            s.As(provider);
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        result.Detail().ShouldContain(field);

        await using var session = api.Store.QuerySession();
        (await session.Query<ProviderListing>().Where(l => l.OwnerId == provider.Id).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task seekers_cannot_post_and_anonymous_callers_must_sign_in()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var body = new { title = "QA Engineer", description_raw = "A long enough description of the role here." };
        await api.Host.Scenario(s => { s.Post.Json(body).ToUrl("/api/jobs"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
        await api.Host.Scenario(s => { s.Post.Json(body).ToUrl("/api/jobs"); s.StatusCodeShouldBe(HttpStatusCode.Unauthorized); });
    }

    [Fact]
    public async Task admins_may_post_too()
    {
        var admin = await api.Host.SignedInAdmin();
        var id = await api.Host.PostedJob(admin, title: "Tax Analyst", description: "Prepare GST returns and reconcile input tax credit for clients in Mumbai.");
        (await api.Host.JobDetails(id))!.Status.ShouldBe(JobStatus.Active);
    }
}
