using Marten;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Api.Chat;
using OttobonJobs.Api.Notifications;
using OttobonJobs.Domain.Notifications;
using OttobonJobs.Projections.Notifications;
using OttobonJobs.Tests.Chat;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Notifications;

/// <summary>A human coach's message becomes a notification only when the seeker has no chat socket open on any node.</summary>
public class when_a_human_coach_replies(ChatFixture chat) : IClassFixture<ChatFixture>
{
    private SocketApi Api => chat.Api;

    private async Task<ITrackedSession> ReplyAsAdmin(Guid sessionId, string content)
    {
        var admin = await Api.Admin();
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        return await Api.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).WaitForMessageToBeReceivedAt<NotifyIfSeekerAway>(Api.Host)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
                (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content })).EnsureSuccessStatusCode()));
    }

    [Fact]
    public async Task a_seeker_in_the_chat_gets_no_notification()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        using var socket = await Api.Connect(sessionId, seeker.Token);
        await socket.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        var tracked = await ReplyAsAdmin(sessionId, "I can see you're here.");

        tracked.Executed.MessagesOf<NotifyIfSeekerAway>().ShouldHaveSingleItem().SeekerId.ShouldBe(seeker.Id);
        tracked.Sent.MessagesOf<NotifyUser>().ShouldBeEmpty();
        (await Api.Json(HttpMethod.Get, "/api/notifications/unread-count", seeker)).GetProperty("unread_count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task a_seeker_away_gets_one_notification_linking_to_the_chat()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        // Opened and closed again: the presence ends with the socket, not when it expires.
        using (var socket = await Api.Connect(sessionId, seeker.Token))
            await socket.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        await WaitUntilAway(seeker.Id);

        await ReplyAsAdmin(sessionId, "Here is the answer to your salary question.");

        var page = await WaitForNotifications(seeker, 1);
        var item = page.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("kind").GetString().ShouldBe(NotificationKinds.HumanCoachReplied);
        item.GetProperty("link").GetString().ShouldBe($"/chat/{sessionId}");
        item.GetProperty("body").GetString().ShouldBe("Here is the answer to your salary question.");
        item.GetProperty("title").GetString()!.ShouldContain("Junior Node.js Backend Developer");
    }

    private async Task WaitUntilAway(Guid seekerId)
    {
        var presence = Api.Services.GetRequiredService<ChatPresence>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await presence.IsPresentAsync(seekerId, CancellationToken.None))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The closed socket's presence stayed.");
            await Task.Delay(50);
        }
    }

    private async Task<System.Text.Json.JsonElement> WaitForNotifications(SignedIn seeker, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var page = await Api.Json(HttpMethod.Get, "/api/notifications", seeker);
            if (page.GetProperty("items").GetArrayLength() >= count || DateTime.UtcNow > deadline) return page;
            await Task.Delay(100);
        }
    }
}
