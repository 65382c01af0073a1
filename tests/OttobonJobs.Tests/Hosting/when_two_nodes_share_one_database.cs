using System.Net;
using Alba;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hosting;

/// <summary>Two API nodes on one database, as behind a load balancer: limits, sign-in throttling and keys hold across both.</summary>
public class when_two_nodes_share_one_database : IAsyncLifetime
{
    private const int SearchesPerMinute = 4;
    private TestDatabase _database = null!;
    private IAlbaHost _first = null!;
    private IAlbaHost _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["Ottobon:RateLimits:SearchRequestsPerMinute"] = SearchesPerMinute.ToString() };
        _first = await ApiFixture.StartHostAsync(_database.ConnectionString, settings);
        _second = await ApiFixture.StartHostAsync(_database.ConnectionString, settings);
    }

    public async Task DisposeAsync()
    {
        await ApiFixture.StopQuietly(_second);
        await ApiFixture.StopQuietly(_first);
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task searches_on_both_nodes_add_up_to_one_limit()
    {
        await AwayFromAMinuteBoundary();
        var answers = new List<IScenarioResult>();
        for (var search = 0; search < SearchesPerMinute + 2; search++)
            answers.Add(await (search % 2 == 0 ? _first : _second).Scenario(s =>
            {
                s.Get.Url("/api/jobs/search?q=accountant");
                s.IgnoreStatusCode();
            }));

        var statuses = answers.Select(a => a.Context.Response.StatusCode).ToList();
        statuses.Take(SearchesPerMinute).ShouldAllBe(status => status == 200);
        statuses.Skip(SearchesPerMinute).ShouldAllBe(status => status == 429);
        var refused = answers.Last();
        refused.Detail().ShouldContain("Too many requests");
        int.Parse(refused.Context.Response.Headers.RetryAfter.ToString()).ShouldBeInRange(1, 60);
    }

    [Fact]
    public async Task wrong_passwords_on_both_nodes_lock_the_account_out_on_either()
    {
        var seeker = await _first.SignedUp("seeker", password: "the-real-password");
        for (var attempt = 0; attempt < 5; attempt++)
            await (attempt % 2 == 0 ? _first : _second).Scenario(s =>
            {
                s.Post.Json(new { email = seeker.Email, password = $"guess-{attempt}-xx" }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
            });

        foreach (var node in new[] { _first, _second })
        {
            var locked = await node.Scenario(s =>
            {
                s.Post.Json(new { email = seeker.Email, password = "the-real-password" }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBe(HttpStatusCode.TooManyRequests);
            });
            locked.Detail().ShouldContain("Too many failed sign-in attempts");
            locked.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task a_token_issued_by_one_node_is_accepted_by_the_other()
    {
        var seeker = await _first.SignedUp("seeker");

        var me = await _second.Scenario(s =>
        {
            s.Get.Url("/api/users/me");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });
        me.Json().GetProperty("email").GetString().ShouldBe(seeker.Email);
    }

    [Fact]
    public async Task what_one_node_protects_the_other_unprotects_from_one_key_ring()
    {
        var first = _first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-nodes-test");
        var second = _second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-nodes-test");

        second.Unprotect(first.Protect("made on the first node")).ShouldBe("made on the first node");
        first.Unprotect(second.Protect("made on the second node")).ShouldBe("made on the second node");

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from ottobon_data_protection_keys", connection);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1, "the second node found the first node's key instead of making its own");
    }

    /// <summary>Counters use fixed one-minute windows: a run that crosses a window's end would start counting afresh.</summary>
    private static async Task AwayFromAMinuteBoundary()
    {
        var now = DateTimeOffset.UtcNow;
        if (now.Second >= 50) await Task.Delay(TimeSpan.FromSeconds(61 - now.Second));
    }
}
