using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hosting;

/// <summary>The shared counters against a real PostgreSQL: atomic under parallel hits, shared by nodes, cleaned up, failing open.</summary>
public class rate_limit_counters : IAsyncLifetime
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    private PostgresRateLimitCounters Node(NpgsqlDataSource? dataSource = null, ILogger<PostgresRateLimitCounters>? logger = null) =>
        new(dataSource ?? _dataSource, TimeProvider.System, logger ?? NullLogger<PostgresRateLimitCounters>.Instance);

    [Fact]
    public async Task parallel_hits_admit_exactly_the_limit()
    {
        var counters = Node();

        var hits = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => counters.HitAsync("parallel", 10, Hour, default).AsTask()));

        hits.Count(h => h.Admitted).ShouldBe(10);
        hits.Where(h => !h.Admitted).ShouldAllBe(h => h.RetryAfter > TimeSpan.Zero && h.RetryAfter <= Hour);
    }

    [Fact]
    public async Task two_nodes_count_into_the_same_window()
    {
        await using var secondDataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        var (first, second) = (Node(), Node(secondDataSource));

        var admitted = 0;
        for (var hit = 0; hit < 6; hit++)
            if ((await (hit % 2 == 0 ? first : second).HitAsync("shared", 4, Hour, default)).Admitted) admitted++;

        admitted.ShouldBe(4);
    }

    [Fact]
    public async Task expired_windows_are_deleted()
    {
        await Node().HitAsync("short-lived", 5, TimeSpan.FromSeconds(1), default);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await Node().HitAsync("another", 5, Hour, default); // a node's first hit cleans up

        await using var command = _dataSource.CreateCommand("select key from ottobon_rate_limits order by key");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        keys.ShouldBe(["another"]);
    }

    [Fact]
    public async Task an_unreachable_database_lets_the_request_through_with_a_warning()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var gone = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");

        var hit = await Node(gone, factory.CreateLogger<PostgresRateLimitCounters>()).HitAsync("offline", 1, Hour, default);

        hit.Admitted.ShouldBeTrue();
        logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("fail open"));
    }

    [Fact]
    public async Task the_memory_store_counts_the_same_limit_in_one_process()
    {
        var counters = new MemoryRateLimitCounters(TimeProvider.System);

        var hits = new List<RateLimitHit>();
        for (var hit = 0; hit < 5; hit++) hits.Add(await counters.HitAsync("memory", 3, Hour, default));

        hits.Select(h => h.Admitted).ShouldBe([true, true, true, false, false]);
    }

    [Fact]
    public async Task parallel_sliding_hits_admit_exactly_the_limit_and_two_nodes_share_them()
    {
        await using var secondDataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        var (first, second) = (Node(), Node(secondDataSource));

        var hits = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            (i % 2 == 0 ? first : second).HitSlidingAsync("sliding", 10, Hour, default).AsTask()));

        hits.Count(h => h.Admitted).ShouldBe(10);
        hits.Where(h => !h.Admitted).ShouldAllBe(h => h.RetryAfter > TimeSpan.Zero && h.RetryAfter <= Hour);
    }

    [Theory]
    [InlineData(1, 20, 1, true)]   // 1 + 20 × 0.9 = 19
    [InlineData(3, 20, 1, false)]  // 3 + 18 = 21: the last window's burst still counts just after its end
    [InlineData(3, 20, 9, true)]   // 3 + 2 = 5
    public void a_sliding_window_counts_the_share_of_the_last_window_it_still_covers(int current, int previous, int elapsedSeconds, bool admitted)
    {
        SlidingWindow.Estimate(current, previous, TimeSpan.FromSeconds(elapsedSeconds), TimeSpan.FromSeconds(10), 20).Admitted.ShouldBe(admitted);
    }

    [Fact]
    public async Task the_memory_store_counts_a_sliding_window_too()
    {
        var counters = new MemoryRateLimitCounters(TimeProvider.System);

        var hits = new List<RateLimitHit>();
        for (var hit = 0; hit < 5; hit++) hits.Add(await counters.HitSlidingAsync("memory-sliding", 3, Hour, default));

        hits.Select(h => h.Admitted).ShouldBe([true, true, true, false, false]);
    }
}
