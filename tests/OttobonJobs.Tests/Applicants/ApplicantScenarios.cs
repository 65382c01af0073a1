using System.Net;
using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Tests.Support;
using Wolverine;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Applicants;

public static class ApplicantScenarios
{
    /// <summary>A seeker with the Node.js developer's resume (embedded), ready to apply.</summary>
    public static async Task<SignedIn> SeekerWithResume(this IAlbaHost host, string resume = ResumeScenarios.NodeDeveloperResume)
    {
        var seeker = await host.SignedUpSeeker();
        await host.UploadedResume(seeker, ResumeFiles.OnePagePdf(resume), "cv.pdf");
        return seeker;
    }

    /// <summary>Applies and waits for every message the application caused; the tracked session tells what was sent.</summary>
    public static async Task<(IScenarioResult Result, ITrackedSession Tracked)> Applied(
        this IAlbaHost host, SignedIn seeker, Guid jobId, string? note = "Keen to join.", HttpStatusCode expected = HttpStatusCode.Created)
    {
        IScenarioResult result = null!;
        var tracked = await host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            result = await host.Scenario(s =>
            {
                s.Post.Json(new { note }).ToUrl($"/api/jobs/{jobId}/applications");
                s.As(seeker);
                s.StatusCodeShouldBe(expected);
            })));
        return (result, tracked);
    }

    public static async Task<JsonElement> Applicants(this IAlbaHost host, SignedIn provider, Guid jobId)
    {
        var result = await host.Scenario(s => { s.Get.Url($"/api/jobs/{jobId}/applicants"); s.As(provider); });
        return result.Json().GetProperty("applicants");
    }

    /// <summary>A job found on a career site, active (scraped jobs are applied to on the company's site).</summary>
    public static async Task<Guid> ScrapedJob(this IAlbaHost host)
    {
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream<Job>(id,
            new JobScraped(id, "test", "Acme", id.ToString("N"), "https://acme.example/jobs/1", "Node.js Developer", "Pune", "A scraped role.",
                id.ToString("N"), null, null, at),
            new JobActivated(at));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>What a handler cascaded: delivered, or (no handler in this build yet) sent nowhere.</summary>
    public static IReadOnlyList<T> Cascaded<T>(this ITrackedSession tracked) =>
        tracked.Sent.MessagesOf<T>().Concat(tracked.NoRoutes.MessagesOf<T>()).Distinct().ToList();
}
