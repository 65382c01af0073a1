using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hardening;

/// <summary>
/// A loopback TCP proxy in front of PostgreSQL that can be cut: every open connection is dropped and new ones are
/// refused, as when the database server goes away. Bounded: it only ever talks to the test's own server.
/// </summary>
public sealed class DatabaseProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly Task _accepting;

    public DatabaseProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptLoop();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptLoop()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
                lock (_connections) _connections.AddRange([client, server]);
                _ = Pipe(client.GetStream(), server.GetStream());
                _ = Pipe(server.GetStream(), client.GetStream());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task Pipe(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, _stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    /// <summary>The database is gone: open connections drop, new ones are refused (the port is closed).</summary>
    public async Task Cut()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_connections) foreach (var connection in _connections) connection.Dispose();
        await _accepting;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await Cut();
        _stop.Dispose();
    }
}

public class when_the_database_is_down : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DatabaseProxy _proxy = null!;
    private SocketApi _api = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var direct = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _proxy = new DatabaseProxy(direct.Host!, direct.Port);
        var proxied = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port, Timeout = 3 };
        _api = await SocketApi.Start(proxied.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        // Its background agents are still retrying the vanished database; stopping may take a while, never forever.
        try
        {
            await ApiFixture.StopQuietly(_api).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is TimeoutException or NpgsqlException or SocketException)
        {
        }
        await _proxy.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/jobs/feed")]
    [InlineData("/api/jobs/companies")]
    public async Task requests_get_503_with_retry_after_and_the_process_keeps_answering(string path)
    {
        (await _api.Http.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await _proxy.Cut();
        using var response = await _api.Http.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        var body = await response.Content.ReadAsStringAsync();
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        body.ShouldNotContain("Npgsql");
        body.ShouldNotContain("System.");

        // The process itself is still up and answering.
        (await _api.Http.GetAsync("/api/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
