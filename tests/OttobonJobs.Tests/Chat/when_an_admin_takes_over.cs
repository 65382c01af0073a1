using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Chat;

public class when_an_admin_takes_over(ChatFixture chat) : IClassFixture<ChatFixture>
{
    private SocketApi Api => chat.Api;

    [Fact]
    public async Task the_seeker_is_told_their_messages_are_queued_and_gets_the_admins_replies_until_hand_back()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        var takeover = await Api.Json(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId });
        takeover.GetProperty("message").GetString().ShouldBe("Takeover successful");
        (await client.WaitFor(f => ChatSocketClient.Event(f, "admin_takeover"))).GetProperty("note").GetString().ShouldBe("A human coach (Ottobon Admin) joined the chat.");

        await client.SendMessage("Can a person look at my CV?");
        (await client.WaitFor(f => ChatSocketClient.Type(f, "queued"))).GetProperty("message").GetString().ShouldBe("Your message has been forwarded to a human agent");

        var tower = await Api.Json(HttpMethod.Get, "/api/admin/sessions", admin);
        var row = tower.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == sessionId);
        row.GetProperty("status").GetString().ShouldBe("active_human");
        row.GetProperty("waiting_messages").GetInt32().ShouldBe(1);
        row.GetProperty("last_message").GetProperty("content").GetString().ShouldBe("Can a person look at my CV?");

        (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content = "Hi! I'm Meera, a coach. Send it over." })).EnsureSuccessStatusCode();
        (await client.WaitFor(f => ChatSocketClient.Type(f, "admin_message"))).GetProperty("content").GetString().ShouldBe("Hi! I'm Meera, a coach. Send it over.");

        (await Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/handback", admin)).EnsureSuccessStatusCode();
        await client.WaitFor(f => ChatSocketClient.Event(f, "admin_handback"));
        await client.SendMessage("Thanks! What skills should I learn?");
        await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply") && f.GetProperty("content").GetString()!.Contains("Junior Node.js Backend Developer"));

        var history = await Api.Json(HttpMethod.Get, $"/api/admin/sessions/{sessionId}/history", admin);
        var types = history.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        types[0].ShouldBe("chat_session_started");
        types.ShouldContain("chat_taken_over");
        types.ShouldContain("chat_handed_back");
    }

    [Fact]
    public async Task takeover_needs_an_admin_and_a_real_session()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", seeker, new { session_id = sessionId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var unknown = await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = Guid.NewGuid() });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task sessions_are_one_per_seeker_and_job_and_private_to_their_seeker()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var again = await Api.Json(HttpMethod.Post, "/api/chat/sessions", seeker, new { job_id = chat.JobId });
        again.GetProperty("id").GetGuid().ShouldBe(sessionId);
        again.GetProperty("job_title").GetString().ShouldBe("Junior Node.js Backend Developer");
        again.GetProperty("status").GetString().ShouldBe("active_ai");

        var mine = await Api.Json(HttpMethod.Get, "/api/chat/my-sessions", seeker);
        mine.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ShouldContain(sessionId);

        var stranger = await Api.SignUp("seeker");
        (await Api.Send(HttpMethod.Get, $"/api/chat/sessions/{sessionId}", stranger)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.Send(HttpMethod.Get, $"/api/chat/sessions/{sessionId}", await Api.Admin())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.Send(HttpMethod.Post, "/api/chat/sessions", stranger, new { job_id = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public class when_two_servers_carry_one_conversation : IAsyncLifetime
{
    private readonly ChatFixture _chat = new();
    private SocketApi _second = null!;

    public async Task InitializeAsync()
    {
        await _chat.InitializeAsync();
        _second = await SocketApi.Start(_chat.DatabaseConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _chat.DisposeAsync();
    }

    [Fact]
    public async Task a_seeker_on_one_server_sees_the_takeover_and_reply_made_on_the_other()
    {
        var (seeker, sessionId) = await _chat.SeekerWithSession();
        var admin = await _second.Admin();
        using var client = await _chat.Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        using var watcher = await _second.Connect(sessionId, admin.Token);
        await watcher.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        using var tower = await _second.ConnectTo("/ws/admin/sessions", admin.Token);
        await tower.WaitFor(f => ChatSocketClient.Type(f, "sessions"));

        (await _second.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        await client.WaitFor(f => ChatSocketClient.Event(f, "admin_takeover"), TimeSpan.FromSeconds(10));

        await client.SendMessage("Hello from server one");
        (await watcher.WaitFor(f => ChatSocketClient.Type(f, "user_message"), TimeSpan.FromSeconds(10))).GetProperty("content").GetString().ShouldBe("Hello from server one");
        await tower.WaitFor(f => ControlTower.Lists(f, sessionId, "Hello from server one"), TimeSpan.FromSeconds(10));

        await watcher.SendMessage("Hello from server two");
        (await client.WaitFor(f => ChatSocketClient.Type(f, "admin_message"), TimeSpan.FromSeconds(10))).GetProperty("content").GetString().ShouldBe("Hello from server two");
    }
}

/// <summary>The API with an OpenAI key, its coach pointed at a fake OpenAI server on loopback.</summary>
public class when_the_coach_is_openai : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FakeOpenAiServer _openAi = null!;
    private SocketApi _api = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _openAi = await FakeOpenAiServer.StartAsync();
        _api = await SocketApi.Start(_database.ConnectionString, _openAi.ApiSettings());
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _openAi.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A new seeker's general chat (no job, so nothing but the coach calls the fake server).</summary>
    private async Task<(SignedIn Seeker, Guid SessionId)> SeekerInGeneralChat()
    {
        var seeker = await _api.SignUp("seeker");
        var sessionId = (await _api.Json(HttpMethod.Post, "/api/chat/sessions", seeker, new { })).GetProperty("id").GetGuid();
        return (seeker, sessionId);
    }

    [Fact]
    public async Task the_models_answer_reaches_the_seeker_with_the_conversation_sent_along()
    {
        _openAi.ReplyToChat("Lead with your internship: it shows you can already reconcile accounts.");
        var (seeker, sessionId) = await SeekerInGeneralChat();
        using var client = await _api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        await client.SendMessage("What should my resume lead with?");

        var reply = await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply") && !f.GetProperty("content").GetString()!.StartsWith("Hi "));
        reply.GetProperty("content").GetString().ShouldBe("Lead with your internship: it shows you can already reconcile accounts.");
        var messages = _openAi.RequestsTo(FakeOpenAiServer.ChatCompletions).ShouldHaveSingleItem().Json.GetProperty("messages");
        messages[messages.GetArrayLength() - 1].GetProperty("content").GetString().ShouldBe("What should my resume lead with?");
    }

    [Fact]
    public async Task an_answer_that_arrives_after_a_takeover_is_dropped_and_the_ai_answers_afresh_after_hand_back()
    {
        _openAi.Enqueue(FakeOpenAiServer.ChatCompletions,
            request => FakeResponse.Ok(FakeOpenAi.ChatCompletion(request, "A late answer.")) with { Delay = TimeSpan.FromSeconds(2) });
        _openAi.ReplyToChat("A fresh answer after the hand-back.");
        var (seeker, sessionId) = await SeekerInGeneralChat();
        var admin = await _api.Admin();
        using var client = await _api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        // Everything the message sets off (asking the coach, then deciding its answer) finishes inside the tracked window.
        await _api.Host.ExecuteAndWaitAsync(async () =>
        {
            await client.SendMessage("Should I mention my gap year?");
            while (_openAi.RequestsTo(FakeOpenAiServer.ChatCompletions).Count == 0) await Task.Delay(20);
            (await _api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();
        }, timeoutInMilliseconds: 30_000);

        await using (var session = _api.Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(sessionId);
            events.Select(e => e.Data).OfType<ChatMessagePosted>().ShouldNotContain(m => m.Content == "A late answer.");
        }

        (await _api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/handback", admin)).EnsureSuccessStatusCode();
        var reply = await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply") && !f.GetProperty("content").GetString()!.StartsWith("Hi "));
        reply.GetProperty("content").GetString().ShouldBe("A fresh answer after the hand-back.");
    }

    [Fact]
    public async Task a_failing_model_gives_the_seeker_a_polite_fallback_and_the_failure_is_recorded()
    {
        _openAi.Fail(FakeOpenAiServer.ChatCompletions, 500);
        var (seeker, sessionId) = await SeekerInGeneralChat();
        using var client = await _api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        await client.SendMessage("Help me with my resume");

        var reply = await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply") && f.GetProperty("content").GetString()!.StartsWith("Sorry"));
        reply.GetProperty("content").GetString()!.ShouldContain("human coach");
        await using var session = _api.Store.QuerySession();
        var failed = (await session.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).OfType<CoachReplyFailed>().ShouldHaveSingleItem();
        failed.Reason.ShouldContain("500");
    }
}
