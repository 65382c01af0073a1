using System.Net;
using Alba;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Tokens;

public class when_refreshing_tokens(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task sign_up_gives_a_short_lived_access_token_and_a_refresh_token()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { email = Accounts.UniqueEmail(), password = "correct-horse-1", full_name = "Test Seeker", role = "seeker" }).ToUrl("/api/auth/signup");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var body = result.Json();
        body.GetProperty("expires_in").GetInt32().ShouldBe(15 * 60);
        body.GetProperty("refresh_token").GetString()!.Length.ShouldBeGreaterThan(60);
        body.GetProperty("refresh_expires_in").GetInt32().ShouldBe(14 * 24 * 3600);
    }

    [Fact]
    public async Task a_refresh_gives_a_new_pair_and_the_spent_refresh_token_is_refused()
    {
        var seeker = await api.Host.SignedUpSeeker();

        var refreshed = await api.Host.Refresh(seeker.RefreshToken);
        refreshed.Status().ShouldBe(200);
        var next = Accounts.Read(refreshed.Json());
        next.RefreshToken.ShouldNotBe(seeker.RefreshToken);
        next.Id.ShouldBe(seeker.Id);
        (await api.Host.ProfileStatus(next.Token)).ShouldBe(200);

        var again = await api.Host.Refresh(seeker.RefreshToken);
        again.Status().ShouldBe(401);
    }

    [Fact]
    public async Task reusing_a_spent_refresh_token_ends_the_whole_session()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var next = Accounts.Read((await api.Host.Refresh(seeker.RefreshToken)).Json());

        var reuse = await api.Host.Refresh(seeker.RefreshToken);
        reuse.Status().ShouldBe(401);
        reuse.Detail().ShouldContain("already used");

        // The thief's and the owner's newest tokens die with the family.
        (await api.Host.Refresh(next.RefreshToken)).Status().ShouldBe(401);
        (await api.Host.ProfileStatus(next.Token)).ShouldBe(401);
        (await api.Host.ProfileStatus(seeker.Token)).ShouldBe(401);
    }

    [Fact]
    public async Task two_refreshes_racing_with_one_token_give_one_new_pair()
    {
        var seeker = await api.Host.SignedUpSeeker();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.Host.Refresh(seeker.RefreshToken)));

        // The winner commits; a loser that overlapped it fails its commit (409), a later one is reuse (401).
        results.Count(r => r.Status() == 200).ShouldBe(1);
        results.ShouldAllBe(r => r.Status() == 200 || r.Status() == 401 || r.Status() == 409);
    }

    [Fact]
    public async Task logout_ends_the_session_for_its_access_and_refresh_tokens()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var other = await api.Host.LogIn(seeker.Email, "correct-horse-1");
        var otherDevice = Accounts.Read(other.Json());

        await api.Host.Scenario(s =>
        {
            s.Post.Url("/api/auth/logout");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        });

        (await api.Host.ProfileStatus(seeker.Token)).ShouldBe(401);
        (await api.Host.Refresh(seeker.RefreshToken)).Status().ShouldBe(401);
        (await api.Host.ProfileStatus(otherDevice.Token)).ShouldBe(200);
    }

    [Fact]
    public async Task changing_the_password_ends_every_session_and_keeps_the_caller_signed_in()
    {
        var seeker = await api.Host.SignedUp("seeker", password: "old-password-1");
        var laptop = Accounts.Read((await api.Host.LogIn(seeker.Email, "old-password-1")).Json());

        var changed = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { current_password = "old-password-1", new_password = "new-password-2" }).ToUrl("/api/users/me/password");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });
        var fresh = Accounts.Read(changed.Json());

        (await api.Host.ProfileStatus(seeker.Token)).ShouldBe(401);
        (await api.Host.ProfileStatus(laptop.Token)).ShouldBe(401);
        (await api.Host.Refresh(seeker.RefreshToken)).Status().ShouldBe(401);
        (await api.Host.Refresh(laptop.RefreshToken)).Status().ShouldBe(401);
        (await api.Host.ProfileStatus(fresh.Token)).ShouldBe(200);
        (await api.Host.LogIn(seeker.Email, "old-password-1")).Status().ShouldBe(401);
        (await api.Host.LogIn(seeker.Email, "new-password-2")).Status().ShouldBe(200);
    }

    [Fact]
    public async Task a_wrong_current_password_changes_nothing()
    {
        var seeker = await api.Host.SignedUp("seeker", password: "old-password-1");

        var refused = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { current_password = "not-my-password", new_password = "new-password-2" }).ToUrl("/api/users/me/password");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        refused.Detail().ShouldContain("current password");
        (await api.Host.ProfileStatus(seeker.Token)).ShouldBe(200);
        (await api.Host.LogIn(seeker.Email, "old-password-1")).Status().ShouldBe(200);
    }

    public static TheoryData<string?> ForgedRefreshTokens() => new()
    {
        null, "", "garbage", $"{Guid.NewGuid():N}.made-up-secret", new string('a', 500),
    };

    [Theory, MemberData(nameof(ForgedRefreshTokens))]
    public async Task a_forged_refresh_token_is_401_with_a_detail(string? token)
    {
        var result = await api.Host.Refresh(token!);
        result.Status().ShouldBe(401);
        result.Detail().ShouldContain("refresh token");
    }

    [Fact]
    public async Task guessing_a_refresh_token_for_a_real_session_does_not_end_it()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var sessionPart = seeker.RefreshToken.Split('.')[0];

        (await api.Host.Refresh($"{sessionPart}.guessed-secret")).Status().ShouldBe(401);
        (await api.Host.Refresh(seeker.RefreshToken)).Status().ShouldBe(200);
    }
}

public class when_an_access_token_expires(ShortLivedTokens api) : IClassFixture<ShortLivedTokens>
{
    [Fact]
    public async Task it_is_401_and_a_refresh_gets_a_working_one()
    {
        var seeker = await api.Host.SignedUpSeeker();
        (await api.Host.ProfileStatus(seeker.Token)).ShouldBe(200);

        await Task.Delay(TimeSpan.FromSeconds(4));
        var expired = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/users/me");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        expired.Detail().ShouldContain("expired");

        var next = Accounts.Read((await api.Host.Refresh(seeker.RefreshToken)).Json());
        (await api.Host.ProfileStatus(next.Token)).ShouldBe(200);
    }
}
