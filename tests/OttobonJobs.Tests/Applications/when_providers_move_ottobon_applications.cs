using System.Net;
using Alba;
using OttobonJobs.Api.Applications;
using OttobonJobs.Api.Notifications;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Tests.Applicants;
using OttobonJobs.Tests.Support;
using Wolverine;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Applications;

public class when_providers_move_ottobon_applications(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<(SignedIn Provider, Guid Job, SignedIn Seeker, Guid Candidacy)> Applied()
    {
        var provider = await api.Host.SignedUpProvider();
        var job = await api.Host.PostedJob(provider);
        var seeker = await api.Host.SeekerWithResume();
        var (result, _) = await api.Host.Applied(seeker, job);
        return (provider, job, seeker, result.Json().GetProperty("id").GetGuid());
    }

    private async Task<ITrackedSession> ProviderMoved(SignedIn provider, Guid candidacy, string stage) =>
        await api.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            await api.Host.Scenario(s => { s.Post.Json(new { stage }).ToUrl($"/api/applicants/{candidacy}/stage"); s.As(provider); })));

    [Fact]
    public async Task an_application_through_ottobon_lands_on_the_tracker()
    {
        var (_, job, seeker, _) = await Applied();

        var listed = (await api.Host.Tracker(seeker)).EnumerateArray().Single();

        listed.GetProperty("id").GetGuid().ShouldBe(ApplicationIds.For(seeker.Id, job));
        (listed.GetProperty("stage").GetString(), listed.GetProperty("channel").GetString(), listed.GetProperty("provider_stage").GetString())
            .ShouldBe(("applied", "ottobon", "new"));
    }

    [Fact]
    public async Task a_shortlist_reaches_the_tracker_with_one_notification_and_an_interview_moves_it()
    {
        var (provider, job, seeker, candidacy) = await Applied();
        var id = ApplicationIds.For(seeker.Id, job);

        var tracked = await ProviderMoved(provider, candidacy, "shortlisted");

        tracked.Cascaded<NotifyUser>().ShouldHaveSingleItem().DedupKey.ShouldBe($"{id:N}:2");
        var summary = (await api.Host.Tracker(seeker)).EnumerateArray().Single();
        (summary.GetProperty("stage").GetString(), summary.GetProperty("provider_stage").GetString()).ShouldBe(("applied", "shortlisted"));
        var notifications = (await api.Host.Notifications(seeker)).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "application_stage_changed").ToList();
        var notification = notifications.ShouldHaveSingleItem();
        notification.GetProperty("title").GetString().ShouldBe("Junior Node.js Backend Developer: Shortlisted");
        notification.GetProperty("link").GetString().ShouldBe($"/applications/{id}");

        await ProviderMoved(provider, candidacy, "interview");
        var detail = await api.Host.ApplicationDetail(seeker, id);
        (detail.GetProperty("stage").GetString(), detail.GetProperty("provider_stage").GetString(), detail.GetProperty("interview_rounds").GetInt32())
            .ShouldBe(("interviewing", "interview", 1));
        detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("actor").GetString().ShouldBe("provider");
    }

    [Fact]
    public async Task a_redelivered_provider_move_changes_nothing_and_notifies_nobody()
    {
        var (provider, job, seeker, candidacy) = await Applied();
        var moved = new ApplicantStageMovedByProvider(seeker.Id, job, "shortlisted", DateTimeOffset.UtcNow);
        await api.Host.InvokeMessageAndWaitAsync(moved);

        var again = await api.Host.InvokeMessageAndWaitAsync(moved);

        again.Cascaded<NotifyUser>().ShouldBeEmpty();
        (await api.Host.ApplicationDetail(seeker, ApplicationIds.For(seeker.Id, job))).GetProperty("version").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task withdrawing_in_the_tracker_removes_the_providers_resume_access()
    {
        var (provider, job, seeker, candidacy) = await Applied();
        var id = ApplicationIds.For(seeker.Id, job);

        IScenarioResult withdrawn = null!;
        var tracked = await api.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            withdrawn = await api.Host.Moved(seeker, id, new { stage = "withdrawn", note = "Took another offer" })));

        withdrawn.Json().GetProperty("stage").GetString().ShouldBe("withdrawn");
        tracked.Cascaded<SeekerWithdrewApplication>().ShouldHaveSingleItem().JobId.ShouldBe(job);
        var link = await api.Host.Scenario(s => { s.Get.Url($"/api/applicants/{candidacy}/resume-link"); s.As(provider); s.StatusCodeShouldBe(HttpStatusCode.Gone); });
        link.Detail().ShouldContain("no longer shared");
        // A move that was already on its way when the seeker withdrew no longer changes the tracker.
        var late = await api.Host.InvokeMessageAndWaitAsync(new ApplicantStageMovedByProvider(seeker.Id, job, "rejected", DateTimeOffset.UtcNow));
        late.Cascaded<NotifyUser>().ShouldBeEmpty();
        (await api.Host.ApplicationDetail(seeker, id)).GetProperty("stage").GetString().ShouldBe("withdrawn");
    }
}
