using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// Many concurrent chats with the local coach: N seekers sign up, each starts a general session and opens
/// /ws/chat/{id}; once every socket has its history_replay (which holds the greeting), a burst (every session sends
/// its messages one after another, all at once) and a steady phase (a fixed rate spread over the sessions), each
/// message timed from sending to the coach's next ai_reply frame; beside them pgbench's simple-update TPS on the same
/// cluster, in the same run.
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

        // ---- 0. Baseline -----------------------------------------------------------------------------------------------
        Console.WriteLine($"\n[0/4] Baseline: pgbench simple-update, 8 clients, {options.PgbenchDuration.TotalSeconds:F0} s, on a scratch database of the same cluster");
        var pgbenchTps = await PgbenchBaseline.RunAsync(options, dataSource, ct);
        Console.WriteLine($"  {pgbenchTps:F0} TPS");

        // ---- 1. Seekers and sessions -----------------------------------------------------------------------------------
        Console.WriteLine($"\n[1/4] Signing up {options.Sessions} seekers and starting a general session each ({options.SignupConcurrency} at a time)");
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
        Console.WriteLine($"\n[2/4] Opening {options.Sessions} WebSockets (/ws/chat/{{id}}, token as the WebSocket protocol) and waiting for each history_replay");
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

        // ---- 3. Burst ---------------------------------------------------------------------------------------------------
        Console.WriteLine($"\n[3/4] Burst: every session sends {options.Messages} messages one after another (all {options.Sessions} sessions at once), each timed to the next ai_reply");
        var errors = new Errors();
        var before = await DatabaseCounters.ReadAsync(dataSource, ct);
        var latencies = new Latencies();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sockets.Select((socket, i) => Task.Run(async () =>
        {
            var own = new Latencies();
            for (var m = 0; m < options.Messages; m++)
            {
                var outcome = await socket.AskAsync(Questions[(i + m) % Questions.Length], $"bench-{i}-{m}", ct);
                if (outcome.Error is { } error) { errors.Add(error); if (outcome.Fatal) break; }
                else own.Add(outcome.Milliseconds);
            }
            lock (latencies) latencies.AddRange(own);
        }, ct)));
        var elapsed = clock.Elapsed;
        var after = await DatabaseCounters.ReadAsync(dataSource, ct);
        var rate = latencies.Count / elapsed.TotalSeconds;
        Console.WriteLine($"  {latencies.Count:N0} replies in {elapsed.TotalSeconds:F1} s: p50 {latencies.P50:F1} ms, p99 {latencies.P99:F1} ms, mean {latencies.Mean:F1} ms; {rate:F1} messages/s");
        var sent = Math.Max(1, latencies.Count);
        var statementsPerMessage = before.Statements is { } s0 && after.Statements is { } s1 ? (s1 - s0) / (double)sent : (double?)null;
        var transactionsPerMessage = (after.Commits - before.Commits) / (double)sent;
        Console.WriteLine(statementsPerMessage is { } spm
            ? $"  {spm:F1} SQL statements per message (pg_stat_statements delta over the burst, without BEGIN/COMMIT/DISCARD ALL)"
            : "  pg_stat_statements is not available on this cluster: statements per message not measured here " +
              "(the test Chat/when_a_chat_message_touches_the_database counts and asserts them, <= 15)");
        Console.WriteLine($"  {transactionsPerMessage:F1} committed transactions per message (pg_stat_database delta, every session of the database)");

        // ---- 4. Steady -------------------------------------------------------------------------------------------------
        var steady = new Latencies();
        var steadyRate = 0.0;
        if (options.SteadyDuration > TimeSpan.Zero && options.SteadyRate > 0)
        {
            var total = (int)(options.SteadyRate * options.SteadyDuration.TotalSeconds);
            Console.WriteLine($"\n[4/4] Steady: {options.SteadyRate} messages/s for {options.SteadyDuration.TotalSeconds:F0} s spread over the {options.Sessions} sessions ({total} messages)");
            var steadyClock = Stopwatch.StartNew();
            var inFlight = new List<Task>();
            for (var k = 0; k < total; k++)
            {
                var due = TimeSpan.FromSeconds(k / (double)options.SteadyRate) - steadyClock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, ct);
                var socket = sockets[k % sockets.Length];
                var question = Questions[k % Questions.Length];
                var clientId = $"steady-{k}";
                inFlight.Add(Task.Run(async () =>
                {
                    var outcome = await socket.AskAsync(question, clientId, ct);
                    if (outcome.Error is { } error) errors.Add(error);
                    else lock (steady) steady.Add(outcome.Milliseconds);
                }, ct));
            }
            await Task.WhenAll(inFlight);
            steadyRate = steady.Count / steadyClock.Elapsed.TotalSeconds;
            Console.WriteLine($"  {steady.Count:N0} replies: p50 {steady.P50:F1} ms, p99 {steady.P99:F1} ms, mean {steady.Mean:F1} ms; {steadyRate:F1} messages/s");
        }
        if (errors.Count > 0) Console.WriteLine($"  ! {errors.Count} messages without a reply, e.g. {string.Join("; ", errors.Samples)}");

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
        Console.WriteLine($"{$"Chat burst, {options.Sessions} concurrent sessions × {options.Messages} messages",-62} {latencies.Count,7:N0} {latencies.P50,9:F1} {latencies.P99,9:F1} {rate,9:F1}");
        if (steady.Count > 0)
            Console.WriteLine($"{$"Chat steady, {options.SteadyRate} msg/s over {options.Sessions} sessions",-62} {steady.Count,7:N0} {steady.P50,9:F1} {steady.P99,9:F1} {steadyRate,9:F1}");
        Console.WriteLine($"{"pgbench simple-update (-N -c 8 -j 2), same cluster",-62} {"",7} {"",9} {"",9} {pgbenchTps,9:F1} (TPS)");
        Console.WriteLine(new string('-', 100));
        Console.WriteLine($"Messages without a reply: {errors.Count}. Sign-ups + sessions {signupTime.TotalSeconds:F1} s; sockets {connectTime.TotalSeconds:F1} s.");

        if (statementsPerMessage is { } measured)
            Figures.Report(Figures.AtMost("chat.statements_per_message", measured, "statements", 15,
                note: "pg_stat_statements delta over the burst / replies, without BEGIN/COMMIT/DISCARD ALL (includes Wolverine's polling)"));
        Figures.Report(new Figure("chat.transactions_per_message", transactionsPerMessage, "transactions", null, null, null, null,
            "pg_stat_database xact_commit delta over the burst / replies (includes Wolverine's polling)"));
        Figures.Report(Figures.AtLeastShareOf("chat.burst.msg_per_s", rate, "msg/s", pgbenchTps, "pgbench simple-update TPS, 8 clients, same run", 0.25,
            $"{options.Sessions} sessions × {options.Messages} messages"));
        Figures.Report(Figures.AtMost("chat.burst.p99_ms", latencies.P99, "ms", 1000, note: $"{options.Sessions} sessions × {options.Messages} messages"));
        if (steady.Count > 0)
            Figures.Report(Figures.AtMost("chat.steady.p99_ms", steady.P99, "ms", 25, note: $"{options.SteadyRate} msg/s over {options.Sessions} sessions for {options.SteadyDuration.TotalSeconds:F0} s"));
        return errors.Count == 0 ? 0 : 1;
    }

    private static string? Type(JsonElement frame) => frame.TryGetProperty("type", out var t) ? t.GetString() : null;

    /// <summary>One message's round trip: its time to the coach's reply, or why there was none (fatal: the socket is gone).</summary>
    private readonly record struct Outcome(double Milliseconds, string? Error = null, bool Fatal = false);

    private sealed class Errors
    {
        private int _count;
        private readonly List<string> _samples = [];
        public int Count => _count;
        public IReadOnlyList<string> Samples { get { lock (_samples) return [.. _samples]; } }

        public void Add(string error)
        {
            Interlocked.Increment(ref _count);
            lock (_samples) if (_samples.Count < 3) _samples.Add(error);
        }
    }

    private sealed class Socket(ClientWebSocket client)
    {
        private readonly SemaphoreSlim _oneAtATime = new(1, 1);
        public ClientWebSocket Client { get; } = client;
        public Channel<string> Frames { get; } = Channel.CreateUnbounded<string>();
        public bool ExpectGreeting { get; set; }

        /// <summary>Sends one message and waits for the coach's reply (one message at a time per socket).</summary>
        public async Task<Outcome> AskAsync(string content, string clientId, CancellationToken ct)
        {
            await _oneAtATime.WaitAsync(ct);
            try
            {
                var payload = JsonSerializer.Serialize(new { type = "message", content, client_id = clientId });
                var started = Stopwatch.GetTimestamp();
                await Client.SendAsync(Encoding.UTF8.GetBytes(payload), WebSocketMessageType.Text, true, ct);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(90));
                while (true)
                {
                    var text = await Frames.Reader.ReadAsync(timeout.Token);
                    if (text == "__pong__") continue;
                    using var frame = JsonDocument.Parse(text);
                    var type = Type(frame.RootElement);
                    if (type == "ai_reply")
                    {
                        if (ExpectGreeting && frame.RootElement.GetProperty("content").GetString()!.Contains(Greeting, StringComparison.Ordinal))
                        {
                            ExpectGreeting = false;
                            continue;
                        }
                        return new Outcome(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    if (type is "error" or "queued") return new Outcome(0, text);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException or WebSocketException)
            {
                return new Outcome(0, $"no reply: {e.GetType().Name} (socket {Client.State}, {Client.CloseStatus} {Client.CloseStatusDescription})", Fatal: true);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }

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

/// <summary>Counters of the benchmark's database: SQL statements (pg_stat_statements, when the cluster loads it) and commits.</summary>
internal sealed record DatabaseCounters(long? Statements, long Commits)
{
    public static async Task<DatabaseCounters> ReadAsync(Npgsql.NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        long? statements = null;
        try
        {
            await using var count = new Npgsql.NpgsqlCommand(
                "select coalesce(sum(calls), 0)::bigint from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) " +
                "and upper(trim(query)) not in ('BEGIN', 'COMMIT', 'ROLLBACK', 'DISCARD ALL')", connection);
            statements = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        catch (Npgsql.PostgresException) { } // the extension is not installed or not preloaded
        await using var commits = new Npgsql.NpgsqlCommand("select xact_commit from pg_stat_database where datname = current_database()", connection);
        return new DatabaseCounters(statements, (long)(await commits.ExecuteScalarAsync(ct))!);
    }
}

/// <summary>
/// pgbench's simple-update workload (<c>-N -c 8 -j 2</c>) on a scratch database of the benchmark's own cluster,
/// initialised at scale 1 and dropped afterwards: the write throughput this machine's PostgreSQL gives, measured in the same run.
/// </summary>
internal static class PgbenchBaseline
{
    public static async Task<double> RunAsync(Options options, Npgsql.NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(options.DatabaseUrl);
        var scratch = $"pgbench_{Guid.NewGuid():N}"[..20];
        await using (var create = dataSource.CreateCommand($"CREATE DATABASE \"{scratch}\"")) await create.ExecuteNonQueryAsync(ct);
        try
        {
            await PgbenchAsync(options, target, ["-i", "-s", "1", "-q", scratch], ct);
            var output = await PgbenchAsync(options, target, ["-N", "-c", "8", "-j", "2", "-T", $"{options.PgbenchDuration.TotalSeconds:F0}", scratch], ct);
            var tps = System.Text.RegularExpressions.Regex.Match(output, @"tps = ([0-9.]+)");
            return tps.Success ? double.Parse(tps.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"pgbench printed no 'tps =': {output}");
        }
        finally
        {
            await using var drop = dataSource.CreateCommand($"DROP DATABASE IF EXISTS \"{scratch}\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<string> PgbenchAsync(Options options, Npgsql.NpgsqlConnectionStringBuilder target, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(options.Pgbench) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-h", target.Host!, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", target.Username!, .. arguments])
            start.ArgumentList.Add(argument);
        if (target.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout + await stderr;
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} failed: {output}");
    }
}
