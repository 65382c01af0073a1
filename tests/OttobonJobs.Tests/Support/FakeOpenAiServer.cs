using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// A stand-in for the OpenAI API on 127.0.0.1 (Kestrel on a free port), speaking its wire format.
/// Point the SDK at <see cref="BaseUrl"/> (it ends in "/v1", or the base path given to <see cref="StartAsync"/>; the SDK
/// appends "chat/completions" or "embeddings").
/// A test queues one response per expected request and endpoint, in order; every request is recorded.
/// A request with nothing queued for it gets a 500 that names the endpoint, so a missing reply fails loudly.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    public const string ChatCompletions = "chat/completions";
    public const string Embeddings = "embeddings";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<RecordedRequest, FakeResponse>>> _replies = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private readonly string _basePath;

    private FakeOpenAiServer(WebApplication app, string basePath) => (_app, _basePath) = (app, basePath);

    /// <summary>The value for OpenAiSettings.BaseUrl, e.g. "http://127.0.0.1:40123/v1".</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    /// <summary>The API's settings that make it use this server as OpenAI (a key, this address, a 5 s timeout); add more to them.</summary>
    public Dictionary<string, string?> ApiSettings() => new()
    {
        ["Ottobon:OpenAi:ApiKey"] = "sk-test-fake-key",
        ["Ottobon:OpenAi:BaseUrl"] = BaseUrl,
        ["Ottobon:OpenAi:TimeoutSeconds"] = "5",
    };

    public IReadOnlyList<RecordedRequest> RequestsTo(string endpoint) =>
        _requests.Where(r => r.Endpoint == endpoint).ToList();

    /// <param name="basePath">Where the API lives on this server: "/v1" as at OpenAI, or e.g. "/openai/v1" as behind a proxy.</param>
    public static async Task<FakeOpenAiServer> StartAsync(string basePath = "/v1")
    {
        basePath = "/" + basePath.Trim('/');
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAiServer(app, basePath);
        app.Run(server.Handle);
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/') + basePath;
        return server;
    }

    /// <summary>Queues the reply to the next request to <paramref name="endpoint"/>; it may depend on that request.</summary>
    public void Enqueue(string endpoint, Func<RecordedRequest, FakeResponse> reply) =>
        _replies.GetOrAdd(endpoint, _ => new()).Enqueue(reply);

    public void Enqueue(string endpoint, FakeResponse reply) => Enqueue(endpoint, _ => reply);

    /// <summary>A chat completion whose message content is <paramref name="content"/> (JSON or prose).</summary>
    public void ReplyToChat(string content, string finishReason = "stop") =>
        Enqueue(ChatCompletions, request => FakeResponse.Ok(FakeOpenAi.ChatCompletion(request, content, finishReason)));

    /// <summary>A streamed chat completion (server-sent events) delivering <paramref name="pieces"/> one chunk each.</summary>
    public void ReplyToChatStreaming(params string[] pieces) =>
        Enqueue(ChatCompletions, request => FakeResponse.EventStream(FakeOpenAi.ChatCompletionChunks(request, pieces)));

    /// <summary>An embedding, encoded the way the request asked (the SDK asks for base64).</summary>
    public void ReplyToEmbedding(float[] vector) =>
        Enqueue(Embeddings, request => FakeResponse.Ok(FakeOpenAi.Embedding(request, vector)));

    public void Fail(string endpoint, int status, TimeSpan? retryAfter = null) =>
        Enqueue(endpoint, FakeResponse.Error(status, retryAfter));

    /// <summary>Answers only after <paramref name="delay"/>, for timeouts; gives up quietly if the client hangs up first.</summary>
    public void Stall(string endpoint, TimeSpan delay) =>
        Enqueue(endpoint, FakeResponse.Error(503) with { Delay = delay });

    private async Task Handle(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        var prefix = _basePath + "/";
        var endpoint = path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
        var request = new RecordedRequest(
            context.Request.Method, path, endpoint, body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        _requests.Enqueue(request);

        var response = !path.StartsWith(prefix, StringComparison.Ordinal)
            ? FakeResponse.Error(404, message: $"The fake OpenAI server serves {prefix}..., not {path}.")
            : _replies.TryGetValue(endpoint, out var queue) && queue.TryDequeue(out var reply)
                ? reply(request)
                : FakeResponse.Error(500, message: $"The fake OpenAI server has no reply queued for {endpoint}.");

        if (response.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(response.Delay, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers) context.Response.Headers[name] = value;
        await context.Response.WriteAsync(response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(
    string Method, string Path, string Endpoint, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

public sealed record FakeResponse(int Status, string Body, string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public TimeSpan Delay { get; init; }

    public static FakeResponse Ok(JsonNode body) => new(200, body.ToJsonString());

    public static FakeResponse EventStream(IEnumerable<JsonNode> chunks) =>
        new(200, string.Concat(chunks.Select(c => $"data: {c.ToJsonString()}\n\n")) + "data: [DONE]\n\n", "text/event-stream");

    /// <summary>An error in OpenAI's shape: {"error": {"message", "type", "param", "code"}}.</summary>
    public static FakeResponse Error(int status, TimeSpan? retryAfter = null, string? message = null)
    {
        var (type, code) = status switch
        {
            401 => ("invalid_request_error", "invalid_api_key"),
            429 => ("requests", "rate_limit_exceeded"),
            >= 500 => ("server_error", (string?)null),
            _ => ("invalid_request_error", null),
        };
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message ?? $"Fake OpenAI error {status}.",
                ["type"] = type,
                ["param"] = null,
                ["code"] = code,
            },
        };
        var headers = retryAfter is { } wait
            ? new Dictionary<string, string> { ["retry-after"] = ((int)wait.TotalSeconds).ToString() }
            : new Dictionary<string, string>();
        return new FakeResponse(status, body.ToJsonString()) { Headers = headers };
    }
}

/// <summary>Response bodies as OpenAI writes them, echoing the requested model.</summary>
public static class FakeOpenAi
{
    /// <summary>A well-formed job_enrichment answer as the model would send it (with <paramref name="questions"/> questions).</summary>
    public static string EnrichmentAnswer(int questions = 5) => new JsonObject
    {
        ["prep_questions"] = new JsonArray(Enumerable.Range(1, questions)
            .Select(i => (JsonNode)new JsonObject { ["question"] = $"Question {i}?", ["answer_strategy"] = $"Strategy {i}." })
            .ToArray()),
        ["resume_tips"] = new JsonArray(Enumerable.Range(1, 5).Select(i => (JsonNode)$"Tip {i}").ToArray()),
        ["skills"] = new JsonArray("Excel", "Auditing", "Accounting"),
        ["salary"] = new JsonObject
        {
            ["currency"] = "INR", ["min"] = 450000, ["max"] = 700000, ["period"] = "year", ["display"] = "₹4.5L – ₹7L per year",
        },
        ["experience_level"] = "Entry level (0–2 years)",
        ["qualification"] = "B.Com, CA Inter or CA",
    }.ToJsonString();

    public static JsonObject ChatCompletion(RecordedRequest request, string content, string finishReason = "stop") => new()
    {
        ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = request.Json.GetProperty("model").GetString(),
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 50, ["total_tokens"] = 150 },
    };

    public static IEnumerable<JsonNode> ChatCompletionChunks(RecordedRequest request, string[] pieces)
    {
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var model = request.Json.GetProperty("model").GetString();
        JsonObject Chunk(JsonObject delta, string? finishReason) => new()
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        };

        yield return Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
        foreach (var piece in pieces) yield return Chunk(new JsonObject { ["content"] = piece }, null);
        yield return Chunk(new JsonObject(), "stop");
    }

    public static JsonObject Embedding(RecordedRequest request, float[] vector)
    {
        var base64 = request.Json.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        JsonNode embedding = base64
            ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()) // little-endian float32s
            : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject { ["object"] = "embedding", ["index"] = 0, ["embedding"] = embedding }),
            ["model"] = request.Json.GetProperty("model").GetString(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 8, ["total_tokens"] = 8 },
        };
    }
}
