using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Marten;
using Xunit.Abstractions;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Tokens;

/// <summary>The real API on Kestrel, re-checking open sockets every second, with short-lived access tokens in one class.</summary>
public class when_sockets_authenticate(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SocketApi _api = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _api = await SocketApi.Start(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Ottobon:Sockets:RecheckSeconds"] = "1",
            ["Ottobon:ChatFlood:MessagesPerUser"] = "20",
            ["Ottobon:ChatFlood:WindowSeconds"] = "60",
        });
    }

    private async Task<(SignedIn Seeker, Guid SessionId)> SeekerWithChat()
    {
        var seeker = await _api.SignUp("seeker");
        var session = await _api.Json(HttpMethod.Post, "/api/chat/sessions", seeker, new { job_id = (Guid?)null });
        return (seeker, session.GetProperty("id").GetGuid());
    }

    private static async Task ShouldCloseWith4401(ChatSocketClient client)
    {
        string? frame;
        do frame = await client.Receive(TimeSpan.FromSeconds(15));
        while (frame is not null);
        ((int?)client.Socket.CloseStatus).ShouldBe(4401);
    }

    [Fact]
    public async Task an_access_token_in_the_url_is_refused_with_4401()
    {
        var (seeker, sessionId) = await SeekerWithChat();

        using var client = await _api.ConnectWithTokenInUrl($"/ws/chat/{sessionId}", seeker.Token);

        (await client.Receive()).ShouldBeNull();
        ((int?)client.Socket.CloseStatus).ShouldBe(4401);
        client.Socket.CloseStatusDescription.ShouldNotBeNull().ShouldContain("ticket");
    }

    [Fact]
    public async Task an_access_token_in_the_url_does_not_open_the_admin_feeds()
    {
        var admin = await _api.Admin();
        (await _api.RefusalStatus("/ws/admin/sessions?access_token=" + admin.Token, null)).ShouldBe(HttpStatusCode.Unauthorized);
        (await _api.RefusalStatus("/ws/admin/ingestion?access_token=" + admin.Token, null)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_ticket_opens_one_socket_once()
    {
        var (seeker, sessionId) = await SeekerWithChat();
        var ticket = await _api.Ticket(seeker);

        using (var first = await _api.ConnectWithTicket($"/ws/chat/{sessionId}", ticket))
            (await first.WaitFor(f => ChatSocketClient.Type(f, "history_replay"))).ShouldNotBe(default);

        using var second = await _api.ConnectWithTicket($"/ws/chat/{sessionId}", ticket);
        (await second.Receive()).ShouldBeNull();
        ((int?)second.Socket.CloseStatus).ShouldBe(4401);
    }

    [Fact]
    public async Task a_ticket_opens_the_control_tower_for_an_admin()
    {
        var admin = await _api.Admin();
        using var tower = await _api.ConnectWithTicket("/ws/admin/sessions", await _api.Ticket(admin));
        tower.Socket.State.ShouldBe(WebSocketState.Open);
        (await _api.RefusalStatus("/ws/admin/sessions?ticket=made-up", null)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_deleted_accounts_open_socket_is_closed_with_4401()
    {
        var (seeker, sessionId) = await SeekerWithChat();
        using var client = await _api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        (await _api.Send(HttpMethod.Delete, "/api/users/me", seeker, new { password = "correct-horse-1" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await ShouldCloseWith4401(client);
        client.Socket.CloseStatusDescription.ShouldNotBeNull().ShouldContain("no longer exists");
        await using var query = _api.Store.QuerySession();
        (await query.Query<RefreshSession>().CountAsync(s => s.UserId == seeker.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task a_logged_out_sessions_sockets_are_closed_with_4401()
    {
        var (seeker, sessionId) = await SeekerWithChat();
        var admin = await _api.Admin();
        using var chat = await _api.Connect(sessionId, seeker.Token);
        await chat.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        using var tower = await _api.ConnectTo("/ws/admin/sessions", admin.Token);

        (await _api.Send(HttpMethod.Post, "/api/auth/logout", seeker)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _api.Send(HttpMethod.Post, "/api/auth/logout", admin)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await ShouldCloseWith4401(chat);
        await ShouldCloseWith4401(tower);
    }

    [Fact]
    public async Task messages_from_ten_sockets_of_one_user_share_one_limit()
    {
        var (seeker, sessionId) = await SeekerWithChat();
        var clients = new List<ChatSocketClient>();
        for (var i = 0; i < 10; i++) clients.Add(await _api.Connect(sessionId, seeker.Token));

        // Each socket sends five messages, then a ping: the pong comes after its five were handled.
        var refusals = await Task.WhenAll(clients.Select(async (client, n) =>
        {
            for (var m = 0; m < 5; m++) await client.SendMessage($"socket {n} message {m}", $"s{n}-m{m}");
            await client.Send("__ping__");
            var refused = 0;
            string? frame;
            while ((frame = await client.Receive()) is not null && frame != "__pong__")
            {
                if (!frame.StartsWith('{')) continue;
                var json = JsonDocument.Parse(frame).RootElement;
                if (ChatSocketClient.Type(json, "error") && json.GetProperty("message").GetString()!.Contains("too quickly"))
                {
                    json.GetProperty("retry_after").GetInt32().ShouldBeGreaterThan(0);
                    refused++;
                }
            }
            return refused;
        }));

        await using var query = _api.Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(sessionId);
        var stored = events.Select(e => e.Data).OfType<ChatMessagePosted>().Count(m => m.Role == ChatRole.User);
        output.WriteLine($"sent 50, stored {stored}, refused {refusals.Sum()}");
        stored.ShouldBeLessThanOrEqualTo(20);
        refusals.Sum().ShouldBeGreaterThanOrEqualTo(30);
        foreach (var client in clients) client.Dispose();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>A socket dies with its access token: closed with 4401 once the token's lifetime has passed.</summary>
public class when_a_sockets_token_expires : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SocketApi _api = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _api = await SocketApi.Start(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Ottobon:Jwt:LifetimeMinutes"] = "0.1",
            ["Ottobon:Jwt:ClockSkewSeconds"] = "0",
        });
    }

    [Fact]
    public async Task the_open_socket_is_closed_with_4401()
    {
        var seeker = await _api.SignUp("seeker");
        var session = await _api.Json(HttpMethod.Post, "/api/chat/sessions", seeker, new { job_id = (Guid?)null });
        using var client = await _api.Connect(session.GetProperty("id").GetGuid(), seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));

        string? frame;
        do frame = await client.Receive(TimeSpan.FromSeconds(20));
        while (frame is not null);
        ((int?)client.Socket.CloseStatus).ShouldBe(4401);
        client.Socket.CloseStatusDescription.ShouldNotBeNull().ShouldContain("expired");
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }
}
