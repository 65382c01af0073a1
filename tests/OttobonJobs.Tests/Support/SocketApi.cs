using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Alba;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// The real API for WebSocket protocol tests, with an HTTP client and a WebSocket client. Several may share one
/// database to act as the nodes of a cluster.
/// </summary>
public sealed class SocketApi : IAsyncDisposable
{
    private readonly IAlbaHost _host;

    private SocketApi(IAlbaHost host)
    {
        _host = host;
        Http = host.Server.CreateClient();
    }

    public HttpClient Http { get; }
    public IServiceProvider Services => _host.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    // The in-memory test server speaks the real WebSocket protocol (framing, close codes) without a network port.
    public static async Task<SocketApi> Start(string databaseConnectionString, Action<IServiceCollection>? configureServices = null) =>
        new(await ApiFixture.StartHostAsync(databaseConnectionString, configureServices: configureServices));

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

    public async Task<ChatSocketClient> Connect(Guid sessionId, string? token)
    {
        var query = token is null ? "" : $"?access_token={token}";
        var socket = await _host.Server.CreateWebSocketClient().ConnectAsync(new Uri($"ws://localhost/ws/chat/{sessionId}{query}"), CancellationToken.None);
        return new ChatSocketClient(socket);
    }

    private static SignedIn Read(JsonElement body)
    {
        var user = body.GetProperty("user");
        return new SignedIn(user.GetProperty("id").GetGuid(), user.GetProperty("email").GetString()!, user.GetProperty("role").GetString()!, body.GetProperty("access_token").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }
}

/// <summary>A client end of /ws/chat: send text, receive frames, and wait for a frame matching a condition.</summary>
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

    public static bool Type(JsonElement frame, string type) => frame.TryGetProperty("type", out var t) && t.GetString() == type;
    public static bool Event(JsonElement frame, string name) => frame.TryGetProperty("event", out var e) && e.GetString() == name;

    public void Dispose() => socket.Dispose();
}
