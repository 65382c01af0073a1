using System.Net;
using System.Text.Json;
using Alba;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Applications;

public static class TrackerScenarios
{
    public static async Task<JsonElement> Saved(this IAlbaHost host, SignedIn seeker, Guid jobId, HttpStatusCode expected = HttpStatusCode.Created) =>
        (await host.Scenario(s => { s.Put.Url($"/api/jobs/{jobId}/application/saved"); s.As(seeker); s.StatusCodeShouldBe(expected); })).Json();

    public static Task<IScenarioResult> MarkedApplied(
        this IAlbaHost host, SignedIn seeker, Guid jobId, object? body = null, HttpStatusCode expected = HttpStatusCode.Created) =>
        host.Scenario(s =>
        {
            s.Post.Json(body ?? new { }).ToUrl($"/api/jobs/{jobId}/application/applied");
            s.As(seeker);
            s.StatusCodeShouldBe(expected);
        });

    public static Task<IScenarioResult> Moved(
        this IAlbaHost host, SignedIn seeker, Guid applicationId, object body, string? ifMatch = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl($"/api/applications/{applicationId}/moves");
            if (ifMatch is not null) s.WithRequestHeader("If-Match", ifMatch);
            s.As(seeker);
            s.StatusCodeShouldBe(expected);
        });

    public static async Task<JsonElement> Tracker(this IAlbaHost host, SignedIn seeker, string query = "") =>
        (await host.Scenario(s => { s.Get.Url($"/api/applications{query}"); s.As(seeker); })).Json().GetProperty("items");

    public static async Task<JsonElement> ApplicationDetail(this IAlbaHost host, SignedIn seeker, Guid applicationId) =>
        (await host.Scenario(s => { s.Get.Url($"/api/applications/{applicationId}"); s.As(seeker); })).Json();

    public static async Task<JsonElement> Notifications(this IAlbaHost host, SignedIn user) =>
        (await host.Scenario(s => { s.Get.Url("/api/notifications"); s.As(user); })).Json();
}
