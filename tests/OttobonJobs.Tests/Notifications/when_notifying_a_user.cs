using System.Net;
using System.Text.Json;
using Marten;
using OttobonJobs.Api.Notifications;
using OttobonJobs.Domain.Notifications;
using OttobonJobs.Projections.Notifications;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Notifications;

/// <summary>The real API on Kestrel, re-checking open sockets every second, shared by the notification tests of one class.</summary>
public sealed class NotificationFixture : IAsyncLifetime
{
    private TestDatabase _database = null!;
    public SocketApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Api = await SocketApi.Start(_database.ConnectionString, new Dictionary<string, string?> { ["Ottobon:Sockets:RecheckSeconds"] = "1" });
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await _database.DisposeAsync();
    }
}

public static class NotificationScenarios
{
    public static NotifyUser Reminder(Guid userId, string key, string title = "Follow up with Acme") =>
        new(userId, NotificationKinds.Reminder, title, "You asked to be reminded today.", "/jobs", key);

    public static Task Notify(this SocketApi api, NotifyUser request) => api.Host.InvokeMessageAndWaitAsync(request);

    public static bool Type(JsonElement frame, string type) => ChatSocketClient.Type(frame, type);

    public static int Unread(JsonElement frame) => frame.GetProperty("unread_count").GetInt32();
}

public class when_notifying_a_user(NotificationFixture fixture) : IClassFixture<NotificationFixture>
{
    private SocketApi Api => fixture.Api;

    [Fact]
    public async Task a_request_delivered_twice_lands_once()
    {
        var seeker = await Api.SignUp("seeker");
        var request = NotificationScenarios.Reminder(seeker.Id, "reminder:1");

        await Api.Notify(request);
        await Api.Notify(request);
        // Two deliveries at once: one starts the stream, the other collides and, retried, changes nothing.
        var twice = request with { DedupKey = "reminder:2" };
        await Api.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(context => Task.WhenAll(context.SendAsync(twice).AsTask(), context.SendAsync(twice).AsTask())));

        var page = await Api.Json(HttpMethod.Get, "/api/notifications", seeker);
        page.GetProperty("items").GetArrayLength().ShouldBe(2);
        page.GetProperty("unread_count").GetInt32().ShouldBe(2);
        var item = page.GetProperty("items")[1];
        item.GetProperty("kind").GetString().ShouldBe(NotificationKinds.Reminder);
        item.GetProperty("title").GetString().ShouldBe("Follow up with Acme");
        item.GetProperty("link").GetString().ShouldBe("/jobs");
    }

    [Fact]
    public async Task the_list_is_newest_first_in_pages_that_continue_where_the_last_one_ended()
    {
        var seeker = await Api.SignUp("seeker");
        for (var i = 1; i <= 5; i++) await Api.Notify(NotificationScenarios.Reminder(seeker.Id, $"page:{i}", $"Reminder {i}"));

        var titles = new List<string>();
        string? before = null;
        var pages = 0;
        do
        {
            var page = await Api.Json(HttpMethod.Get, "/api/notifications?limit=2" + (before is null ? "" : $"&before={before}"), seeker);
            titles.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!));
            before = page.GetProperty("next_before").GetString();
            pages++;
        } while (before is not null && pages < 10);

        pages.ShouldBe(3);
        titles.ShouldBe(["Reminder 5", "Reminder 4", "Reminder 3", "Reminder 2", "Reminder 1"]);
    }

    [Theory]
    [InlineData("/api/notifications?limit=0", "limit")]
    [InlineData("/api/notifications?limit=101", "limit")]
    [InlineData("/api/notifications?before=not-a-cursor", "before")]
    public async Task bad_paging_is_a_422_naming_the_parameter(string url, string parameter)
    {
        var seeker = await Api.SignUp("seeker");
        var response = await Api.Send(HttpMethod.Get, url, seeker);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain(parameter);
    }

    [Fact]
    public async Task the_endpoints_need_a_signed_in_user()
    {
        (await Api.Send(HttpMethod.Get, "/api/notifications", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Api.Send(HttpMethod.Get, "/api/notifications/unread-count", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Api.Send(HttpMethod.Post, "/api/notifications/read-all", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task each_role_has_its_own_notifications_and_never_sees_anothers()
    {
        var seeker = await Api.SignUp("seeker");
        var provider = await Api.SignUp("provider");
        await Api.Notify(NotificationScenarios.Reminder(seeker.Id, "mine"));
        await Api.Notify(NotificationScenarios.Reminder(provider.Id, "theirs", "For the provider"));

        var providers = await Api.Json(HttpMethod.Get, "/api/notifications", provider);
        providers.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldBe(["For the provider"]);

        var seekers = NotificationIds.For(seeker.Id, "mine");
        var read = await Api.Send(HttpMethod.Post, $"/api/notifications/{seekers}/read", provider);
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await read.Content.ReadAsStringAsync()).ShouldContain(NotificationDecisions.NoSuchNotification);
        (await Api.Send(HttpMethod.Post, $"/api/notifications/{Guid.NewGuid()}/read", seeker)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.Json(HttpMethod.Get, "/api/notifications/unread-count", seeker)).GetProperty("unread_count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task marking_one_and_then_all_read_brings_the_unread_count_to_zero()
    {
        var seeker = await Api.SignUp("seeker");
        for (var i = 1; i <= 3; i++) await Api.Notify(NotificationScenarios.Reminder(seeker.Id, $"read:{i}"));

        var first = NotificationIds.For(seeker.Id, "read:1");
        (await Api.Send(HttpMethod.Post, $"/api/notifications/{first}/read", seeker)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Api.Send(HttpMethod.Post, $"/api/notifications/{first}/read", seeker)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Api.Json(HttpMethod.Get, "/api/notifications/unread-count", seeker)).GetProperty("unread_count").GetInt32().ShouldBe(2);

        (await Api.Json(HttpMethod.Post, "/api/notifications/read-all", seeker)).GetProperty("marked").GetInt32().ShouldBe(2);
        (await Api.Json(HttpMethod.Post, "/api/notifications/read-all", seeker)).GetProperty("marked").GetInt32().ShouldBe(0);

        var page = await Api.Json(HttpMethod.Get, "/api/notifications", seeker);
        page.GetProperty("unread_count").GetInt32().ShouldBe(0);
        page.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("read_at").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task the_socket_sends_a_snapshot_then_each_new_notification_and_the_unread_count()
    {
        var seeker = await Api.SignUp("seeker");
        await Api.Notify(NotificationScenarios.Reminder(seeker.Id, "before", "Already there"));
        using var socket = await Api.ConnectWithTicket(NotificationSocket.Path, await Api.Ticket(seeker));

        var snapshot = await socket.WaitFor(f => NotificationScenarios.Type(f, "snapshot"));
        NotificationScenarios.Unread(snapshot).ShouldBe(1);
        snapshot.GetProperty("notifications")[0].GetProperty("title").GetString().ShouldBe("Already there");

        await Api.Notify(NotificationScenarios.Reminder(seeker.Id, "live", "Pushed live"));
        var pushed = await socket.WaitFor(f => NotificationScenarios.Type(f, "notification"), TimeSpan.FromSeconds(10));
        pushed.GetProperty("notification").GetProperty("title").GetString().ShouldBe("Pushed live");
        NotificationScenarios.Unread(await socket.WaitFor(f => NotificationScenarios.Type(f, "unread_count"), TimeSpan.FromSeconds(10))).ShouldBe(2);

        (await Api.Json(HttpMethod.Post, "/api/notifications/read-all", seeker)).GetProperty("marked").GetInt32().ShouldBe(2);
        await socket.WaitFor(f => NotificationScenarios.Type(f, "unread_count") && NotificationScenarios.Unread(f) == 0, TimeSpan.FromSeconds(10));

        await socket.Send("__ping__");
        (await socket.Receive()).ShouldBe("__pong__");
    }

    [Fact]
    public async Task a_socket_without_a_token_or_with_a_reused_ticket_closes_with_4401()
    {
        var seeker = await Api.SignUp("seeker");
        using (var anonymous = await Api.ConnectTo(NotificationSocket.Path, null))
        {
            (await anonymous.Receive()).ShouldBeNull();
            ((int?)anonymous.Socket.CloseStatus).ShouldBe(4401);
        }

        var ticket = await Api.Ticket(seeker);
        using (var first = await Api.ConnectWithTicket(NotificationSocket.Path, ticket))
            await first.WaitFor(f => NotificationScenarios.Type(f, "snapshot"));
        using var second = await Api.ConnectWithTicket(NotificationSocket.Path, ticket);
        (await second.Receive()).ShouldBeNull();
        ((int?)second.Socket.CloseStatus).ShouldBe(4401);

        using var inUrl = await Api.ConnectWithTokenInUrl(NotificationSocket.Path, seeker.Token);
        (await inUrl.Receive()).ShouldBeNull();
        ((int?)inUrl.Socket.CloseStatus).ShouldBe(4401);
    }

    [Fact]
    public async Task signing_out_closes_the_open_socket_with_4401()
    {
        var seeker = await Api.SignUp("seeker");
        using var socket = await Api.ConnectTo(NotificationSocket.Path, seeker.Token);
        await socket.WaitFor(f => NotificationScenarios.Type(f, "snapshot"));

        (await Api.Send(HttpMethod.Post, "/api/auth/logout", seeker)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        string? frame;
        do frame = await socket.Receive(TimeSpan.FromSeconds(15));
        while (frame is not null);
        ((int?)socket.Socket.CloseStatus).ShouldBe(4401);
    }

    [Fact]
    public async Task an_erased_account_leaves_no_notification_text_behind()
    {
        var seeker = await Api.SignUp("seeker");
        await Api.Notify(NotificationScenarios.Reminder(seeker.Id, "erase", "Interview at Acme on Friday"));

        (await Api.Send(HttpMethod.Delete, "/api/users/me", seeker, new { password = "correct-horse-1" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var id = NotificationIds.For(seeker.Id, "erase");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var query = Api.Store.QuerySession();
            var row = await query.LoadAsync<UserNotification>(id);
            var added = (await query.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<NotificationAdded>().Single();
            if (row is null && added.Title == NotificationStoreConfiguration.ErasedText)
            {
                added.Body.ShouldBe(NotificationStoreConfiguration.ErasedText);
                added.Link.ShouldBeNull();
                return;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still there: row {row is not null}, title '{added.Title}'.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task a_request_that_arrives_after_the_account_was_erased_writes_nothing()
    {
        var seeker = await Api.SignUp("seeker");
        (await Api.Send(HttpMethod.Delete, "/api/users/me", seeker, new { password = "correct-horse-1" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await Api.Notify(NotificationScenarios.Reminder(seeker.Id, "late", "Interview at Acme on Friday"));
        await Api.Notify(NotificationScenarios.Reminder(Guid.NewGuid(), "nobody", "For no account at all"));

        await using var query = Api.Store.QuerySession();
        (await query.Events.FetchStreamStateAsync(NotificationIds.For(seeker.Id, "late"))).ShouldBeNull();
        (await query.Query<UserNotification>().Where(n => n.UserId == seeker.Id).CountAsync()).ShouldBe(0);
    }
}

/// <summary>Two nodes on one database: a notification written on one reaches the user's socket on the other.</summary>
public class when_two_servers_ring_one_bell : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SocketApi _first = null!;
    private SocketApi _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _first = await SocketApi.Start(_database.ConnectionString);
        _second = await SocketApi.Start(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task a_notification_written_on_one_server_reaches_the_socket_on_the_other()
    {
        var seeker = await _first.SignUp("seeker");
        using var socket = await _second.ConnectWithTicket(NotificationSocket.Path, await _second.Ticket(seeker));
        NotificationScenarios.Unread(await socket.WaitFor(f => NotificationScenarios.Type(f, "snapshot"))).ShouldBe(0);

        await _first.Notify(NotificationScenarios.Reminder(seeker.Id, "across", "From server one"));

        var pushed = await socket.WaitFor(f => NotificationScenarios.Type(f, "notification"), TimeSpan.FromSeconds(10));
        pushed.GetProperty("notification").GetProperty("title").GetString().ShouldBe("From server one");
        NotificationScenarios.Unread(await socket.WaitFor(f => NotificationScenarios.Type(f, "unread_count"), TimeSpan.FromSeconds(10))).ShouldBe(1);

        (await _first.Send(HttpMethod.Post, $"/api/notifications/{NotificationIds.For(seeker.Id, "across")}/read", seeker)).EnsureSuccessStatusCode();
        await socket.WaitFor(f => NotificationScenarios.Type(f, "unread_count") && NotificationScenarios.Unread(f) == 0, TimeSpan.FromSeconds(10));
    }
}
