using System.Net;
using System.Net.WebSockets;
using System.Text;
using Marten;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Chat;

public class when_chatting_over_the_socket(ChatFixture chat) : IClassFixture<ChatFixture>
{
    private SocketApi Api => chat.Api;

    [Fact]
    public async Task a_new_session_replays_the_coachs_greeting()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        using var client = await Api.Connect(sessionId, seeker.Token);

        var replay = await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        replay.GetProperty("session_status").GetString().ShouldBe("active_ai");
        var greeting = replay.GetProperty("messages").GetArrayLength() > 0
            ? replay.Contents()[0]
            : (await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply"))).GetProperty("content").GetString()!;
        greeting.ShouldContain("Junior Node.js Backend Developer");
    }

    [Fact]
    public async Task the_ai_answers_a_plain_text_message_from_the_jobs_own_prep_questions()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        await client.Send("How should I prepare for the interview?");
        var reply = await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply") && f.GetProperty("content").GetString()!.Contains("practise"));

        await using var session = Api.Store.QuerySession();
        var details = await session.LoadAsync<OttobonJobs.Projections.Jobs.JobDetails>(chat.JobId);
        details!.PrepQuestions.Select(q => q.Question).ShouldContain(q => reply.GetProperty("content").GetString()!.Contains(q));
    }

    [Fact]
    public async Task the_token_may_come_as_the_websocket_protocol_which_the_server_echoes()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        using var client = await Api.ConnectWithProtocolToken(sessionId, seeker.Token);

        (await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"))).GetProperty("session_status").GetString().ShouldBe("active_ai");
        // The server answers with the marker protocol, never echoing the token back.
        client.Socket.SubProtocol.ShouldBe("ottobon.bearer");
    }

    [Fact]
    public async Task ping_is_answered_with_pong()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.Send("__ping__");
        string? frame;
        do frame = await client.Receive();
        while (frame is not null && frame != "__pong__");
        frame.ShouldBe("__pong__");
    }

    [Fact]
    public async Task a_reconnect_replays_the_last_ten_messages()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        using (var client = await Api.Connect(sessionId, seeker.Token))
        {
            var first = await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
            if (first.GetProperty("messages").GetArrayLength() == 0) await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply")); // the greeting
            for (var i = 1; i <= 6; i++)
            {
                await client.SendMessage($"question number {i}", clientId: $"q{i}");
                await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply"));
            }
        }

        using var again = await Api.Connect(sessionId, seeker.Token);
        var replay = await again.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        var contents = replay.Contents();
        contents.Count.ShouldBe(10);
        contents.ShouldContain("question number 6");
        contents.ShouldNotContain("question number 1"); // greeting + 12 messages: the oldest fall outside the last ten
    }

    [Fact]
    public async Task the_session_endpoint_reads_the_conversation_in_pages_from_the_newest()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        using (var client = await Api.Connect(sessionId, seeker.Token))
        {
            var first = await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
            if (first.GetProperty("messages").GetArrayLength() == 0) await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply")); // the greeting
            for (var i = 1; i <= 3; i++)
            {
                await client.SendMessage($"page question {i}", clientId: $"p{i}");
                await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply"));
            }
        }

        var wholePage = await Api.Json(HttpMethod.Get, $"/api/chat/sessions/{sessionId}", seeker);
        var whole = wholePage.GetProperty("messages").EnumerateArray().ToList();
        whole.Count.ShouldBe(7); // the greeting, three questions, three answers
        wholePage.GetProperty("has_earlier").GetBoolean().ShouldBeFalse();
        var lastPage = await Api.Json(HttpMethod.Get, $"/api/chat/sessions/{sessionId}?limit=2", seeker);
        var last = lastPage.GetProperty("messages").EnumerateArray().ToList();
        last.Select(m => m.GetProperty("id").GetGuid()).ShouldBe(whole.TakeLast(2).Select(m => m.GetProperty("id").GetGuid()));
        lastPage.GetProperty("has_earlier").GetBoolean().ShouldBeTrue();
        var before = last[0].GetProperty("version").GetInt64();
        var earlier = (await Api.Json(HttpMethod.Get, $"/api/chat/sessions/{sessionId}?before={before}&limit=2", seeker)).GetProperty("messages").EnumerateArray().ToList();
        earlier.Select(m => m.GetProperty("content").GetString()).ShouldBe(whole.Skip(3).Take(2).Select(m => m.GetProperty("content").GetString()));
        earlier[0].GetProperty("content").GetString().ShouldBe("page question 2");
        var firstPage = await Api.Json(HttpMethod.Get, $"/api/chat/sessions/{sessionId}?before={whole[2].GetProperty("version").GetInt64()}&limit=2", seeker);
        firstPage.GetProperty("messages").GetArrayLength().ShouldBe(2);
        firstPage.GetProperty("has_earlier").GetBoolean().ShouldBeFalse("the greeting is the first message");
    }

    [Fact]
    public async Task bad_frames_get_errors_and_the_session_keeps_working()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        await client.Send(new string('x', 5000));
        (await client.WaitFor(f => ChatSocketClient.Type(f, "error"))).GetProperty("message").GetString()!.ShouldContain("4 KB");

        await client.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        (await client.WaitFor(f => ChatSocketClient.Type(f, "error"))).GetProperty("message").GetString()!.ShouldContain("Binary");

        await client.Send("{\"type\": \"message\", \"content\": ");
        (await client.WaitFor(f => ChatSocketClient.Type(f, "error"))).GetProperty("message").GetString()!.ShouldContain("Invalid JSON");

        for (var i = 0; i < 25; i++) await client.SendMessage($"flood {i}");
        (await client.WaitFor(f => ChatSocketClient.Type(f, "error") && f.GetProperty("message").GetString()!.Contains("too quickly"))).ShouldNotBe(default);

        await client.Send("__ping__");
        string? frame;
        do frame = await client.Receive();
        while (frame is not null && frame != "__pong__");
        frame.ShouldBe("__pong__");
        client.Socket.State.ShouldBe(WebSocketState.Open);
    }

    [Fact]
    public async Task a_resent_message_is_stored_once_and_concurrent_messages_are_all_kept()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();

        await client.SendMessage("same message", clientId: "client-1");
        await client.SendMessage("same message", clientId: "client-1");
        var seekerMessages = Enumerable.Range(0, 8).Select(i => client.SendMessage($"seeker {i}", clientId: $"s{i}"));
        var adminMessages = Enumerable.Range(0, 8).Select(i => Api.Send(HttpMethod.Post, $"/api/admin/sessions/{sessionId}/messages", admin, new { content = $"admin {i}" }));
        await Task.WhenAll(seekerMessages.Concat<Task>(adminMessages));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<ChatTranscriptLine> lines = [];
        while (DateTime.UtcNow < deadline)
        {
            await using var session = Api.Store.QuerySession();
            lines = await ChatTranscript.PageAsync(session, sessionId, null, 100, CancellationToken.None);
            if (lines.Count(l => l.Content.StartsWith("seeker ")) == 8) break;
            await Task.Delay(100);
        }
        lines.Count(l => l.Content == "same message").ShouldBe(1);
        lines.Count(l => l.Content.StartsWith("seeker ")).ShouldBe(8);
        lines.Count(l => l.Content.StartsWith("admin ")).ShouldBe(8);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("garbage")]
    public async Task a_missing_or_bad_token_closes_with_4401(string token)
    {
        var (_, sessionId) = await chat.SeekerWithSession();
        using var client = await Api.Connect(sessionId, token == "none" ? null : "not.a.jwt");
        (await client.Receive()).ShouldBeNull();
        ((int?)client.Socket.CloseStatus).ShouldBe(4401);
    }

    [Fact]
    public async Task another_seekers_session_closes_with_4403_and_an_unknown_one_with_4404()
    {
        var (_, sessionId) = await chat.SeekerWithSession();
        var stranger = await Api.SignUp("seeker");
        using var theirs = await Api.Connect(sessionId, stranger.Token);
        (await theirs.Receive()).ShouldBeNull();
        ((int?)theirs.Socket.CloseStatus).ShouldBe(4403);

        using var unknown = await Api.Connect(Guid.NewGuid(), stranger.Token);
        (await unknown.Receive()).ShouldBeNull();
        ((int?)unknown.Socket.CloseStatus).ShouldBe(4404);
    }

    [Fact]
    public async Task a_closed_session_refuses_connections_with_4403()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        (await Api.Send(HttpMethod.Post, $"/api/chat/sessions/{sessionId}/close", seeker)).EnsureSuccessStatusCode();
        using var client = await Api.Connect(sessionId, seeker.Token);
        (await client.Receive()).ShouldBeNull();
        ((int?)client.Socket.CloseStatus).ShouldBe(4403);
    }
}
