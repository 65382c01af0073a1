using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Api.Jobs.Enrichment;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Jobs;

public class when_editing_a_job_concurrently(ApiWithScriptedAi api) : IClassFixture<ApiWithScriptedAi>, IAsyncLifetime
{
    private const int Writers = 8;
    private static readonly int[] Answers = [200, 409, 412];

    public Task InitializeAsync()
    {
        api.Ai.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Description(string marker) =>
        $"{JobScenarios.NodeDescription} Edited by writer {marker}, with its own requirements for this release.";

    [Fact]
    public async Task eight_simultaneous_edits_without_if_match_queue_up_and_the_last_one_is_what_remains()
    {
        var owner = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(owner, title: "Contended role");
        var updatesBefore = (await api.Host.JobEventTypes(id)).Count(t => t == typeof(JobUpdated));

        IScenarioResult[] results = [];
        // Half of the writers change the description too, so enrichments of older descriptions race the later edits.
        await api.Host.ExecuteAndWaitAsync(async () => results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i =>
            api.Host.Scenario(s =>
            {
                s.Patch.Json(i % 2 == 0
                        ? new { title = $"Contended role {i}", description_raw = Description(i.ToString()) }
                        : (object)new { title = $"Contended role {i}" })
                    .ToUrl($"/api/jobs/{id}");
                s.As(owner);
                s.IgnoreStatusCode();
            }))), timeoutInMilliseconds: 60_000);

        var statuses = results.Select(r => r.Context.Response.StatusCode).ToList();
        statuses.ShouldAllBe(status => Answers.Contains(status));
        // Nothing was sent as If-Match and every edit waited for the previous one: all of them applied.
        statuses.ShouldAllBe(status => status == 200);

        var stream = await Stream(id);
        var updates = stream.Select(e => e.Data).OfType<JobUpdated>().ToList();
        updates.Count.ShouldBe(updatesBefore + Writers);
        var details = (await api.Host.JobDetails(id))!;
        details.Title.ShouldBe(updates[^1].Title);
        details.DescriptionRaw.ShouldBe(updates[^1].DescriptionRaw);
        details.StreamVersion.ShouldBe(stream[^1].Version);

        // The enrichment that stays is the one of the description that stays.
        details.EnrichmentStatus.ShouldBe(EnrichmentStatus.Enriched);
        stream.Select(e => e.Data).OfType<JobEnriched>().Last().DescriptionHash.ShouldBe(details.DescriptionHash);
    }

    [Fact]
    public async Task eight_simultaneous_edits_from_the_same_version_let_one_win_and_refuse_the_others_as_stale()
    {
        var owner = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(owner, title: "Versioned role");
        var etag = (await Details(id, owner)).Context.Response.Headers.ETag.ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => api.Host.Scenario(s =>
        {
            s.Patch.Json(new { title = $"Versioned role {i}" }).ToUrl($"/api/jobs/{id}");
            s.WithRequestHeader("If-Match", etag);
            s.As(owner);
            s.IgnoreStatusCode();
        })));

        var statuses = results.Select(r => r.Context.Response.StatusCode).ToList();
        statuses.ShouldAllBe(status => Answers.Contains(status));
        var winners = results.Where(r => r.Context.Response.StatusCode == 200).ToList();
        winners.Count.ShouldBe(1);

        var details = (await api.Host.JobDetails(id))!;
        details.Title.ShouldBe(winners[0].Json().GetProperty("title").GetString());
        (await Stream(id)).Select(e => e.Data).OfType<JobUpdated>().ShouldHaveSingleItem().Title.ShouldBe(details.Title);
        results.Where(r => r.Context.Response.StatusCode == 412)
            .ShouldAllBe(r => r.Detail().Contains($"the current version is {details.StreamVersion}"));
    }

    [Fact]
    public async Task the_etag_of_the_job_page_is_its_stream_version_and_moves_with_each_edit()
    {
        var owner = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(owner, title: "Tagged role");
        var version = (await Stream(id))[^1].Version;

        var before = await Details(id, owner);
        before.Context.Response.Headers.ETag.ToString().ShouldBe($"\"{version}\"");
        before.Json().GetProperty("version").GetInt64().ShouldBe(version);

        var edited = await api.Host.Scenario(s =>
        {
            s.Patch.Json(new { location = "Hyderabad" }).ToUrl($"/api/jobs/{id}");
            s.WithRequestHeader("If-Match", $"\"{version}\"");
            s.As(owner);
        });
        edited.Context.Response.Headers.ETag.ToString().ShouldBe($"\"{version + 1}\"");
        edited.Json().GetProperty("version").GetInt64().ShouldBe(version + 1);
        edited.Json().GetProperty("location").GetString().ShouldBe("Hyderabad");
        edited.Json().GetProperty("reenrichment_queued").GetBoolean().ShouldBeFalse();

        (await Details(id, owner)).Context.Response.Headers.ETag.ToString().ShouldBe($"\"{version + 1}\"");
        var listing = (await api.Host.Scenario(s => { s.Get.Url("/api/jobs/provider"); s.As(owner); })).Json()[0];
        listing.GetProperty("stream_version").GetInt64().ShouldBe(version + 1);
    }

    [Fact]
    public async Task an_edit_from_a_stale_version_is_412_naming_the_current_version()
    {
        var owner = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(owner, title: "Stale role");
        var seen = (await Details(id, owner)).Context.Response.Headers.ETag.ToString();

        await api.Host.Scenario(s => { s.Patch.Json(new { title = "First edit" }).ToUrl($"/api/jobs/{id}"); s.WithRequestHeader("If-Match", seen); s.As(owner); });
        var current = (await api.Host.JobDetails(id))!.StreamVersion;

        var stale = await api.Host.Scenario(s =>
        {
            s.Patch.Json(new { title = "Second edit from the old page" }).ToUrl($"/api/jobs/{id}");
            s.WithRequestHeader("If-Match", seen);
            s.As(owner);
            s.StatusCodeShouldBe(HttpStatusCode.PreconditionFailed);
        });
        stale.Detail().ShouldContain($"the current version is {current}");
        stale.Context.Response.Headers.ETag.ToString().ShouldBe($"\"{current}\"");
        (await api.Host.JobDetails(id))!.Title.ShouldBe("First edit");

        await api.Host.Scenario(s =>
        {
            s.Delete.Url($"/api/jobs/{id}");
            s.WithRequestHeader("If-Match", seen);
            s.As(owner);
            s.StatusCodeShouldBe(HttpStatusCode.PreconditionFailed);
        });
        (await api.Host.JobDetails(id))!.Status.ShouldBe(JobStatus.Active);
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task a_malformed_if_match_is_400(string method)
    {
        var owner = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(owner, title: "Malformed precondition");

        var result = await api.Host.Scenario(s =>
        {
            if (method == "PATCH") s.Patch.Json(new { title = "Never applied" }).ToUrl($"/api/jobs/{id}");
            else s.Delete.Url($"/api/jobs/{id}");
            s.WithRequestHeader("If-Match", "version seven");
            s.As(owner);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        result.Detail().ShouldContain("If-Match");
        (await api.Host.JobDetails(id))!.Status.ShouldBe(JobStatus.Active);
    }

    [Fact]
    public async Task a_job_archived_right_after_it_was_posted_stays_archived_whatever_its_enrichment_does()
    {
        var owner = await api.Host.SignedUpProvider();
        var ids = new List<Guid>();
        var deletes = new List<int>();

        await api.Host.ExecuteAndWaitAsync(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                var posted = await api.Host.Scenario(s =>
                {
                    s.Post.Json(new { title = $"Short-lived role {i}", description_raw = Description(Guid.NewGuid().ToString("N")) }).ToUrl("/api/jobs");
                    s.As(owner);
                    s.StatusCodeShouldBe(HttpStatusCode.Accepted);
                });
                var id = posted.Json().GetProperty("id").GetGuid();
                ids.Add(id);
                var deleted = await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{id}"); s.As(owner); s.IgnoreStatusCode(); });
                deletes.Add(deleted.Context.Response.StatusCode);
            }
        }, timeoutInMilliseconds: 60_000);

        deletes.ShouldAllBe(status => status == 200);
        foreach (var id in ids)
        {
            (await api.Host.JobDetails(id))!.Status.ShouldBe(JobStatus.Archived);
            var types = (await api.Host.JobEventTypes(id)).ToList();
            types.Count(t => t == typeof(JobArchived)).ShouldBe(1);
            types.Skip(types.IndexOf(typeof(JobArchived)) + 1).ShouldNotContain(typeof(JobActivated));
        }
    }

    [Fact]
    public async Task archiving_twice_records_one_archive_and_answers_the_same()
    {
        var owner = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(owner, title: "Archived twice");

        var first = await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{id}"); s.As(owner); });
        var second = await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{id}"); s.As(owner); });

        first.Json().GetProperty("status").GetString().ShouldBe("archived");
        second.Json().GetProperty("version").GetInt64().ShouldBe(first.Json().GetProperty("version").GetInt64());
        second.Context.Response.Headers.ETag.ToString().ShouldBe(first.Context.Response.Headers.ETag.ToString());
        (await api.Host.JobEventTypes(id)).Count(t => t == typeof(JobArchived)).ShouldBe(1);
    }

    [Fact]
    public async Task an_enrichment_result_for_a_description_that_has_since_changed_is_dropped()
    {
        var owner = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(owner, title: "Moving target");
        var before = await api.Host.JobEventTypes(id);
        var enrichment = new JobEnrichment([], [], ["Go"], new SalaryRange("INR", 1, 2, "year", "₹1 – ₹2"), "Senior", "None");

        await api.Host.InvokeMessageAndWaitAsync(
            new RecordEnrichment(id, Force: true, DescriptionHash: "an-older-hash", enrichment, "ai", "model", [0.1f]), JobScenarios.EnrichmentTimeoutMs);
        await api.Host.InvokeMessageAndWaitAsync(
            new RecordEnrichmentFailure(id, Force: false, DescriptionHash: "an-older-hash", "late failure"), JobScenarios.EnrichmentTimeoutMs);

        (await api.Host.JobEventTypes(id)).ShouldBe(before);
    }

    [Fact]
    public async Task events_appended_outside_the_aggregate_workflow_still_move_the_etag()
    {
        var owner = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(owner, title: "Seen again");

        // Ingestion appends JobSeenAgain straight to the stream, without loading the job first.
        await using (var session = api.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.Append(id, new JobSeenAgain(Guid.NewGuid(), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var version = (await Stream(id))[^1].Version;
        (await api.Host.JobDetails(id))!.StreamVersion.ShouldBe(version);
        (await Details(id, owner)).Context.Response.Headers.ETag.ToString().ShouldBe($"\"{version}\"");
    }

    private Task<IScenarioResult> Details(Guid id, SignedIn user) =>
        api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{id}/details"); s.As(user); });

    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> Stream(Guid id)
    {
        await using var session = api.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }
}
