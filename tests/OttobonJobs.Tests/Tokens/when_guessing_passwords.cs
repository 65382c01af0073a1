using System.Net;
using Xunit.Abstractions;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Tokens;

public class when_guessing_passwords(ThrottledLogins api, ITestOutputHelper output) : IClassFixture<ThrottledLogins>
{
    [Fact]
    public async Task twenty_five_parallel_wrong_guesses_verify_at_most_five_passwords()
    {
        var victim = await api.Host.SignedUp("seeker", password: "the-real-password");
        var before = api.Passwords.Verifications;

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => api.Host.LogIn(victim.Email, $"guess-{i}-xx", "10.1.0.1")));

        output.WriteLine($"verified {api.Passwords.Verifications - before}, 401 {results.Count(r => r.Status() == 401)}, 429 {results.Count(r => r.Status() == 429)}");
        (api.Passwords.Verifications - before).ShouldBeLessThanOrEqualTo(5);
        results.Count(r => r.Status() == 401).ShouldBeLessThanOrEqualTo(5);
        var refused = results.Where(r => r.Status() == 429).ToList();
        refused.Count.ShouldBeGreaterThanOrEqualTo(20);
        refused.ShouldAllBe(r => int.Parse(r.Context.Response.Headers.RetryAfter.ToString()) > 0);
    }

    [Fact]
    public async Task the_owner_signs_in_from_another_address_while_the_attackers_address_waits()
    {
        var owner = await api.Host.SignedUp("seeker", password: "the-real-password");
        for (var i = 0; i < 5; i++) (await api.Host.LogIn(owner.Email, $"guess-{i}-xx", "10.2.0.66")).Status().ShouldBe(401);

        var attacker = await api.Host.LogIn(owner.Email, "the-real-password", "10.2.0.66");
        attacker.Status().ShouldBe(429);
        attacker.Detail().ShouldContain("Too many failed sign-in attempts");
        int.Parse(attacker.Context.Response.Headers.RetryAfter.ToString()).ShouldBeInRange(50, 60);

        (await api.Host.LogIn(owner.Email, "the-real-password", "10.2.0.7")).Status().ShouldBe(200);
    }

    [Fact]
    public async Task an_address_that_keeps_failing_waits_longer_each_time()
    {
        var owner = await api.Host.SignedUp("seeker", password: "the-real-password");
        for (var i = 0; i < 4; i++) (await api.Host.LogIn(owner.Email, $"guess-{i}-xx", "10.3.0.66")).Status().ShouldBe(401);
        (await api.Host.LogIn(owner.Email, "guess-4-xx", "10.3.0.66")).Status().ShouldBe(401);

        // The fifth failure locks the address for 60 s; the account's own count is far below its ceiling.
        var first = await api.Host.LogIn(owner.Email, "guess-5-xx", "10.3.0.66");
        first.Status().ShouldBe(429);
        int.Parse(first.Context.Response.Headers.RetryAfter.ToString()).ShouldBeInRange(50, 60);
    }

    [Fact]
    public async Task past_the_account_ceiling_guesses_from_many_addresses_are_slowed_and_the_owner_waits_seconds_not_minutes()
    {
        var owner = await api.Host.SignedUp("seeker", password: "the-real-password");
        // Twenty failures from four addresses reach the account's ceiling.
        for (var address = 0; address < 4; address++)
            for (var i = 0; i < 5; i++)
                (await api.Host.LogIn(owner.Email, $"guess-{address}-{i}", $"10.4.{address}.66")).Status().ShouldBe(401);

        var fresh = await api.Host.LogIn(owner.Email, "guess-again", "10.4.9.66");
        var burst = await api.Host.LogIn(owner.Email, "guess-burst", "10.4.10.66");
        new[] { fresh.Status(), burst.Status() }.ShouldContain(429);
        var slowed = fresh.Status() == 429 ? fresh : burst;
        int.Parse(slowed.Context.Response.Headers.RetryAfter.ToString()).ShouldBeLessThanOrEqualTo(1);

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        (await api.Host.LogIn(owner.Email, "the-real-password", "10.4.11.7")).Status().ShouldBe(200);
    }

    [Fact]
    public async Task a_success_clears_the_addresss_failures()
    {
        var owner = await api.Host.SignedUp("seeker", password: "the-real-password");
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++) (await api.Host.LogIn(owner.Email, "wrong-password", "10.5.0.1")).Status().ShouldBe(401);
            (await api.Host.LogIn(owner.Email, "the-real-password", "10.5.0.1")).Status().ShouldBe(200);
        }
    }
}
