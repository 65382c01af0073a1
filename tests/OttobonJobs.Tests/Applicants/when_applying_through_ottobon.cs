using System.Net;
using OttobonJobs.Api.Applications;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Applicants;

public class when_applying_through_ottobon(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task a_seeker_applies_once_with_a_note_and_their_tracker_is_told()
    {
        var provider = await api.Host.SignedUpProvider();
        var job = await api.Host.PostedJob(provider);
        var seeker = await api.Host.SeekerWithResume();

        var (result, tracked) = await api.Host.Applied(seeker, job, "  I build Node.js APIs.  ");

        var body = result.Json();
        body.GetProperty("stage").GetString().ShouldBe("new");
        body.GetProperty("note").GetString().ShouldBe("I build Node.js APIs.");
        var told = tracked.Cascaded<ApplicationSubmittedThroughOttobon>().ShouldHaveSingleItem();
        told.SeekerId.ShouldBe(seeker.Id);
        told.JobId.ShouldBe(job);
        told.Note.ShouldBe("I build Node.js APIs.");

        var again = (await api.Host.Applied(seeker, job, expected: HttpStatusCode.Conflict)).Result;
        again.Detail().ShouldContain("already applied");

        var mine = await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{job}/applications/mine"); s.As(seeker); });
        mine.Json().GetProperty("applied_at").GetDateTimeOffset().ShouldBe(told.AppliedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task a_scraped_job_is_applied_to_on_the_company_site()
    {
        var job = await api.Host.ScrapedJob();
        var seeker = await api.Host.SeekerWithResume();

        var (result, _) = await api.Host.Applied(seeker, job, expected: HttpStatusCode.Conflict);

        result.Detail().ShouldContain("apply on the company's site");
    }

    [Fact]
    public async Task a_seeker_without_a_resume_is_told_to_upload_one()
    {
        var job = await api.Host.PostedJob(await api.Host.SignedUpProvider());
        var seeker = await api.Host.SignedUpSeeker();

        var (result, _) = await api.Host.Applied(seeker, job, expected: HttpStatusCode.UnprocessableEntity);

        result.Detail().ShouldContain("upload your resume");
    }

    [Fact]
    public async Task an_archived_job_unknown_job_or_long_note_is_refused_with_a_reason()
    {
        var provider = await api.Host.SignedUpProvider();
        var job = await api.Host.PostedJob(provider);
        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{job}"); s.As(provider); });
        var seeker = await api.Host.SeekerWithResume();

        (await api.Host.Applied(seeker, job, expected: HttpStatusCode.Conflict)).Result.Detail().ShouldContain("archived");
        (await api.Host.Applied(seeker, Guid.NewGuid(), expected: HttpStatusCode.NotFound)).Result.Detail().ShouldContain("No such job");
        var open = await api.Host.PostedJob(provider);
        (await api.Host.Applied(seeker, open, new string('x', 1001), HttpStatusCode.UnprocessableEntity)).Result.Detail().ShouldContain("1000");
    }

    [Fact]
    public async Task only_seekers_apply_and_a_seeker_sees_only_their_own_application()
    {
        var provider = await api.Host.SignedUpProvider();
        var job = await api.Host.PostedJob(provider);
        var seeker = await api.Host.SeekerWithResume();
        await api.Host.Applied(seeker, job);
        var other = await api.Host.SignedUpSeeker();

        await api.Host.Scenario(s =>
        {
            s.Post.Json(new { note = "hi" }).ToUrl($"/api/jobs/{job}/applications");
            s.As(provider);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        await api.Host.Scenario(s =>
        {
            s.Post.Json(new { note = "hi" }).ToUrl($"/api/jobs/{job}/applications");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{job}/applications/mine"); s.As(other); s.StatusCodeShouldBe(HttpStatusCode.NoContent); });
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{job}/applicants"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
    }
}
