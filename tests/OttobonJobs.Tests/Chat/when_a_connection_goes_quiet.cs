using System.Net.WebSockets;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Chat;

/// <summary>The silence limit (90 s in production) shortened to 2 s, on a real socket.</summary>
public class when_a_connection_goes_quiet : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SocketApi _api = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _api = await SocketApi.Start(_database.ConnectionString, new Dictionary<string, string?> { ["Ottobon:Chat:SilenceLimit"] = "00:00:02" });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<ChatSocketClient> ConnectedSeeker()
    {
        var seeker = await _api.SignUp("seeker");
        var sessionId = (await _api.Json(HttpMethod.Post, "/api/chat/sessions", seeker, new { })).GetProperty("id").GetGuid();
        var client = await _api.Connect(sessionId, seeker.Token);
        await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        return client;
    }

    [Fact]
    public async Task a_silent_connection_is_closed_with_4408_and_a_reason()
    {
        using var client = await ConnectedSeeker();

        string? frame;
        do frame = await client.Receive(TimeSpan.FromSeconds(15));
        while (frame is not null);

        ((int?)client.Socket.CloseStatus).ShouldBe(4408);
        client.Socket.CloseStatusDescription.ShouldBe("No message or ping for 2 seconds.");
    }

    [Fact]
    public async Task pings_keep_it_open_past_the_limit()
    {
        using var client = await ConnectedSeeker();

        for (var i = 0; i < 8; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await client.Send("__ping__");
        }

        client.Socket.State.ShouldBe(WebSocketState.Open);
        string? frame;
        do frame = await client.Receive();
        while (frame is not null && frame != "__pong__");
        frame.ShouldBe("__pong__");
    }
}
