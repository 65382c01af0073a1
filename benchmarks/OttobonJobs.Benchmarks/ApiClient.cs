using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OttobonJobs.Benchmarks;

/// <summary>The few API calls the ingestion and chat scenarios make (JSON in snake_case, as the API speaks it).</summary>
public static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static HttpClient Create(Options options, int maxConnections = 64) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = maxConnections })
        {
            BaseAddress = options.ApiUrl,
            Timeout = TimeSpan.FromSeconds(120),
        };

    public static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, object? body, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> LogInAsync(HttpClient http, string email, string password, CancellationToken ct) =>
        (await SendAsync(http, HttpMethod.Post, "api/auth/login", new { email, password }, null, ct)).GetProperty("access_token").GetString()!;
}
