using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hardening;

public class when_the_database_is_down : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DatabaseProxy _proxy = null!;
    private SocketApi _api = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _proxy = DatabaseProxy.InFrontOf(_database.ConnectionString);
        var proxied = new NpgsqlConnectionStringBuilder(_proxy.ConnectionStringFor(_database.ConnectionString)) { Timeout = 3 };
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

        _proxy.RefuseConnections();
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
