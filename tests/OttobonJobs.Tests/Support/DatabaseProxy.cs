using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of PostgreSQL, so a test can take the database away: <see cref="RefuseConnectionsFor"/>
/// cuts every open connection and refuses new ones (the port is closed) for a while, then listens again on the same port.
/// </summary>
public sealed class DatabaseProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Guid, (TcpClient Client, TcpClient Server)> _relays = new();
    private readonly object _gate = new();
    private TcpListener? _listener;

    private DatabaseProxy(IPEndPoint target, int port) => (_target, Port) = (target, port);

    public int Port { get; }

    /// <summary>How many connections the relay has accepted so far.</summary>
    public int Accepted => _accepted;

    private int _accepted;

    public static DatabaseProxy InFrontOf(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var target = new IPEndPoint(Dns.GetHostAddresses(builder.Host!).First(a => a.AddressFamily == AddressFamily.InterNetwork), builder.Port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var proxy = new DatabaseProxy(target, port);
        proxy.Listen();
        return proxy;
    }

    /// <summary>The same database, reached through this relay.</summary>
    public string ConnectionStringFor(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    public async Task RefuseConnectionsFor(TimeSpan outage)
    {
        RefuseConnections();
        await Task.Delay(outage);
        Listen();
    }

    /// <summary>Cuts every open connection and refuses new ones until the proxy is disposed: the database is gone.</summary>
    public void RefuseConnections()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
        }
        foreach (var (id, (client, server)) in _relays)
        {
            client.Dispose();
            server.Dispose();
            _relays.TryRemove(id, out _);
        }
    }

    private void Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        lock (_gate) _listener = listener;
        _ = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // stopped
            }
            Interlocked.Increment(ref _accepted);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var id = Guid.NewGuid();
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target);
            _relays[id] = (client, server);
            await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream()), server.GetStream().CopyToAsync(client.GetStream()));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // A cut connection: both ends are closed below.
        }
        finally
        {
            _relays.TryRemove(id, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate) _listener?.Stop();
        foreach (var (client, server) in _relays.Values)
        {
            client.Dispose();
            server.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
