using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// Many concurrent chats with the local coach: N seekers sign up, each starts a general session and opens
/// /ws/chat/{id}; once every socket has its history_replay (which holds the greeting), every session sends its
/// messages one after another, each timed from sending to the coach's next ai_reply frame.
/// </summary>
public static class ChatBenchmark
{
    private const string Greeting = "I'm your Ottobon career coach";
    private static readonly string[] Questions =
    [
        "How do I prepare for interviews?",
        "What skills should I learn for a data analyst role?",
        "Can you review how I should structure my resume?",
        "How do I negotiate my first salary?",
        "What should I do in my first week at work?",
    ];

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        await using var dataSource = BenchEnvironment.DataSource(options);
        var environment = await BenchEnvironment.DescribeAsync(dataSource, ct);
        Console.WriteLine("Ottobon Jobs benchmark: concurrent chats with the local coach");
        Console.WriteLine($"  {environment}");
        using var http = ApiClient.Create(options, maxConnections: Math.Max(8, options.SignupConcurrency));

        // ---- 1. Seekers and sessions -----------------------------------------------------------------------------------
        Console.WriteLine($"\n[1/3] Signing up {options.Sessions} seekers and starting a general session each ({options.SignupConcurrency} at a time)");
        var run = Guid.NewGuid().ToString("N")[..8];
        var seekers = new (string Token, string SessionId)[options.Sessions];
        var signupClock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Sessions), new ParallelOptions { MaxDegreeOfParallelism = options.SignupConcurrency, CancellationToken = ct }, async (i, token) =>
        {
            var auth = await ApiClient.SendAsync(http, HttpMethod.Post, "api/auth/signup",
                new { email = $"bench-{run}-{i}@ottobon.test", password = "bench-password-1234", full_name = $"Bench Seeker {i}", role = "seeker" }, null, token);
            var access = auth.GetProperty("access_token").GetString()!;
            var session = await ApiClient.SendAsync(http, HttpMethod.Post, "api/chat/sessions", new { }, access, token);
            seekers[i] = (access, session.GetProperty("id").GetString()!);
        });
        var signupTime = signupClock.Elapsed;
        Console.WriteLine($"  {options.Sessions} sign-ups + sessions in {signupTime.TotalSeconds:F1} s ({options.Sessions / signupTime.TotalSeconds:F1}/s)");

        // ---- 2. Open every socket --------------------------------------------------------------------------------------
        Console.WriteLine($"\n[2/3] Opening {options.Sessions} WebSockets (/ws/chat/{{id}}, token as the WebSocket protocol) and waiting for each history_replay");
        var wsBase = new UriBuilder(options.ApiUrl) { Scheme = options.ApiUrl.Scheme == "https" ? "wss" : "ws" }.Uri;
        var sockets = new Socket[options.Sessions];
        var connectClock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Sessions), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, token) =>
        {
            var socket = new Socket(new ClientWebSocket());
            // The API refuses tokens in the URL: the token travels as the Sec-WebSocket-Protocol value, as the SPA sends it.
            socket.Client.Options.AddSubProtocol("ottobon.bearer");
            socket.Client.Options.AddSubProtocol(seekers[i].Token);
            await socket.Client.ConnectAsync(new Uri(wsBase, $"ws/chat/{seekers[i].SessionId}"), token);
            socket.StartReading();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while (true)
            {
                using var frame = JsonDocument.Parse(await socket.Frames.Reader.ReadAsync(timeout.Token));
                if (Type(frame.RootElement) != "history_replay") continue; // a greeting pushed before the replay
                var greeted = frame.RootElement.GetProperty("messages").EnumerateArray()
                    .Any(m => m.GetProperty("content").GetString()?.Contains(Greeting, StringComparison.Ordinal) == true);
                if (!greeted) socket.ExpectGreeting = true;
                break;
            }
            sockets[i] = socket;
        });
        var connectTime = connectClock.Elapsed;
        Console.WriteLine($"  {options.Sessions} sockets open with their replay in {connectTime.TotalSeconds:F1} s " +
                          $"({sockets.Count(s => s.ExpectGreeting)} replays without the greeting yet)");

        // ---- 3. Messages -----------------------------------------------------------------------------------------------
        Console.WriteLine($"\n[3/3] Every session sends {options.Messages} messages one after another (all {options.Sessions} sessions at once), each timed to the next ai_reply");
        var latencies = new Latencies();
        var errors = 0;
        var errorSamples = new List<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sockets.Select((socket, i) => Task.Run(async () =>
        {
            var own = new Latencies();
            for (var m = 0; m < options.Messages; m++)
            {
                var content = Questions[(i + m) % Questions.Length];
                var payload = JsonSerializer.Serialize(new { type = "message", content, client_id = $"bench-{i}-{m}" });
                var started = Stopwatch.GetTimestamp();
                await socket.Client.SendAsync(Encoding.UTF8.GetBytes(payload), WebSocketMessageType.Text, true, ct);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(90));
                try
                {
                    while (true)
                    {
                        var text = await socket.Frames.Reader.ReadAsync(timeout.Token);
                        if (text == "__pong__") continue;
                        using var frame = JsonDocument.Parse(text);
                        var type = Type(frame.RootElement);
                        if (type == "ai_reply")
                        {
                            if (socket.ExpectGreeting && frame.RootElement.GetProperty("content").GetString()!.Contains(Greeting, StringComparison.Ordinal))
                            {
                                socket.ExpectGreeting = false;
                                continue;
                            }
                            own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                            break;
                        }
                        if (type is "error" or "queued")
                        {
                            Interlocked.Increment(ref errors);
                            lock (errorSamples) if (errorSamples.Count < 3) errorSamples.Add(text);
                            break;
                        }
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
                {
                    Interlocked.Increment(ref errors);
                    lock (errorSamples) if (errorSamples.Count < 3) errorSamples.Add($"no reply: {e.GetType().Name} (socket {socket.Client.State}, {socket.Client.CloseStatus} {socket.Client.CloseStatusDescription})");
                    return own;
                }
            }
            return own;
        }, ct)).Select(async t => { var own = await t; lock (latencies) latencies.AddRange(own); }));
        var elapsed = clock.Elapsed;
        if (errors > 0) Console.WriteLine($"  ! {errors} messages without a reply, e.g. {string.Join("; ", errorSamples)}");
        var rate = latencies.Count / elapsed.TotalSeconds;
        Console.WriteLine($"  {latencies.Count:N0} replies in {elapsed.TotalSeconds:F1} s: p50 {latencies.P50:F1} ms, p99 {latencies.P99:F1} ms, mean {latencies.Mean:F1} ms; {rate:F1} messages/s");

        await Task.WhenAll(sockets.Select(async s =>
        {
            try { await s.Client.CloseAsync(WebSocketCloseStatus.NormalClosure, "bench done", CancellationToken.None); } catch (Exception) { }
            s.Client.Dispose();
        }));

        Console.WriteLine();
        Console.WriteLine("=== Summary ===");
        Console.WriteLine(environment);
        Console.WriteLine($"{"Measurement",-62} {"n",7} {"p50 ms",9} {"p99 ms",9} {"msg/s",9}");
        Console.WriteLine(new string('-', 100));
        Console.WriteLine($"{$"Chat round trip, {options.Sessions} concurrent sessions × {options.Messages} messages",-62} {latencies.Count,7:N0} {latencies.P50,9:F1} {latencies.P99,9:F1} {rate,9:F1}");
        Console.WriteLine(new string('-', 100));
        Console.WriteLine($"Messages without a reply: {errors}. Sign-ups + sessions {signupTime.TotalSeconds:F1} s; sockets {connectTime.TotalSeconds:F1} s.");
        return errors == 0 ? 0 : 1;
    }

    private static string? Type(JsonElement frame) => frame.TryGetProperty("type", out var t) ? t.GetString() : null;

    private sealed class Socket(ClientWebSocket client)
    {
        public ClientWebSocket Client { get; } = client;
        public Channel<string> Frames { get; } = Channel.CreateUnbounded<string>();
        public bool ExpectGreeting { get; set; }

        public void StartReading() => _ = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            var message = new MemoryStream();
            try
            {
                while (Client.State == WebSocketState.Open)
                {
                    var result = await Client.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close) break;
                    message.Write(buffer, 0, result.Count);
                    if (!result.EndOfMessage) continue;
                    Frames.Writer.TryWrite(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
            catch (Exception) { }
            finally { Frames.Writer.TryComplete(); }
        });
    }
}
