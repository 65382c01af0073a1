using System.Net;
using Alba;
using OttobonJobs.Api.SavedSearches;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Notifications;
using OttobonJobs.Tests.Ingestion;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.SavedSearches;

/// <summary>
/// The alerts end to end, on the scripted career sites: every search is isolated by a word only its own test's
/// postings carry. The notification and email handlers are other features: the tests assert what is asked of them.
/// </summary>
public class when_new_jobs_match_saved_searches(ApiWithScriptedSites api) : IClassFixture<ApiWithScriptedSites>
{
    // Generous: the whole pipeline (scrape, enrich, evaluate) on cores shared with the rest of the suite.
    private const int Patience = 120_000;

    private static string Word() => $"w{Guid.NewGuid():N}"[..10];

    private async Task<(Guid RunId, ITrackedSession Tracked)> Ingested(params ScrapedPostingSpec[] postings)
    {
        var admin = await api.Host.SignedInAdmin();
        api.Alpha.Lists(postings.Select(p => p.Describe(ScriptedScraper.Posting(p.ExternalId, p.Title))).ToArray());
        Guid runId = default;
        var tracked = await api.Host.ExecuteAndWaitAsync(async () =>
        {
            var result = await api.Host.Scenario(s =>
            {
                s.Post.Url("/api/admin/ingest/alpha");
                s.As(admin);
                s.StatusCodeShouldBe(HttpStatusCode.Accepted);
            });
            runId = result.Json().GetProperty("run_id").GetGuid();
        }, timeoutInMilliseconds: Patience);
        return (runId, tracked);
    }

    private record ScrapedPostingSpec(string ExternalId, string Title)
    {
        // The scripted description speaks of audit teams: a nurse's posting must not, or a search by meaning for audit
        // work may fairly find it.
        public ScrapedPosting Describe(ScrapedPosting posting) => Title == StaffNurse
            ? posting with { DescriptionHtml = $"<p>Care for patients on the hospital ward {ExternalId}, give medicines on time and keep nursing charts.</p>" }
            : posting;
    }

    private const string StaffNurse = "Staff Nurse";

    /// <summary>A posting whose external id (and so its title, "{title} {external id}") carries the test's word.</summary>
    private static ScrapedPostingSpec Posting(string word, string title = "Audit Associate") => new($"{word}-{Guid.NewGuid():N}"[..20], title);

    private static object Browse(string q, string frequency = "instant") => new { name = $"Search {q}", kind = "browse", filters = new { q }, frequency };

    [Fact]
    public async Task an_ingestion_run_alerts_each_matching_instant_search_once_with_all_its_new_jobs_and_a_redelivery_alerts_nobody()
    {
        var (word, other) = (Word(), Word());
        var seeker = await api.Host.SignedUpSeeker();
        var bystander = await api.Host.SignedUpSeeker();
        var matching = await api.Host.SavedSearch(seeker, Browse(word));
        var second = await api.Host.SavedSearch(bystander, Browse(word));
        await api.Host.SavedSearch(seeker, Browse(Word()));          // matches nothing of this run
        await api.Host.SavedSearch(bystander, Browse(word, "off"));  // matches, but alerts are off

        var (runId, tracked) = await Ingested(Posting(word), Posting(word), Posting(word), Posting(other, "Tax Analyst"), Posting(other, "Tax Analyst"));

        var notification = tracked.Notifications(seeker.Id).ShouldHaveSingleItem();
        notification.Kind.ShouldBe(NotificationKinds.NewMatchingJobs);
        notification.Title.ShouldBe($"3 new jobs for \"Search {word}\"");
        notification.Link.ShouldBe($"/saved-searches/{matching}");
        notification.DedupKey.ShouldBe(SavedSearchIds.AlertKey(matching, runId));
        var email = tracked.AlertEmails(seeker.Id).ShouldHaveSingleItem();
        (email.SavedSearchId, email.IsDigest, email.Jobs.Count).ShouldBe((matching, false, 3));
        email.Jobs.ShouldAllBe(j => j.Title.StartsWith($"Audit Associate {word}") && j.Company == "Alpha & Co");

        tracked.Notifications(bystander.Id).ShouldHaveSingleItem().Link.ShouldBe($"/saved-searches/{second}");
        tracked.AlertEmails(bystander.Id).ShouldHaveSingleItem().SavedSearchId.ShouldBe(second);

        var listed = (await api.Host.SavedSearchCall(seeker, HttpMethod.Get, "/api/saved-searches", null, HttpStatusCode.OK)).Json().Only(matching);
        listed.GetProperty("new_matches").GetInt32().ShouldBe(3);
        listed.GetProperty("last_alert_at").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);

        // The trigger again, twice over (the run's batch and the collection that sends it): nothing new.
        var batchIds = email.Jobs.Select(j => j.JobId).ToList();
        var again = await api.Host.ExecuteAndWaitAsync(async bus =>
        {
            await bus.PublishAsync(new NewJobsBecameActive(runId, batchIds));
            await bus.PublishAsync(new CollectRunActivations(runId));
        }, Patience);
        again.Notifications(seeker.Id).ShouldBeEmpty();
        again.AlertEmails(seeker.Id).ShouldBeEmpty();
        again.Notifications(bystander.Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_providers_job_alerts_once_it_is_enriched_and_active()
    {
        var word = Word();
        var seeker = await api.Host.SignedUpSeeker();
        var provider = await api.Host.SignedUpProvider();
        var search = await api.Host.SavedSearch(seeker, Browse(word));

        Guid jobId = default;
        var tracked = await api.Host.ExecuteAndWaitAsync(async () =>
        {
            var result = await api.Host.Scenario(s =>
            {
                s.Post.Json(new { title = $"Backend Developer {word}", description_raw = $"{JobScenarios.NodeDescription} Ref {word}.", skills_required = new[] { "Node.js" }, company_name = "Acme", location = "Pune" })
                    .ToUrl("/api/jobs");
                s.As(provider);
                s.StatusCodeShouldBe(HttpStatusCode.Accepted);
            });
            jobId = result.Json().GetProperty("id").GetGuid();
        }, Patience);

        (await api.Host.JobDetails(jobId))!.Status.ShouldBe(JobStatus.Active);
        tracked.Notifications(seeker.Id).ShouldHaveSingleItem().DedupKey.ShouldBe(SavedSearchIds.AlertKey(search, jobId));
        tracked.AlertEmails(seeker.Id).ShouldHaveSingleItem().Jobs.ShouldHaveSingleItem().JobId.ShouldBe(jobId);
    }

    [Fact]
    public async Task a_daily_search_collects_its_matches_and_the_digest_sends_them_once()
    {
        var word = Word();
        var seeker = await api.Host.SignedUpSeeker();
        var search = await api.Host.SavedSearch(seeker, Browse(word, "daily"));

        var (_, first) = await Ingested(Posting(word));
        var (_, second) = await Ingested(Posting(word));
        first.Notifications(seeker.Id).ShouldBeEmpty();
        second.AlertEmails(seeker.Id).ShouldBeEmpty();
        (await api.Host.SavedSearchCall(seeker, HttpMethod.Get, $"/api/saved-searches/{search}", null, HttpStatusCode.OK)).Json()
            .GetProperty("pending_matches").GetInt32().ShouldBe(2);

        var digest = await api.Host.InvokeMessageAndWaitAsync(new SendDailySearchDigests(), Patience);
        var notification = digest.Notifications(seeker.Id).ShouldHaveSingleItem();
        notification.Title.ShouldBe($"2 new jobs for \"Search {word}\"");
        var email = digest.AlertEmails(seeker.Id).ShouldHaveSingleItem();
        (email.IsDigest, email.Jobs.Count).ShouldBe((true, 2));

        var again = await api.Host.InvokeMessageAndWaitAsync(new SendDailySearchDigests(), Patience);
        again.Notifications(seeker.Id).ShouldBeEmpty();
        again.AlertEmails(seeker.Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_smart_search_alerts_the_jobs_smart_search_would_call_a_good_match()
    {
        var word = Word();
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.SavedSearch(seeker, new { name = "Audit", kind = "smart", question = $"audit associate {word}" });

        var (_, tracked) = await Ingested(Posting(word), Posting(Word(), StaffNurse));

        var email = tracked.AlertEmails(seeker.Id).ShouldHaveSingleItem();
        email.Jobs.ShouldHaveSingleItem().Title.ShouldStartWith($"Audit Associate {word}");
    }

    [Fact]
    public async Task the_recommended_alert_sends_the_new_jobs_that_fit_the_resume_at_the_chosen_score_or_more()
    {
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.UploadedResume(seeker, ResumeFiles.OnePagePdf(ResumeScenarios.AccountantResume), "rahul.pdf");
        var recommended = await api.Host.SavedSearch(seeker, new { kind = "recommended", min_fit = 60 });

        var (runId, tracked) = await Ingested(Posting(Word(), "Audit Associate"), Posting(Word(), StaffNurse), Posting(Word(), "Audit Senior"));

        var runJobs = (await api.Host.RunLog(runId)).Sources.Single();
        runJobs.JobsNew.ShouldBe(3);
        var alerted = tracked.AlertEmails(seeker.Id).ShouldHaveSingleItem();
        alerted.SavedSearchId.ShouldBe(recommended);
        var ids = string.Join("&", alerted.Jobs.Select(j => $"job_id={j.JobId}"));
        var fits = (await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/fit?{ids}"); s.As(seeker); })).Json();
        fits.EnumerateArray().ShouldAllBe(f => f.GetProperty("fit").GetProperty("score").GetDouble() >= 0.60);
        alerted.Jobs.ShouldNotContain(j => j.Title.StartsWith(StaffNurse));
    }
}
