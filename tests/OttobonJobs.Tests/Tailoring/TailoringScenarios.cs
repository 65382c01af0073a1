using System.Net;
using System.Text.Json;
using Alba;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Tailoring;

internal static class TailoringScenarios
{
    public static readonly string[] JobSkills = ["Node.js", "PostgreSQL", "Kubernetes"];

    public static Task<Guid> NodeJob(this IAlbaHost host, SignedIn provider) =>
        host.PostedJob(provider, "Backend Developer (Node.js)", skills: JobSkills, company: "Razorpay");

    public static async Task<SignedIn> SeekerWithResume(this IAlbaHost host)
    {
        var seeker = await host.SignedUpSeeker();
        await host.UploadedResume(seeker, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "Priya Sharma CV.pdf");
        return seeker;
    }

    public static async Task<JsonElement> WrittenDraft(this IAlbaHost host, SignedIn seeker, Guid jobId)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Url($"/api/jobs/{jobId}/tailoring/drafts");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        return result.Json();
    }
}
