using System.Net;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Identity;

public class when_logging_in(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task the_right_password_gives_a_token_that_opens_the_profile()
    {
        var seeker = await api.Host.SignedUp("seeker", password: "my-secret-pass");

        var login = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { email = seeker.Email.ToUpperInvariant(), password = "my-secret-pass" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });
        var token = login.Json().GetProperty("access_token").GetString()!;
        login.Json().GetProperty("user").GetProperty("id").GetGuid().ShouldBe(seeker.Id);

        var me = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/users/me");
            s.WithRequestHeader("Authorization", $"Bearer {token}");
        });
        me.Json().GetProperty("email").GetString().ShouldBe(seeker.Email);
    }

    [Fact]
    public async Task a_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        var seeker = await api.Host.SignedUpSeeker();

        var wrongPassword = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { email = seeker.Email, password = "not-the-password" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        var unknownEmail = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { email = Accounts.UniqueEmail("ghost"), password = "not-the-password" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });

        wrongPassword.Detail().ShouldBe(unknownEmail.Detail());
    }

    [Fact]
    public async Task concurrent_wrong_passwords_for_one_email_are_refused_never_500()
    {
        var seeker = await api.Host.SignedUp("seeker", password: "the-real-password");
        var attempts = Enumerable.Range(0, 12).Select(i => api.Host.Scenario(s =>
        {
            s.Post.Json(new { email = seeker.Email, password = $"guess-{i}-xx" }).ToUrl("/api/auth/login");
            s.IgnoreStatusCode();
        }));

        var statuses = (await Task.WhenAll(attempts)).Select(r => r.Context.Response.StatusCode).ToList();

        statuses.ShouldAllBe(status => status == 401 || status == 429);
    }

    [Fact]
    public async Task repeated_failures_lock_the_account_out_even_for_the_right_password()
    {
        var seeker = await api.Host.SignedUp("seeker", password: "the-real-password");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await api.Host.Scenario(s =>
            {
                s.Post.Json(new { email = seeker.Email, password = $"guess-{attempt}-xx" }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
            });
        }

        var locked = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { email = seeker.Email, password = "the-real-password" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(HttpStatusCode.TooManyRequests);
        });
        locked.Detail().ShouldContain("Too many failed sign-in attempts");
        locked.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task a_success_clears_earlier_failures()
    {
        var seeker = await api.Host.SignedUp("seeker", password: "the-real-password");
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 0; attempt < 4; attempt++)
            {
                await api.Host.Scenario(s =>
                {
                    s.Post.Json(new { email = seeker.Email, password = "wrong-password" }).ToUrl("/api/auth/login");
                    s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
                });
            }
            await api.Host.Scenario(s =>
            {
                s.Post.Json(new { email = seeker.Email, password = "the-real-password" }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBe(HttpStatusCode.OK);
            });
        }
    }

    [Fact]
    public async Task missing_fields_are_422()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { email = "someone@example.com" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        result.Detail().ShouldContain("password");
    }

    [Fact]
    public async Task the_bootstrap_admin_from_settings_can_sign_in_as_admin()
    {
        var admin = await api.Host.SignedInAdmin();
        admin.Role.ShouldBe("admin");
        admin.Email.ShouldBe(ApiFixture.AdminEmail);
    }
}

/// <summary>A host whose per-address limit on /api/auth is tiny, to see the limiter answer.</summary>
public class TightAuthRateLimit : ApiFixture
{
    protected override IDictionary<string, string?> Settings() =>
        new Dictionary<string, string?> { ["Ottobon:AuthRequestsPerMinute"] = "3" };
}

public class when_one_address_floods_the_auth_endpoints(TightAuthRateLimit api) : IClassFixture<TightAuthRateLimit>
{
    [Fact]
    public async Task requests_beyond_the_limit_get_429_with_a_detail()
    {
        var statuses = new List<int>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var result = await api.Host.Scenario(s =>
            {
                s.Post.Json(new { email = "flood@example.com", password = "whatever-pass" }).ToUrl("/api/auth/login");
                s.IgnoreStatusCode();
            });
            statuses.Add(result.Context.Response.StatusCode);
            if (result.Context.Response.StatusCode == 429) result.Detail().ShouldContain("Too many requests");
        }
        statuses.Take(3).ShouldAllBe(s => s == 401);
        statuses.Skip(3).ShouldAllBe(s => s == 429);
    }
}
