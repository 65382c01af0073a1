using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OttobonJobs.Api.Hosting;
using Wolverine;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// The real API on Kestrel, listening on a free loopback port, with an HTTP client and real WebSocket clients for
/// protocol tests. Several may share one database to act as the nodes of a cluster.
/// </summary>
public sealed class SocketApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SocketApi(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    /// <summary>Where this node listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>The node as a host, for Wolverine's message tracking (<c>ExecuteAndWaitAsync</c>).</summary>
    public IHost Host => _app;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>Starts the API exactly as Program does, on port 0 so the operating system picks a free port.</summary>
    public static async Task<SocketApi> Start(string databaseConnectionString, IDictionary<string, string?>? extraSettings = null)
    {
        var settings = ApiFixture.BaseSettings(databaseConnectionString);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>()) settings[key] = value;
        settings["urls"] = "http://127.0.0.1:0";

        var app = OttobonApi.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.MartenDaemonModeIsSolo();
            builder.Services.RunWolverineInSoloMode();
        });
        await app.StartAsync();

        // After start, Urls holds the address Kestrel actually bound, with the port the system chose.
        return new SocketApi(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    public async Task<SignedIn> SignUp(string role)
    {
        var email = Accounts.UniqueEmail(role);
        var response = await Http.PostAsJsonAsync("/api/auth/signup", new { email, password = "correct-horse-1", full_name = $"Test {role}", role });
        response.EnsureSuccessStatusCode();
        return Read(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<SignedIn> Admin()
    {
        var response = await Http.PostAsJsonAsync("/api/auth/login", new { email = ApiFixture.AdminEmail, password = ApiFixture.AdminPassword });
        response.EnsureSuccessStatusCode();
        return Read(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<HttpResponseMessage> Send(HttpMethod method, string url, SignedIn? user, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (user is not null) request.Headers.Authorization = new("Bearer", user.Token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> Json(HttpMethod method, string url, SignedIn? user, object? body = null)
    {
        var response = await Send(method, url, user, body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Opens /ws/chat/{id} with the token as the Sec-WebSocket-Protocol value (<c>ottobon.bearer, &lt;token&gt;</c>).</summary>
    public Task<ChatSocketClient> Connect(Guid sessionId, string? token) => ConnectTo($"/ws/chat/{sessionId}", token);

    /// <summary>The same as <see cref="Connect"/>, named for the tests about the protocol header itself.</summary>
    public Task<ChatSocketClient> ConnectWithProtocolToken(Guid sessionId, string token) => Connect(sessionId, token);

    /// <summary>Opens any of the API's sockets (e.g. /ws/admin/sessions) with the token as the Sec-WebSocket-Protocol value.</summary>
    public Task<ChatSocketClient> ConnectTo(string path, string? token) => Open(SocketUri(path), socket => Offer(socket, token));

    /// <summary>Opens a socket the way the SPA does: a one-time ticket in the URL.</summary>
    public Task<ChatSocketClient> ConnectWithTicket(string path, string ticket) => Open(SocketUri(path, $"ticket={Uri.EscapeDataString(ticket)}"));

    /// <summary>Opens a socket with the access token in the URL, which the server must refuse.</summary>
    public Task<ChatSocketClient> ConnectWithTokenInUrl(string path, string token) => Open(SocketUri(path, $"access_token={Uri.EscapeDataString(token)}"));

    /// <summary>A one-time socket ticket from POST /api/ws/tickets.</summary>
    public async Task<string> Ticket(SignedIn user) =>
        (await Json(HttpMethod.Post, "/api/ws/tickets", user)).GetProperty("ticket").GetString()!;

    /// <summary>The HTTP status with which the server refuses to open <paramref name="path"/> (the socket must not open).</summary>
    public async Task<HttpStatusCode> RefusalStatus(string path, string? token)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        Offer(socket, token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Should.ThrowAsync<WebSocketException>(() => socket.ConnectAsync(SocketUri(path), timeout.Token));
        return socket.HttpStatusCode;
    }

    private static void Offer(ClientWebSocket socket, string? token)
    {
        if (token is null) return;
        socket.Options.AddSubProtocol("ottobon.bearer");
        socket.Options.AddSubProtocol(token);
    }

    private Uri SocketUri(string path, string query = "")
    {
        var uri = new UriBuilder(new Uri(Address, path.TrimStart('/'))) { Scheme = "ws" };
        if (query != "") uri.Query = query;
        return uri.Uri;
    }

    private static async Task<ChatSocketClient> Open(Uri uri, Action<ClientWebSocket>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(uri, timeout.Token);
        return new ChatSocketClient(socket);
    }

    private static SignedIn Read(JsonElement body)
    {
        var user = body.GetProperty("user");
        return new SignedIn(user.GetProperty("id").GetGuid(), user.GetProperty("email").GetString()!, user.GetProperty("role").GetString()!,
            body.GetProperty("access_token").GetString()!, body.GetProperty("refresh_token").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A client end of one of the API's sockets (/ws/chat, /ws/admin/…): send text, receive frames, and wait for a frame matching a condition.</summary>
public sealed class ChatSocketClient(WebSocket socket) : IDisposable
{
    public WebSocket Socket => socket;

    public Task Send(string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendMessage(string content, string? clientId = null) =>
        Send(JsonSerializer.Serialize(new { type = "message", content, client_id = clientId }));

    /// <summary>The next text frame (raw), or null when the server closed the socket.</summary>
    public async Task<string?> Receive(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (result.EndOfMessage) return text.ToString();
        }
    }

    /// <summary>Reads frames until one satisfies <paramref name="match"/>; fails the test if the socket closes or time runs out.</summary>
    public async Task<JsonElement> WaitFor(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var frame = await Receive(deadline - DateTime.UtcNow) ?? throw new InvalidOperationException($"The socket closed: {socket.CloseStatus} {socket.CloseStatusDescription}");
            if (!frame.StartsWith('{')) continue;
            var json = JsonDocument.Parse(frame).RootElement;
            if (match(json)) return json;
        }
        throw new TimeoutException("No matching frame arrived.");
    }

    /// <summary>Every JSON frame read until one satisfies <paramref name="match"/>, that one last (in the order they came).</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadUntil(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var read = new List<JsonElement>();
        await WaitFor(frame =>
        {
            read.Add(frame);
            return match(frame);
        }, timeout);
        return read;
    }

    public static bool Type(JsonElement frame, string type) => frame.TryGetProperty("type", out var t) && t.GetString() == type;
    public static bool Event(JsonElement frame, string name) => frame.TryGetProperty("event", out var e) && e.GetString() == name;

    public void Dispose() => socket.Dispose();
}
