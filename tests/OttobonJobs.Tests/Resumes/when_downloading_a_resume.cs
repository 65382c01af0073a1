using System.Net;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Resumes;

public class when_downloading_a_resume(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task the_signed_link_serves_the_file_without_a_token()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var pdf = ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume);
        await api.Host.UploadedResume(seeker, pdf, "cv.pdf");
        (await api.Host.Scenario(s => { s.Get.Url("/api/users/me"); s.As(seeker); })).Json().GetProperty("has_resume").GetBoolean().ShouldBeTrue();

        var mine = await api.Host.Scenario(s => { s.Get.Url("/api/users/me/resume"); s.As(seeker); });
        var link = mine.Json().GetProperty("download_url").GetString()!;
        mine.Json().GetProperty("expires_at").GetDateTimeOffset().ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));

        var download = await api.Host.Scenario(s => s.Get.Url(link));
        download.Context.Response.ContentType.ShouldBe("application/pdf");
        var bytes = new MemoryStream();
        await download.Context.Response.Body.CopyToAsync(bytes);
        bytes.ToArray().ShouldBe(pdf);
    }

    [Fact]
    public async Task a_tampered_or_expired_link_is_403_and_another_seekers_file_is_out_of_reach()
    {
        var owner = await api.Host.SignedUpSeeker();
        var other = await api.Host.SignedUpSeeker();
        await api.Host.UploadedResume(owner, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "owner.pdf");
        await api.Host.UploadedResume(other, ResumeFiles.Docx(ResumeScenarios.AccountantResume), "other.docx");
        var link = (await api.Host.Scenario(s => { s.Get.Url("/api/users/me/resume"); s.As(owner); })).Json().GetProperty("download_url").GetString()!;

        var tamperedSignature = link[..^4] + (link.EndsWith("aaaa") ? "bbbb" : "aaaa");
        var otherUser = link.Replace(owner.Id.ToString(), other.Id.ToString());
        var expired = System.Text.RegularExpressions.Regex.Replace(link, "expires=\\d+", $"expires={DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()}");
        var extended = System.Text.RegularExpressions.Regex.Replace(link, "expires=\\d+", $"expires={DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds()}");
        foreach (var bad in new[] { tamperedSignature, otherUser, expired, extended })
        {
            var result = await api.Host.Scenario(s => { s.Get.Url(bad); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
            result.Detail().ShouldContain("invalid or has expired");
        }
    }

    [Fact]
    public async Task no_resume_is_404_and_the_profile_says_so_beforehand()
    {
        var seeker = await api.Host.SignedUpSeeker();
        // Clients read has_resume first and so never ask for a resume that isn't there.
        var profile = await api.Host.Scenario(s => { s.Get.Url("/api/users/me"); s.As(seeker); });
        profile.Json().GetProperty("has_resume").GetBoolean().ShouldBeFalse();
        await api.Host.Scenario(s => { s.Get.Url("/api/users/me/resume"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
    }
}
