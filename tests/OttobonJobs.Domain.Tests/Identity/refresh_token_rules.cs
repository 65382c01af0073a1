using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Domain.Tests.Identity;

public class refresh_token_rules
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
    private static readonly RefreshSession Started = RefreshTokenRules.Start(Guid.CreateVersion7(), Guid.CreateVersion7(), "hash-1", Now, Lifetime);

    [Fact]
    public void the_current_token_rotates_to_the_next_one_and_is_spent()
    {
        var decision = RefreshTokenRules.Rotate(Started, "hash-1", "hash-2", Now.AddHours(1), Lifetime);

        decision.Outcome.ShouldBe(RefreshOutcome.Rotated);
        decision.NewState!.CurrentHash.ShouldBe("hash-2");
        decision.NewState.SpentHashes.ShouldBe(["hash-1"]);
        decision.NewState.ExpiresAt.ShouldBe(Now.AddHours(1) + Lifetime);
        decision.NewState.RevokedAt.ShouldBeNull();
    }

    [Fact]
    public void a_spent_token_presented_again_revokes_the_whole_family()
    {
        var rotated = RefreshTokenRules.Rotate(Started, "hash-1", "hash-2", Now, Lifetime).NewState!;

        var decision = RefreshTokenRules.Rotate(rotated, "hash-1", "hash-3", Now.AddMinutes(1), Lifetime);

        decision.Outcome.ShouldBe(RefreshOutcome.Reused);
        decision.NewState!.RevokedAt.ShouldBe(Now.AddMinutes(1));
        decision.NewState.RevokedBecause.ShouldBe(RefreshTokenRules.RevokedByReuse);
        RefreshTokenRules.Rotate(decision.NewState, "hash-2", "hash-4", Now.AddMinutes(2), Lifetime).Outcome.ShouldBe(RefreshOutcome.Revoked);
    }

    [Fact]
    public void an_unknown_token_changes_nothing()
    {
        var decision = RefreshTokenRules.Rotate(Started, "made-up", "hash-2", Now, Lifetime);

        decision.Outcome.ShouldBe(RefreshOutcome.Unknown);
        decision.NewState.ShouldBeNull();
        RefreshTokenRules.Rotate(null, "hash-1", "hash-2", Now, Lifetime).Outcome.ShouldBe(RefreshOutcome.Unknown);
    }

    [Fact]
    public void an_expired_session_does_not_rotate()
    {
        RefreshTokenRules.Rotate(Started, "hash-1", "hash-2", Now + Lifetime, Lifetime).Outcome.ShouldBe(RefreshOutcome.Expired);
    }

    [Fact]
    public void a_revoked_session_refuses_even_its_current_token_and_keeps_its_first_reason()
    {
        var loggedOut = RefreshTokenRules.Revoke(Started, RefreshTokenRules.RevokedByLogout, Now);

        RefreshTokenRules.Rotate(loggedOut, "hash-1", "hash-2", Now, Lifetime).Outcome.ShouldBe(RefreshOutcome.Revoked);
        RefreshTokenRules.Revoke(loggedOut, RefreshTokenRules.RevokedByPasswordChange, Now.AddMinutes(1)).RevokedBecause
            .ShouldBe(RefreshTokenRules.RevokedByLogout);
    }

    [Fact]
    public void only_the_last_spent_hashes_are_kept()
    {
        var session = Started;
        for (var i = 1; i <= RefreshTokenRules.SpentHashesKept + 5; i++)
            session = RefreshTokenRules.Rotate(session, $"hash-{i}", $"hash-{i + 1}", Now, Lifetime).NewState!;

        session.SpentHashes.Count.ShouldBe(RefreshTokenRules.SpentHashesKept);
        session.SpentHashes[^1].ShouldBe($"hash-{RefreshTokenRules.SpentHashesKept + 5}");
    }
}
