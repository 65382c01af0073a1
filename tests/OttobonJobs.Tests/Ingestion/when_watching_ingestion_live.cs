using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Ingestion;

public class when_watching_ingestion_live(ApiWithScriptedSites api) : IClassFixture<ApiWithScriptedSites>
{
    private WebSocketClient Client(string? token = null)
    {
        var client = api.Host.GetTestServer().CreateWebSocketClient();
        if (token is not null)
        {
            client.SubProtocols.Add("ottobon.bearer");
            client.SubProtocols.Add(token);
        }
        return client;
    }

    private static async Task<JsonElement> Receive(WebSocket socket)
    {
        var buffer = new byte[1 << 20];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count)).RootElement;
    }

    [Fact]
    public async Task an_admin_sees_a_new_run_pushed_without_asking()
    {
        var admin = await api.Host.SignedInAdmin();
        using var socket = await Client(admin.Token).ConnectAsync(new Uri("ws://localhost/ws/admin/ingestion"), CancellationToken.None);
        var first = await Receive(socket);
        first.GetProperty("type").GetString().ShouldBe("runs");

        api.Beta.Lists(ScriptedScraper.Posting($"L-{Guid.NewGuid():N}"));
        var runId = await api.Host.IngestedAsync(admin, "beta");

        JsonElement update;
        do update = await Receive(socket);
        while (!update.GetProperty("runs").EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == runId && r.GetProperty("completed_at").ValueKind != JsonValueKind.Null));

        var run = update.GetProperty("runs").EnumerateArray().First(r => r.GetProperty("id").GetGuid() == runId);
        run.GetProperty("sources")[0].GetProperty("jobs_new").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task the_feed_is_closed_to_anyone_but_admins()
    {
        var seeker = await api.Host.SignedUpSeeker();
        await Should.ThrowAsync<Exception>(() => Client(seeker.Token).ConnectAsync(new Uri("ws://localhost/ws/admin/ingestion"), CancellationToken.None));
        var admin = await api.Host.SignedInAdmin();
        await Should.ThrowAsync<Exception>(() => Client().ConnectAsync(new Uri($"ws://localhost/ws/admin/ingestion?access_token={admin.Token}"), CancellationToken.None));
        await Should.ThrowAsync<Exception>(() => Client().ConnectAsync(new Uri("ws://localhost/ws/admin/ingestion"), CancellationToken.None));
    }
}
