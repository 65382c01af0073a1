using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Identity;

namespace OttobonJobs.Tests.Tokens;

/// <summary>The throttle's pure rule, without a database.</summary>
public class login_throttle_rules
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly LoginThrottleSettings Limits = new();
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(Limits.WindowMinutes);

    private static (bool Admitted, ThrottleCount Next, TimeSpan Wait) Admit(ThrottleCount? count, DateTimeOffset at) =>
        LoginThrottleRules.Admit(count, at, Limits.MaxFailures, Window, failures => LoginThrottleRules.AddressLockout(failures, Limits));

    [Fact]
    public void five_attempts_are_admitted_and_the_fifth_locks_the_key_for_a_minute()
    {
        ThrottleCount? count = null;
        for (var i = 0; i < 5; i++)
        {
            var attempt = Admit(count, Now);
            attempt.Admitted.ShouldBeTrue();
            count = attempt.Next;
        }

        count!.BlockedUntil.ShouldBe(Now.AddSeconds(60));
        var refused = Admit(count, Now.AddSeconds(10));
        refused.Admitted.ShouldBeFalse();
        refused.Wait.ShouldBe(TimeSpan.FromSeconds(50));
    }

    [Fact]
    public void each_failure_after_the_lockout_doubles_it_up_to_the_cap()
    {
        LoginThrottleRules.AddressLockout(5, Limits).ShouldBe(TimeSpan.FromSeconds(60));
        LoginThrottleRules.AddressLockout(6, Limits).ShouldBe(TimeSpan.FromSeconds(120));
        LoginThrottleRules.AddressLockout(7, Limits).ShouldBe(TimeSpan.FromSeconds(240));
        LoginThrottleRules.AddressLockout(50, Limits).ShouldBe(TimeSpan.FromMinutes(Limits.LockoutMinutes));
    }

    [Fact]
    public void failures_older_than_the_window_are_forgotten()
    {
        var old = new ThrottleCount(4, Now.AddMinutes(-Limits.WindowMinutes - 1), null);

        var attempt = Admit(old, Now);

        attempt.Admitted.ShouldBeTrue();
        attempt.Next.Failures.ShouldBe(1);
    }
}
