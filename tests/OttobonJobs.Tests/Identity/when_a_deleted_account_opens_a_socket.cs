using System.Net;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Identity;

/// <summary>Sockets authenticate with the same bearer scheme as REST, so a deleted account's token closes them with 4401.</summary>
public class when_a_deleted_account_opens_a_socket : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SocketApi _api = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _api = await SocketApi.Start(_database.ConnectionString);
    }

    [Fact]
    public async Task the_socket_closes_with_4401()
    {
        var seeker = await _api.SignUp("seeker");
        var session = await _api.Json(HttpMethod.Post, "/api/chat/sessions", seeker, new { job_id = (Guid?)null });
        var sessionId = session.GetProperty("id").GetGuid();

        using (var before = await _api.Connect(sessionId, seeker.Token))
            (await before.Receive()).ShouldNotBeNull();

        var deleted = await _api.Send(HttpMethod.Delete, "/api/users/me", seeker, new { password = "correct-horse-1" });
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var client = await _api.Connect(sessionId, seeker.Token);
        (await client.Receive()).ShouldBeNull();
        ((int?)client.Socket.CloseStatus).ShouldBe(4401);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }
}
