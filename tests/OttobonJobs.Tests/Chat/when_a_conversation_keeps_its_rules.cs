using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Chat;

/// <summary>
/// Every chat write is decided from the session's own stream, whether it comes over REST or the socket, and
/// whatever else is writing to the session at the same moment.
/// </summary>
public class when_a_conversation_keeps_its_rules(ChatFixture chat) : IClassFixture<ChatFixture>
{
    private SocketApi Api => chat.Api;

    private async Task<IReadOnlyList<IEvent>> Events(Guid sessionId)
    {
        await using var session = Api.Store.QuerySession();
        return await session.Events.FetchStreamAsync(sessionId);
    }

    /// <summary>Polls the stream until <paramref name="done"/> holds (the coach answers in the background).</summary>
    private async Task<IReadOnlyList<IEvent>> EventsOnce(Guid sessionId, Func<IReadOnlyList<IEvent>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var events = await Events(sessionId);
        while (!done(events) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            events = await Events(sessionId);
        }
        return events;
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    [Fact]
    public async Task two_admins_taking_over_at_once_give_one_takeover_and_a_409_for_the_other()
    {
        var (_, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();

        var responses = await Task.WhenAll(
            Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId }),
            Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId }));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await Detail(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict)))!.ShouldContain("already taken this chat over");
        (await Events(sessionId)).Count(e => e.Data is ChatTakenOver).ShouldBe(1);
    }

    [Fact]
    public async Task an_admins_socket_message_without_a_takeover_is_refused_as_over_rest_and_nothing_is_stored()
    {
        var (_, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        using var watcher = await Api.Connect(sessionId, admin.Token);
        await watcher.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        await watcher.SendMessage("I'm just watching, but let me say hi");

        var error = await watcher.WaitFor(f => ChatSocketClient.Type(f, "error"));
        var rest = await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content = "hi over REST" });
        rest.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        error.GetProperty("message").GetString().ShouldBe(await Detail(rest));
        error.GetProperty("message").GetString().ShouldBe(ChatDecisions.TakeOverFirst);
        (await Events(sessionId)).Select(e => e.Data).OfType<ChatMessagePosted>().ShouldNotContain(m => m.Role == ChatRole.Admin);
    }

    [Fact]
    public async Task after_close_nothing_is_stored_from_either_socket_or_rest()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        using var watcher = await Api.Connect(sessionId, admin.Token);
        await watcher.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        (await Api.Send(HttpMethod.Post, $"/api/chat/sessions/{sessionId}/close", seeker)).EnsureSuccessStatusCode();
        await watcher.WaitFor(f => ChatSocketClient.Event(f, "session_closed"));
        await watcher.SendMessage("Are you still there?");
        await client.SendMessage("One more thing");

        (await watcher.WaitFor(f => ChatSocketClient.Type(f, "error"))).GetProperty("message").GetString().ShouldBe(ChatDecisions.SessionClosed);
        (await client.WaitFor(f => ChatSocketClient.Type(f, "error"))).GetProperty("message").GetString().ShouldBe(ChatDecisions.SessionClosed);
        var rest = await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content = "Closing note" });
        rest.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Detail(rest)).ShouldBe(ChatDecisions.SessionClosed);
        (await Api.Send(HttpMethod.Post, $"/api/chat/sessions/{sessionId}/close", seeker)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var events = await Events(sessionId);
        events[^1].Data.ShouldBeOfType<ChatClosed>();
        events.Count(e => e.Data is ChatClosed).ShouldBe(1);
    }

    [Fact]
    public async Task a_message_sent_during_a_takeover_waits_and_the_ai_answers_each_one_in_order_after_hand_back()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        await client.WaitFor(f => ChatSocketClient.Event(f, "admin_takeover"));

        await client.SendMessage("What about the salary?");
        await client.WaitFor(f => ChatSocketClient.Type(f, "queued"));
        await client.SendMessage("How should I prepare for the interview?");
        await client.WaitFor(f => ChatSocketClient.Type(f, "queued"));

        var tower = await Api.Json(HttpMethod.Get, "/api/admin/sessions", admin);
        tower.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == sessionId).GetProperty("waiting_messages").GetInt32().ShouldBe(2);

        (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/handback", admin)).EnsureSuccessStatusCode();
        await client.WaitFor(f => ChatSocketClient.Event(f, "admin_handback"));
        (await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply"))).GetProperty("content").GetString()!.ShouldContain("Salary");
        (await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply"))).GetProperty("content").GetString()!.ShouldContain("practise");

        var events = await EventsOnce(sessionId, e => e.Select(x => x.Data).OfType<ChatMessagePosted>().Count(m => m.InReplyTo is not null) == 2);
        var asked = events.Select(e => e.Data).OfType<ChatMessagePosted>().Where(m => m.Role == ChatRole.User).Select(m => m.MessageId).ToList();
        var afterHandBack = events.SkipWhile(e => e.Data is not ChatHandedBack).Select(e => e.Data).OfType<ChatMessagePosted>().ToList();
        afterHandBack.Select(m => (m.Role, m.InReplyTo)).ShouldBe([(ChatRole.Assistant, asked[0]), (ChatRole.Assistant, asked[1])]);
        tower = await Api.Json(HttpMethod.Get, "/api/admin/sessions", admin);
        tower.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == sessionId).GetProperty("waiting_messages").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task a_hand_back_with_nothing_waiting_leaves_the_coach_quiet()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        await client.SendMessage("Hello?");
        await client.WaitFor(f => ChatSocketClient.Type(f, "queued"));
        (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content = "Hi, Meera here. All sorted." })).EnsureSuccessStatusCode();

        (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/handback", admin)).EnsureSuccessStatusCode();
        await client.WaitFor(f => ChatSocketClient.Event(f, "admin_handback"));
        await client.Send("__ping__");
        string? frame;
        do frame = await client.Receive();
        while (frame is not null && frame != "__pong__");

        (await Events(sessionId)).SkipWhile(e => e.Data is not ChatHandedBack).Select(e => e.Data).OfType<ChatMessagePosted>().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_second_hand_back_is_a_409()
    {
        var (_, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/handback", admin)).EnsureSuccessStatusCode();

        var again = await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/handback", admin);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Detail(again)).ShouldBe(ChatDecisions.NotTakenOver);
    }

    [Fact]
    public async Task seeker_and_admin_messages_sent_at_once_over_both_sockets_and_rest_are_all_kept()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        using var watcher = await Api.Connect(sessionId, admin.Token);
        await watcher.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        var sends = Enumerable.Range(0, 6).SelectMany(i => new Task[]
        {
            client.SendMessage($"seeker {i}", clientId: $"s{i}"),
            watcher.SendMessage($"admin socket {i}", clientId: $"a{i}"),
            Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content = $"admin rest {i}" }),
        });
        await Task.WhenAll(sends);

        var events = await EventsOnce(sessionId, e => e.Select(x => x.Data).OfType<ChatMessagePosted>().Count() >= 18);
        var contents = events.Select(e => e.Data).OfType<ChatMessagePosted>().Select(m => m.Content).ToList();
        contents.Count(c => c.StartsWith("seeker ")).ShouldBe(6);
        contents.Count(c => c.StartsWith("admin socket ")).ShouldBe(6);
        contents.Count(c => c.StartsWith("admin rest ")).ShouldBe(6);
        events.Select(e => e.Data.GetType()).Distinct().ShouldBeSubsetOf(ChatEvents.Contract.Select(c => c.Type));
    }

    [Fact]
    public async Task asking_for_a_session_twice_at_once_returns_the_same_one()
    {
        var seeker = await Api.SignUp("seeker");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Api.Send(HttpMethod.Post, "/api/chat/sessions", seeker, new { job_id = chat.JobId })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        ids.Distinct().ShouldHaveSingleItem().ShouldBe(ChatRules.SessionIdFor(seeker.Id, chat.JobId));
        (await Events(ids[0])).Count(e => e.Data is ChatSessionStarted).ShouldBe(1);
    }
}
