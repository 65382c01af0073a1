using System.Net;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Jobs;

public class when_enrichment_runs(ApiWithScriptedAi api) : IClassFixture<ApiWithScriptedAi>, IAsyncLifetime
{
    public Task InitializeAsync()
    {
        api.Ai.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task an_identical_description_copies_the_enrichment_without_calling_the_ai()
    {
        var provider = await api.Host.SignedUpProvider();
        var description = $"Identical posting {Guid.NewGuid()}: build dashboards in Power BI and SQL for audit analytics.";
        var first = await api.Host.PostedJob(provider, title: "Data Analyst", description: description);
        var callsAfterFirst = api.Ai.Calls;

        // Same words, different markup, spacing and case: the normalised hash matches.
        var second = await api.Host.PostedJob(provider, title: "Data Analyst (Pune)",
            description: "<p>" + description.ToUpperInvariant().Replace(" ", "  ") + "</p>");

        api.Ai.Calls.ShouldBe(callsAfterFirst);
        (await api.Host.JobEventTypes(second)).ShouldBe([typeof(JobPosted), typeof(JobDeduplicated), typeof(JobActivated)]);
        var copy = (await api.Host.JobDetails(second))!;
        var original = (await api.Host.JobDetails(first))!;
        copy.DeduplicatedFrom.ShouldBe(first);
        copy.PrepQuestions.ShouldBe(original.PrepQuestions);
        copy.EmbeddingModel.ShouldBe(original.EmbeddingModel);

        var admin = await api.Host.SignedInAdmin();
        var stats = await api.Host.Scenario(s => { s.Get.Url("/api/admin/jobs/stats"); s.As(admin); });
        stats.Json().GetProperty("ai_calls_saved").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task a_temporary_ai_failure_is_recorded_and_retried_later_with_backoff()
    {
        var provider = await api.Host.SignedUpProvider();
        api.Ai.FailNext(new EnrichmentUnavailableException("OpenAI answered 429 Too Many Requests"));

        Guid id = default;
        var tracked = await api.Host.ExecuteAndWaitAsync(async () => id = await api.Host.PostedJob(provider, title: "Flaky AI job " + Guid.NewGuid()), JobScenarios.EnrichmentTimeoutMs);

        var details = (await api.Host.JobDetails(id))!;
        details.Status.ShouldBe(JobStatus.Processing);
        details.FailedAttempts.ShouldBe(1);
        details.LastEnrichmentError!.ShouldContain("429");
        details.EnrichmentStatus.ShouldBe(EnrichmentStatus.Pending);

        // The retry waits in Wolverine's durable scheduled store; deliver it now rather than sleeping.
        await api.Host.InvokeMessageAndWaitAsync(new EnrichJob(id), JobScenarios.EnrichmentTimeoutMs);
        (await api.Host.JobEventTypes(id)).ShouldBe(
            [typeof(JobPosted), typeof(JobEnrichmentFailed), typeof(JobEnriched), typeof(JobEmbedded), typeof(JobActivated)]);
    }

    [Fact]
    public async Task failures_past_the_limit_leave_the_job_failed_visible_to_its_owner_and_admins_until_re_enriched()
    {
        var provider = await api.Host.SignedUpProvider();
        var seeker = await api.Host.SignedUpSeeker();
        var admin = await api.Host.SignedInAdmin();
        api.Ai.FailNext(
            new EnrichmentUnavailableException("500 from the AI"),
            new EnrichmentRejectedException("malformed JSON from the AI"),
            new EnrichmentUnavailableException("500 from the AI again"));

        var id = await api.Host.PostedJob(provider, title: "Always failing " + Guid.NewGuid());
        await api.Host.InvokeMessageAndWaitAsync(new EnrichJob(id), JobScenarios.EnrichmentTimeoutMs);
        await api.Host.InvokeMessageAndWaitAsync(new EnrichJob(id), JobScenarios.EnrichmentTimeoutMs);

        var failed = (await api.Host.JobDetails(id))!;
        failed.EnrichmentStatus.ShouldBe(EnrichmentStatus.Failed);
        failed.FailedAttempts.ShouldBe(3);
        failed.Status.ShouldBe(JobStatus.Processing);

        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{id}/details"); s.As(provider); });
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{id}/details"); s.As(admin); });
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{id}/details"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        var listing = await api.Host.Scenario(s => { s.Get.Url("/api/jobs/provider"); s.As(provider); });
        listing.Json()[0].GetProperty("enrichment_status").GetString().ShouldBe("failed");
        listing.Json()[0].GetProperty("last_enrichment_error").GetString()!.ShouldContain("500");

        await api.Host.ExecuteAndWaitAsync(() => api.Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl("/api/admin/jobs/reenrich");
            s.As(admin);
            s.StatusCodeShouldBe(HttpStatusCode.Accepted);
        }), JobScenarios.EnrichmentTimeoutMs);

        var recovered = (await api.Host.JobDetails(id))!;
        recovered.Status.ShouldBe(JobStatus.Active);
        recovered.EnrichmentStatus.ShouldBe(EnrichmentStatus.Enriched);
    }

    [Fact]
    public async Task a_re_enrichment_request_for_a_job_enriched_in_the_meantime_changes_nothing()
    {
        var provider = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider, title: "Already enriched " + Guid.NewGuid());
        var before = await api.Host.JobEventTypes(id);
        var calls = api.Ai.Calls;

        // What the bulk request queues for a job the read model still listed as incomplete.
        var admin = new Actor(Guid.NewGuid(), Role.Admin, "Root");
        await api.Host.InvokeMessageAndWaitAsync(new RequestJobReenrichment(id, admin, Force: false), JobScenarios.EnrichmentTimeoutMs);

        (await api.Host.JobEventTypes(id)).ShouldBe(before);
        api.Ai.Calls.ShouldBe(calls);
    }

    [Fact]
    public async Task a_job_whose_enrichment_failed_for_good_is_enriched_again_once_its_description_changes()
    {
        var provider = await api.Host.SignedUpProvider();
        api.Ai.FailNext(
            new EnrichmentUnavailableException("500 from the AI"),
            new EnrichmentUnavailableException("500 from the AI"),
            new EnrichmentUnavailableException("500 from the AI"));
        var id = await api.Host.PostedJob(provider, title: "Failed then edited " + Guid.NewGuid());
        await api.Host.InvokeMessageAndWaitAsync(new EnrichJob(id), JobScenarios.EnrichmentTimeoutMs);
        await api.Host.InvokeMessageAndWaitAsync(new EnrichJob(id), JobScenarios.EnrichmentTimeoutMs);
        (await api.Host.JobDetails(id))!.EnrichmentStatus.ShouldBe(EnrichmentStatus.Failed);

        await api.Host.ExecuteAndWaitAsync(() => api.Host.Scenario(s =>
        {
            s.Patch.Json(new { description_raw = $"A rewritten description {Guid.NewGuid()} about Go services and Kubernetes." }).ToUrl($"/api/jobs/{id}");
            s.As(provider);
        }), JobScenarios.EnrichmentTimeoutMs);

        var details = (await api.Host.JobDetails(id))!;
        details.Status.ShouldBe(JobStatus.Active);
        details.EnrichmentStatus.ShouldBe(EnrichmentStatus.Enriched);
        details.FailedAttempts.ShouldBe(0);
        var listing = await api.Host.Scenario(s => { s.Get.Url("/api/jobs/provider"); s.As(provider); });
        listing.Json()[0].GetProperty("enrichment_status").GetString().ShouldBe("enriched");
    }

    [Fact]
    public async Task only_admins_can_ask_for_re_enrichment()
    {
        var provider = await api.Host.SignedUpProvider();
        await api.Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl("/api/admin/jobs/reenrich");
            s.As(provider);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
    }

    [Fact]
    public async Task an_admin_can_re_enrich_one_complete_job_on_purpose()
    {
        var provider = await api.Host.SignedUpProvider();
        var admin = await api.Host.SignedInAdmin();
        var id = await api.Host.PostedJob(provider, title: "Re-enrich me " + Guid.NewGuid());

        await api.Host.ExecuteAndWaitAsync(() => api.Host.Scenario(s =>
        {
            s.Post.Json(new { job_id = id }).ToUrl("/api/admin/jobs/reenrich");
            s.As(admin);
            s.StatusCodeShouldBe(HttpStatusCode.Accepted);
        }), JobScenarios.EnrichmentTimeoutMs);

        (await api.Host.JobEventTypes(id)).Count(t => t == typeof(JobEnriched)).ShouldBe(2);
    }
}
