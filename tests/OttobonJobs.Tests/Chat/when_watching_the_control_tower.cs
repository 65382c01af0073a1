using System.Net;
using System.Text.Json;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Chat;

/// <summary>/ws/admin/sessions: the Control Tower's live list, pushed again on every chat change.</summary>
public class when_watching_the_control_tower(ChatFixture chat) : IClassFixture<ChatFixture>
{
    private SocketApi Api => chat.Api;

    [Fact]
    public async Task a_seekers_message_to_a_human_is_pushed_to_the_tower_with_its_waiting_count()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        var admin = await Api.Admin();
        using var tower = await Api.ConnectTo("/ws/admin/sessions", admin.Token);
        await tower.WaitFor(f => ChatSocketClient.Type(f, "sessions"));
        (await Api.Send(HttpMethod.Post, "/api/admin/takeover", admin, new { session_id = sessionId })).EnsureSuccessStatusCode();

        using var client = await Api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        await client.SendMessage("Is anyone watching?");

        var frame = await tower.WaitFor(f => ControlTower.Lists(f, sessionId, "Is anyone watching?"));
        var row = ControlTower.Row(frame, sessionId)!.Value;
        row.GetProperty("status").GetString().ShouldBe("active_human");
        row.GetProperty("waiting_messages").GetInt32().ShouldBe(1);
        row.GetProperty("job_title").GetString().ShouldBe("Junior Node.js Backend Developer");
    }

    [Fact]
    public async Task only_admins_may_open_it()
    {
        (await Api.RefusalStatus("/ws/admin/sessions", null)).ShouldBe(HttpStatusCode.Unauthorized);
        (await Api.RefusalStatus("/ws/admin/sessions", "not.a.jwt")).ShouldBe(HttpStatusCode.Unauthorized);
        var seeker = await Api.SignUp("seeker");
        (await Api.RefusalStatus("/ws/admin/sessions", seeker.Token)).ShouldBe(HttpStatusCode.Forbidden);
    }
}

public static class ControlTower
{
    /// <summary>The session's row in a "sessions" frame, if it is listed.</summary>
    public static JsonElement? Row(JsonElement frame, Guid sessionId) =>
        frame.GetProperty("sessions").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(s => s!.Value.GetProperty("id").GetGuid() == sessionId);

    /// <summary>A "sessions" frame listing the session with <paramref name="lastMessage"/> as its last message.</summary>
    public static bool Lists(JsonElement frame, Guid sessionId, string lastMessage) =>
        ChatSocketClient.Type(frame, "sessions")
        && Row(frame, sessionId) is { } row
        && row.GetProperty("last_message") is { ValueKind: JsonValueKind.Object } last
        && last.GetProperty("content").GetString() == lastMessage;
}
