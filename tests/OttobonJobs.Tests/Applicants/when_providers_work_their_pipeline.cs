using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Api.Applicants;
using OttobonJobs.Api.Applications;
using OttobonJobs.Domain.Applicants;
using OttobonJobs.Tests.Support;
using Wolverine;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Applicants;

public class when_providers_work_their_pipeline(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task applicants_are_ranked_by_fit_with_their_matched_and_missing_skills()
    {
        var provider = await api.Host.SignedUpProvider();
        var job = await api.Host.PostedJob(provider, skills: ["Node.js", "PostgreSQL", "Kubernetes"]);
        var accountant = await api.Host.SeekerWithResume(ResumeScenarios.AccountantResume);
        var developer = await api.Host.SeekerWithResume();
        await api.Host.Applied(accountant, job);
        await api.Host.Applied(developer, job);

        var applicants = (await api.Host.Applicants(provider, job)).EnumerateArray().ToList();

        applicants.Count.ShouldBe(2);
        applicants[0].GetProperty("seeker_name").GetString().ShouldBe("Test seeker");
        var best = applicants[0];
        var matched = best.GetProperty("matched_skills").EnumerateArray().Select(s => s.GetString()).ToList();
        matched.ShouldContain("Node.js");
        best.GetProperty("missing_skills").EnumerateArray().Select(s => s.GetString()).ShouldContain("Kubernetes");
        best.GetProperty("fit").GetProperty("score").GetDouble()
            .ShouldBeGreaterThan(applicants[1].GetProperty("fit").GetProperty("score").GetDouble());
        applicants[1].GetProperty("matched_skills").GetArrayLength().ShouldBe(0);
        best.GetProperty("stage").GetString().ShouldBe("new");
        best.GetProperty("note").GetString().ShouldBe("Keen to join.");

        var counts = await api.Host.Scenario(s => { s.Get.Url("/api/users/me/applicant-counts"); s.As(provider); });
        counts.Json().EnumerateArray().Single(c => c.GetProperty("job_id").GetGuid() == job).GetProperty("count").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task another_provider_never_reaches_the_applicants_but_an_admin_does()
    {
        var (provider, job, candidacy, _) = await OneApplicant();
        var other = await api.Host.SignedUpProvider();
        var admin = await api.Host.SignedInAdmin();

        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{job}/applicants"); s.As(other); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        await api.Host.Scenario(s => { s.Get.Url($"/api/applicants/{candidacy}/resume-link"); s.As(other); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        await api.Host.Scenario(s =>
        {
            s.Post.Json(new { stage = "shortlisted" }).ToUrl($"/api/applicants/{candidacy}/stage");
            s.As(other);
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        await api.Host.Scenario(s =>
        {
            s.Post.Json(new { note = "mine now" }).ToUrl($"/api/applicants/{candidacy}/notes");
            s.As(other);
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{job}/applicants"); s.StatusCodeShouldBe(HttpStatusCode.Unauthorized); });

        (await api.Host.Applicants(admin, job)).GetArrayLength().ShouldBe(1);
        (await api.Host.Applicants(provider, job)).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task the_owner_shortlists_with_a_note_and_the_seekers_tracker_follows()
    {
        var (provider, job, candidacy, _) = await OneApplicant();

        Alba.IScenarioResult moved = null!;
        var tracked = await api.Host.TrackActivity().ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            moved = await api.Host.Scenario(s =>
            {
                s.Post.Json(new { stage = "shortlisted", note = "Strong Node.js" }).ToUrl($"/api/applicants/{candidacy}/stage");
                s.WithRequestHeader("If-Match", "\"1\"");
                s.As(provider);
            })));

        moved.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
        moved.Json().GetProperty("stage").GetString().ShouldBe("shortlisted");
        var told = tracked.Cascaded<ApplicantStageMovedByProvider>().ShouldHaveSingleItem();
        told.Stage.ShouldBe("shortlisted");
        told.JobId.ShouldBe(job);

        var applicant = (await api.Host.Applicants(provider, job))[0];
        applicant.GetProperty("stage").GetString().ShouldBe("shortlisted");
        applicant.GetProperty("provider_notes")[0].GetProperty("text").GetString().ShouldBe("Strong Node.js");
    }

    [Fact]
    public async Task a_stale_version_is_412_and_a_nonsense_move_is_409_with_the_reason()
    {
        var (provider, _, candidacy, _) = await OneApplicant();
        await Move(provider, candidacy, "shortlisted");

        var stale = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { stage = "interview" }).ToUrl($"/api/applicants/{candidacy}/stage");
            s.WithRequestHeader("If-Match", "\"1\"");
            s.As(provider);
            s.StatusCodeShouldBe(HttpStatusCode.PreconditionFailed);
        });
        stale.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
        (await Move(provider, candidacy, "offer", HttpStatusCode.Conflict)).Detail().ShouldContain("interview first");
        (await Move(provider, candidacy, "hired", HttpStatusCode.UnprocessableEntity)).Detail().ShouldContain("stage must be one of");
        await Move(provider, candidacy, "rejected");
        (await Move(provider, candidacy, "offer", HttpStatusCode.Conflict)).Detail().ShouldContain("rejected");
    }

    [Fact]
    public async Task the_signed_resume_link_serves_the_pdf_and_refuses_tampering_and_expiry()
    {
        var (provider, _, candidacy, _) = await OneApplicant();

        var link = await ResumeLink(provider, candidacy);
        var download = await api.Host.Scenario(s => s.Get.Url(link));
        download.Context.Response.ContentType.ShouldBe("application/pdf");

        var sha = Regex.Match(link, "/([0-9a-f]{64})\\?").Groups[1].Value;
        var expired = api.Host.Services.GetRequiredService<ApplicantResumeLinks>().PathFor(candidacy, sha, DateTimeOffset.UtcNow.AddMinutes(-1));
        var tampered = link[..^4] + (link.EndsWith("aaaa") ? "bbbb" : "aaaa");
        var extended = Regex.Replace(link, "expires=\\d+", $"expires={DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds()}");
        var seekersOwnKind = link.Replace("/api/files/applicants/", "/api/files/resumes/");
        foreach (var bad in new[] { expired, tampered, extended, seekersOwnKind })
            await api.Host.Scenario(s => { s.Get.Url(bad); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
    }

    [Fact]
    public async Task replacing_the_resume_later_leaves_the_one_sent_with_the_application()
    {
        var provider = await api.Host.SignedUpProvider();
        var job = await api.Host.PostedJob(provider);
        var seeker = await api.Host.SignedUpSeeker();
        var sent = ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume);
        await api.Host.UploadedResume(seeker, sent, "cv.pdf");
        await api.Host.Applied(seeker, job);

        await api.Host.UploadedResume(seeker, ResumeFiles.OnePagePdf(ResumeScenarios.AccountantResume), "new.pdf", method: "PUT");

        var link = await ResumeLink(provider, CandidacyIds.For(job, seeker.Id));
        var download = await api.Host.Scenario(s => s.Get.Url(link));
        var bytes = new MemoryStream();
        await download.Context.Response.Body.CopyToAsync(bytes);
        bytes.ToArray().ShouldBe(sent);
    }

    [Fact]
    public async Task withdrawing_revokes_a_link_already_issued_and_closes_the_pipeline()
    {
        var (provider, job, candidacy, seeker) = await OneApplicant();
        var link = await ResumeLink(provider, candidacy);

        await api.Host.InvokeMessageAndWaitAsync(new SeekerWithdrewApplication(seeker, job, DateTimeOffset.UtcNow));

        (await api.Host.Scenario(s => { s.Get.Url(link); s.StatusCodeShouldBe(HttpStatusCode.Gone); })).Detail().ShouldContain("withdrew");
        await api.Host.Scenario(s => { s.Get.Url($"/api/applicants/{candidacy}/resume-link"); s.As(provider); s.StatusCodeShouldBe(HttpStatusCode.Gone); });
        (await Move(provider, candidacy, "shortlisted", HttpStatusCode.Conflict)).Detail().ShouldContain("withdrew");
        var applicant = (await api.Host.Applicants(provider, job))[0];
        applicant.GetProperty("withdrawn").GetBoolean().ShouldBeTrue();
        applicant.GetProperty("resume_file_name").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task an_erased_seeker_is_a_deleted_user_without_note_or_resume()
    {
        var provider = await api.Host.SignedUpProvider();
        var job = await api.Host.PostedJob(provider);
        var seeker = await api.Host.SeekerWithResume();
        await api.Host.Applied(seeker, job, "Call me on 98450 12345");
        var candidacy = CandidacyIds.For(job, seeker.Id);
        var link = await ResumeLink(provider, candidacy);

        await api.Host.ExecuteAndWaitAsync(async () => await api.Host.Scenario(s =>
        {
            s.Delete.Json(new { password = "correct-horse-1" }).ToUrl("/api/users/me");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        }), 30_000);

        var applicant = (await api.Host.Applicants(provider, job))[0];
        applicant.GetProperty("seeker_name").GetString().ShouldBe("deleted user");
        applicant.GetProperty("note").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        applicant.GetProperty("erased").GetBoolean().ShouldBeTrue();
        await api.Host.Scenario(s => { s.Get.Url(link); s.StatusCodeShouldBe(HttpStatusCode.Gone); });

        await using var session = api.Store.QuerySession();
        var applied = (await session.Events.FetchStreamAsync(candidacy)).Select(e => e.Data).OfType<CandidateApplied>().Single();
        applied.Note.ShouldBeNull();
        applied.SeekerName.ShouldBe("deleted user");
        applied.Resume.Text.ShouldBeEmpty();
    }

    private async Task<(SignedIn Provider, Guid Job, Guid Candidacy, Guid Seeker)> OneApplicant()
    {
        var provider = await api.Host.SignedUpProvider();
        var job = await api.Host.PostedJob(provider);
        var seeker = await api.Host.SeekerWithResume();
        await api.Host.Applied(seeker, job);
        return (provider, job, CandidacyIds.For(job, seeker.Id), seeker.Id);
    }

    private async Task<string> ResumeLink(SignedIn provider, Guid candidacy) =>
        (await api.Host.Scenario(s => { s.Get.Url($"/api/applicants/{candidacy}/resume-link"); s.As(provider); }))
        .Json().GetProperty("url").GetString()!;

    private Task<Alba.IScenarioResult> Move(SignedIn provider, Guid candidacy, string stage, HttpStatusCode expected = HttpStatusCode.OK) =>
        api.Host.Scenario(s =>
        {
            s.Post.Json(new { stage }).ToUrl($"/api/applicants/{candidacy}/stage");
            s.As(provider);
            s.StatusCodeShouldBe(expected);
        });
}
