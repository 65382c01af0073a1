using System.Text.Json;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Chat;

public class when_a_human_coach_is_in_the_chat(ChatFixture chat) : IClassFixture<ChatFixture>
{
    private const string AgentName = "Ottobon Admin"; // the seeded admin's display name (Ottobon:Admin:FullName's default)
    private SocketApi Api => chat.Api;

    [Fact]
    public async Task the_agents_name_is_on_their_messages_for_the_seeker_the_control_tower_and_a_replay()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        using var tower = await Api.Connect(sessionId, admin.Token);
        await tower.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        var joined = await client.WaitFor(f => ChatSocketClient.Event(f, "admin_takeover"));
        joined.GetProperty("note").GetString().ShouldBe($"A human coach ({AgentName}) joined the chat.");
        joined.GetProperty("agent_name").GetString().ShouldBe(AgentName);

        (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content = "Hi, a person here." })).EnsureSuccessStatusCode();
        (await client.WaitFor(f => ChatSocketClient.Type(f, "admin_message"))).GetProperty("author_name").GetString().ShouldBe(AgentName);
        (await tower.WaitFor(f => ChatSocketClient.Type(f, "admin_message"))).GetProperty("author_name").GetString().ShouldBe(AgentName);

        var seen = await Api.Json(HttpMethod.Get, $"/api/chat/sessions/{sessionId}", seeker);
        seen.GetProperty("messages").EnumerateArray().Last().GetProperty("author_name").GetString().ShouldBe(AgentName);
        var watched = await Api.Json(HttpMethod.Get, $"/api/admin/sessions/{sessionId}", admin);
        watched.GetProperty("messages").EnumerateArray().Last().GetProperty("author_name").GetString().ShouldBe(AgentName);
        var history = await Api.Json(HttpMethod.Get, $"/api/admin/sessions/{sessionId}/history", admin);
        history.EnumerateArray().Last().GetProperty("data").GetProperty("author_name").GetString().ShouldBe(AgentName);

        using var again = await Api.Connect(sessionId, seeker.Token);
        var replay = await again.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        var agentLine = replay.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "admin");
        agentLine.GetProperty("author_name").GetString().ShouldBe(AgentName);
    }

    [Fact]
    public async Task takeover_and_hand_back_notices_sit_where_they_happened_live_and_after_a_reload()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        var live = new List<JsonElement>();

        await client.SendMessage("one");
        live.AddRange(await client.ReadUntil(f => ChatSocketClient.Type(f, "ai_reply") && !f.GetProperty("content").GetString()!.StartsWith("Hi ")));
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        live.AddRange(await client.ReadUntil(f => ChatSocketClient.Event(f, "admin_takeover")));
        await client.SendMessage("two");
        live.AddRange(await client.ReadUntil(f => ChatSocketClient.Type(f, "queued")));
        (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content = "agent answer" })).EnsureSuccessStatusCode();
        live.AddRange(await client.ReadUntil(f => ChatSocketClient.Type(f, "admin_message")));
        (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/handback", admin)).EnsureSuccessStatusCode();
        var back = (await client.ReadUntil(f => ChatSocketClient.Event(f, "admin_handback"))).Last();
        back.GetProperty("note").GetString().ShouldBe("The AI coach is back.");

        // Live: every item carries its event's version, in order.
        var versions = live.Append(back).Where(f => f.TryGetProperty("version", out _)).Select(f => f.GetProperty("version").GetInt64()).ToList();
        versions.ShouldBe(versions.Order().ToList());
        versions.Distinct().Count().ShouldBe(versions.Count);

        // After a reload: the page's messages and notices, put in version order, read as the conversation happened.
        var expected = new[] { "assistant", "user:one", "assistant", "notice:chat_taken_over", "user:two", "admin:agent answer", "notice:chat_handed_back" };
        var details = await Api.Json(HttpMethod.Get, $"/api/chat/sessions/{sessionId}", seeker);
        Timeline(details.GetProperty("messages"), details.GetProperty("notices"), "event").ShouldBe(expected);
        details.GetProperty("notices")[0].GetProperty("note").GetString().ShouldBe($"A human coach ({AgentName}) joined the chat.");
        var tower = await Api.Json(HttpMethod.Get, $"/api/admin/sessions/{sessionId}", admin);
        Timeline(tower.GetProperty("messages"), tower.GetProperty("notices"), "event").ShouldBe(expected);

        // A new connection's replay: the same timeline.
        using var again = await Api.Connect(sessionId, seeker.Token);
        var replay = JsonDocument.Parse((await again.Receive())!).RootElement;
        ChatSocketClient.Type(replay, "history_replay").ShouldBeTrue();
        var replayed = Timeline(replay.GetProperty("messages"), replay.GetProperty("notices"), "event");
        replayed.Select(i => i.Replace("notice:admin_takeover", "notice:chat_taken_over").Replace("notice:admin_handback", "notice:chat_handed_back"))
            .ShouldBe(expected);
    }

    [Fact]
    public async Task the_first_frame_of_a_new_seekers_connection_is_the_replay_with_the_greeting_and_the_greeting_comes_once()
    {
        var admin = await Api.Admin();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (seeker, sessionId) = await chat.SeekerWithSession();
            using var client = await Api.Connect(sessionId, seeker.Token);

            var first = JsonDocument.Parse((await client.Receive())!).RootElement;
            ChatSocketClient.Type(first, "history_replay").ShouldBeTrue($"The first frame was {first}");
            first.Contents().ShouldHaveSingleItem().ShouldStartWith("Hi Test!");

            // The takeover comes after the greeting in the stream: anything sent before it would be a second greeting.
            (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
            var before = await client.ReadUntil(f => ChatSocketClient.Event(f, "admin_takeover"));
            before.Where(f => ChatSocketClient.Type(f, "ai_reply")).ShouldBeEmpty();
            before.Last().GetProperty("version").GetInt64().ShouldBe(first.GetProperty("version").GetInt64() + 1);
        }
    }

    [Fact]
    public async Task messages_written_while_a_seeker_connects_come_after_the_replay_once_each_and_none_is_lost()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content = "agent first" })).EnsureSuccessStatusCode();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
                (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content = $"agent {i}" })).EnsureSuccessStatusCode();
        });

        try
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                using var client = await Api.Connect(sessionId, seeker.Token);
                var first = JsonDocument.Parse((await client.Receive())!).RootElement;
                ChatSocketClient.Type(first, "history_replay").ShouldBeTrue($"The first frame was {first}");
                var replayed = first.GetProperty("version").GetInt64();
                first.GetProperty("messages").EnumerateArray().Last().GetProperty("version").GetInt64().ShouldBe(replayed);

                // Only the agent writes meanwhile: the next frames are the very next versions, one each.
                for (var next = replayed + 1; next <= replayed + 3; next++)
                {
                    var frame = await client.WaitFor(f => ChatSocketClient.Type(f, "admin_message"));
                    frame.GetProperty("version").GetInt64().ShouldBe(next);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
    }

    /// <summary>Messages as "role:content" (the coach's lines as "assistant") and notices as "notice:event", in version order.</summary>
    private static List<string> Timeline(JsonElement messages, JsonElement notices, string eventProperty) =>
        messages.EnumerateArray()
            .Select(m => (Version: m.GetProperty("version").GetInt64(), Item: m.GetProperty("role").GetString() == "assistant"
                ? "assistant" : $"{m.GetProperty("role").GetString()}:{m.GetProperty("content").GetString()}"))
            .Concat(notices.EnumerateArray().Select(n => (Version: n.GetProperty("version").GetInt64(), Item: $"notice:{n.GetProperty(eventProperty).GetString()}")))
            .OrderBy(i => i.Version).Select(i => i.Item).ToList();
}
