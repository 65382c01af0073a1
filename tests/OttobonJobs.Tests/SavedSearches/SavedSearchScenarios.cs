using System.Net;
using System.Text.Json;
using Alba;
using OttobonJobs.Api.Email;
using OttobonJobs.Api.Notifications;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.SavedSearches;

public static class SavedSearchScenarios
{
    public static async Task<Guid> SavedSearch(this IAlbaHost host, SignedIn seeker, object body)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/saved-searches");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        return result.Json().GetProperty("id").GetGuid();
    }

    public static Task<IScenarioResult> SavedSearchCall(this IAlbaHost host, SignedIn user, HttpMethod method, string url, object? body, HttpStatusCode expected) =>
        host.Scenario(s =>
        {
            if (method == HttpMethod.Get) s.Get.Url(url);
            else if (method == HttpMethod.Delete) s.Delete.Url(url);
            else if (method == HttpMethod.Put) s.Put.Json(body!).ToUrl(url);
            else s.Post.Json(body!).ToUrl(url);
            s.As(user);
            s.StatusCodeShouldBe(expected);
        });

    /// <summary>The in-app notifications the tracked work asked for (sent, or without a route until the notify feature is merged).</summary>
    public static IReadOnlyList<NotifyUser> Notifications(this ITrackedSession tracked, Guid userId) => Requested<NotifyUser>(tracked).Where(n => n.UserId == userId).ToList();

    public static IReadOnlyList<SendSearchAlertEmail> AlertEmails(this ITrackedSession tracked, Guid userId) =>
        Requested<SendSearchAlertEmail>(tracked).Where(e => e.UserId == userId).ToList();

    private static IEnumerable<T> Requested<T>(ITrackedSession tracked) =>
        tracked.AllRecordsInOrder()
            .Where(r => r.MessageEventType is MessageEventType.Sent or MessageEventType.NoRoutes && r.Message is T)
            .DistinctBy(r => r.Envelope!.Id)
            .Select(r => (T)r.Message!);

    public static JsonElement Only(this JsonElement list, Guid id) => list.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id);
}
