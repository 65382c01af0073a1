using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Projections.Applications;
using OttobonJobs.Tests.Applicants;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Applications;

public class when_seekers_track_their_applications(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task saving_is_idempotent_and_unsaving_takes_a_saved_job_off_the_tracker()
    {
        var job = await api.Host.ScrapedJob();
        var seeker = await api.Host.SignedUpSeeker();

        var saved = await api.Host.Saved(seeker, job);
        await api.Host.Saved(seeker, job, HttpStatusCode.OK);

        saved.GetProperty("id").GetGuid().ShouldBe(ApplicationIds.For(seeker.Id, job));
        (saved.GetProperty("stage").GetString(), saved.GetProperty("job_title").GetString(), saved.GetProperty("company").GetString())
            .ShouldBe(("saved", "Node.js Developer", "Acme"));
        saved.GetProperty("channel").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await api.Host.Tracker(seeker)).GetArrayLength().ShouldBe(1);
        var mine = await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{job}/application"); s.As(seeker); });
        mine.Json().GetProperty("version").GetInt64().ShouldBe(1);

        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{job}/application/saved"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.NoContent); });

        (await api.Host.Tracker(seeker)).GetArrayLength().ShouldBe(0);
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{job}/application"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.NoContent); });
        (await api.Host.Saved(seeker, job)).GetProperty("stage").GetString().ShouldBe("saved");
        var unknown = await api.Host.Scenario(s => { s.Put.Url($"/api/jobs/{Guid.NewGuid()}/application/saved"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        unknown.Detail().ShouldBe("No such job.");
    }

    [Fact]
    public async Task i_applied_records_the_company_site_and_a_second_time_is_a_conflict()
    {
        var job = await api.Host.ScrapedJob();
        var seeker = await api.Host.SignedUpSeeker();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd");

        var applied = (await api.Host.MarkedApplied(seeker, job, new { applied_on = yesterday, note = "Sent via careers page" })).Json();

        (applied.GetProperty("stage").GetString(), applied.GetProperty("channel").GetString(), applied.GetProperty("applied_on").GetString())
            .ShouldBe(("applied", "company_site", yesterday));
        (await api.Host.MarkedApplied(seeker, job, expected: HttpStatusCode.Conflict)).Detail().ShouldContain("already recorded applying");
        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{job}/application/saved"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.Conflict); });

        var other = await api.Host.ScrapedJob();
        await api.Host.Saved(seeker, other);
        (await api.Host.MarkedApplied(seeker, other, expected: HttpStatusCode.OK)).Json().GetProperty("applied_on").GetString()
            .ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"));
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd");
        (await api.Host.MarkedApplied(seeker, await api.Host.ScrapedJob(), new { applied_on = tomorrow }, HttpStatusCode.UnprocessableEntity))
            .Detail().ShouldBe("applied_on cannot be in the future.");
    }

    [Fact]
    public async Task moves_follow_the_stage_rules_with_409_for_nonsense_and_412_for_a_stale_version()
    {
        var job = await api.Host.ScrapedJob();
        var seeker = await api.Host.SignedUpSeeker();
        var id = (await api.Host.MarkedApplied(seeker, job)).Json().GetProperty("id").GetGuid();
        var roundAt = DateTimeOffset.UtcNow.AddDays(3);

        var interviewing = await api.Host.Moved(seeker, id, new { stage = "interviewing", note = "Phone screen", round_at = roundAt }, "\"1\"");
        interviewing.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
        await api.Host.Moved(seeker, id, new { stage = "interviewing", note = "Onsite" });

        var stale = await api.Host.Moved(seeker, id, new { stage = "offer" }, "\"2\"", HttpStatusCode.PreconditionFailed);
        stale.Context.Response.Headers.ETag.ToString().ShouldBe("\"3\"");
        (await api.Host.Moved(seeker, id, new { stage = "applied" }, expected: HttpStatusCode.Conflict)).Detail()
            .ShouldBe("An application that is interviewing cannot move back to applied.");
        (await api.Host.Moved(seeker, id, new { stage = "hired" }, expected: HttpStatusCode.UnprocessableEntity)).Detail().ShouldContain("stage must be one of");
        await api.Host.Moved(seeker, id, new { stage = "withdrawn" }, "\"3\"");
        (await api.Host.Moved(seeker, id, new { stage = "offer" }, expected: HttpStatusCode.Conflict)).Detail()
            .ShouldBe("An application that was withdrawn cannot move to offer.");
        await api.Host.Moved(seeker, id, new { stage = "offer" }, "not-an-etag", HttpStatusCode.BadRequest);

        var detail = await api.Host.Scenario(s => { s.Get.Url($"/api/applications/{id}"); s.As(seeker); });
        detail.Context.Response.Headers.ETag.ToString().ShouldBe("\"4\"");
        var body = detail.Json();
        (body.GetProperty("stage").GetString(), body.GetProperty("interview_rounds").GetInt32()).ShouldBe(("withdrawn", 2));
        var timeline = body.GetProperty("timeline").EnumerateArray().ToList();
        timeline.Select(t => t.GetProperty("kind").GetString())
            .ShouldBe(["application_recorded", "interview_round_recorded", "interview_round_recorded", "application_withdrawn"]);
        timeline[1].GetProperty("note").GetString().ShouldBe("Phone screen");
        timeline[1].GetProperty("round_at").GetDateTimeOffset().ShouldBe(roundAt, TimeSpan.FromMilliseconds(1));
        timeline.ShouldAllBe(t => t.GetProperty("actor").GetString() == "seeker");
        (await api.Host.Tracker(seeker, "?stage=withdrawn")).GetArrayLength().ShouldBe(1);
        (await api.Host.Tracker(seeker, "?stage=offer")).GetArrayLength().ShouldBe(0);
        await api.Host.Scenario(s => { s.Get.Url("/api/applications?stage=hired"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity); });
    }

    [Fact]
    public async Task another_seeker_gets_404_and_providers_and_admins_get_403()
    {
        var job = await api.Host.ScrapedJob();
        var seeker = await api.Host.SignedUpSeeker();
        var id = (await api.Host.Saved(seeker, job)).GetProperty("id").GetGuid();
        var other = await api.Host.SignedUpSeeker();

        await api.Host.Scenario(s => { s.Get.Url($"/api/applications/{id}"); s.As(other); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        await api.Host.Moved(other, id, new { stage = "applied" }, expected: HttpStatusCode.NotFound);
        await api.Host.Scenario(s => { s.Post.Json(new { note = "mine" }).ToUrl($"/api/applications/{id}/notes"); s.As(other); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        await api.Host.Scenario(s =>
        {
            s.Post.Json(new { due_at = DateTimeOffset.UtcNow.AddDays(1), text = "x" }).ToUrl($"/api/applications/{id}/reminders");
            s.As(other);
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        (await api.Host.Tracker(other)).GetArrayLength().ShouldBe(0);

        foreach (var user in new[] { await api.Host.SignedUpProvider(), await api.Host.SignedInAdmin() })
        {
            await api.Host.Scenario(s => { s.Get.Url("/api/applications"); s.As(user); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
            await api.Host.Scenario(s => { s.Get.Url($"/api/applications/{id}"); s.As(user); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
            await api.Host.Scenario(s => { s.Put.Url($"/api/jobs/{job}/application/saved"); s.As(user); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
            await api.Host.Scenario(s => { s.Get.Url("/api/applications/export.csv"); s.As(user); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
        }
        await api.Host.Scenario(s => { s.Get.Url("/api/applications"); s.StatusCodeShouldBe(HttpStatusCode.Unauthorized); });
    }

    [Fact]
    public async Task notes_and_reminders_show_on_the_application_and_a_cancelled_reminder_leaves()
    {
        var job = await api.Host.ScrapedJob();
        var seeker = await api.Host.SignedUpSeeker();
        var id = (await api.Host.Saved(seeker, job)).GetProperty("id").GetGuid();
        var due = DateTimeOffset.UtcNow.AddDays(2);

        await api.Host.Scenario(s => { s.Post.Json(new { note = "Ask Priya for a referral" }).ToUrl($"/api/applications/{id}/notes"); s.As(seeker); });
        var reminder = (await api.Host.Scenario(s =>
        {
            s.Post.Json(new { due_at = due, text = "Apply before Friday" }).ToUrl($"/api/applications/{id}/reminders");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        })).Json();
        var past = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { due_at = DateTimeOffset.UtcNow.AddMinutes(-1), text = "late" }).ToUrl($"/api/applications/{id}/reminders");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        past.Detail().ShouldBe("due_at must be in the future.");

        var detail = await api.Host.ApplicationDetail(seeker, id);
        detail.GetProperty("next_reminder_at").GetDateTimeOffset().ShouldBe(due, TimeSpan.FromMilliseconds(1));
        detail.GetProperty("reminders").EnumerateArray().Single().GetProperty("text").GetString().ShouldBe("Apply before Friday");
        detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ShouldBe(["job_saved", "note_added", "reminder_scheduled"]);
        detail.GetProperty("apply_url").GetString().ShouldBe("https://acme.example/jobs/1");

        var reminderId = reminder.GetProperty("id").GetGuid();
        await api.Host.Scenario(s => { s.Delete.Url($"/api/applications/{id}/reminders/{reminderId}"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.NoContent); });
        await api.Host.Scenario(s => { s.Delete.Url($"/api/applications/{id}/reminders/{reminderId}"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.NoContent); });
        var after = await api.Host.ApplicationDetail(seeker, id);
        after.GetProperty("reminders").GetArrayLength().ShouldBe(0);
        after.GetProperty("next_reminder_at").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task the_csv_export_has_the_header_escapes_cells_and_defuses_formulas()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var provider = await api.Host.SignedUpProvider();
        var formula = await api.Host.PostedJob(provider, title: "=HYPERLINK(\"http://evil.example\")", company: "Quote \"Co\", Ltd");
        await api.Host.Saved(seeker, formula);
        await api.Host.MarkedApplied(seeker, await api.Host.ScrapedJob());

        var result = await api.Host.Scenario(s => { s.Get.Url("/api/applications/export.csv"); s.As(seeker); });

        result.Context.Response.ContentType.ShouldBe("text/csv; charset=utf-8");
        result.Context.Response.Headers.ContentDisposition.ToString()
            .ShouldContain($"filename=ottobon-applications-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        var lines = result.ReadAsText().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Job,Company,Stage,Provider stage,Channel,Applied on,Interview rounds,Fit score,Job status,Updated at,Link");
        lines.Length.ShouldBe(3);
        var saved = lines.Single(l => l.Contains("HYPERLINK"));
        saved.ShouldStartWith("\"'=HYPERLINK(\"\"http://evil.example\"\")\",\"Quote \"\"Co\"\", Ltd\",saved,,,,0,");
        saved.ShouldEndWith($"/jobs/{formula}");
        lines.Single(l => l.StartsWith("Node.js Developer")).ShouldContain(",applied,,company_site,");
        lines.Single(l => l.StartsWith("Node.js Developer")).ShouldEndWith(",https://acme.example/jobs/1");
    }

    [Fact]
    public async Task an_archived_job_stays_on_the_tracker_marked_archived()
    {
        var provider = await api.Host.SignedUpProvider();
        var job = await api.Host.PostedJob(provider);
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.Saved(seeker, job);

        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{job}"); s.As(provider); });

        var listed = (await api.Host.Tracker(seeker)).EnumerateArray().Single();
        (listed.GetProperty("job_status").GetString(), listed.GetProperty("job_archived").GetBoolean()).ShouldBe(("archived", true));
        listed.GetProperty("job_title").GetString().ShouldBe("Junior Node.js Backend Developer");
    }

    [Fact]
    public async Task the_fit_score_comes_from_the_seekers_resume()
    {
        var provider = await api.Host.SignedUpProvider();
        var job = await api.Host.PostedJob(provider);
        var withResume = await api.Host.SeekerWithResume();
        var without = await api.Host.SignedUpSeeker();

        var scored = await api.Host.Saved(withResume, job);
        var unscored = await api.Host.Saved(without, job);

        scored.GetProperty("fit_score").GetInt32().ShouldBeInRange(1, 100);
        unscored.GetProperty("fit_score").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task an_admin_replays_the_history_and_an_erased_seeker_leaves_no_notes()
    {
        var job = await api.Host.ScrapedJob();
        var seeker = await api.Host.SignedUp("seeker", password: "correct-horse-1");
        var id = (await api.Host.MarkedApplied(seeker, job, new { note = "Referred by Priya" })).Json().GetProperty("id").GetGuid();
        await api.Host.Scenario(s => { s.Post.Json(new { note = "Salary 30 LPA" }).ToUrl($"/api/applications/{id}/notes"); s.As(seeker); });
        var admin = await api.Host.SignedInAdmin();

        var history = (await api.Host.Scenario(s => { s.Get.Url($"/api/admin/applications/{id}/history"); s.As(admin); })).Json().EnumerateArray().ToList();
        history.Select(h => h.GetProperty("type").GetString()).ShouldBe(["application_recorded", "note_added"]);
        history[1].GetProperty("data").GetProperty("note").GetString().ShouldBe("Salary 30 LPA");
        await api.Host.Scenario(s => { s.Get.Url($"/api/admin/applications/{job}/history"); s.As(admin); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        await api.Host.Scenario(s => { s.Get.Url($"/api/admin/applications/{id}/history"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });

        await api.Host.ExecuteAndWaitAsync(async () => await api.Host.Scenario(s =>
        {
            s.Delete.Json(new { password = "correct-horse-1" }).ToUrl("/api/users/me");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        }), 30_000);

        await using var session = api.Store.QuerySession();
        (await session.LoadAsync<ApplicationView>(id)).ShouldBeNull();
        var erased = (await api.Host.Scenario(s => { s.Get.Url($"/api/admin/applications/{id}/history"); s.As(admin); })).ReadAsText();
        erased.ShouldContain("application_erased");
        erased.ShouldNotContain("Salary 30 LPA");
        erased.ShouldNotContain("Referred by Priya");
    }
}
