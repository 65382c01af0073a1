using System.Net;
using Marten;
using Npgsql;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Identity;

public class when_signing_up(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task a_seeker_gets_a_bearer_token_and_their_account()
    {
        var email = Accounts.UniqueEmail("Asha");
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { email, password = "long-enough-1", full_name = "Asha Menon", role = "seeker" }).ToUrl("/api/auth/signup");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });

        var body = result.Json();
        body.GetProperty("token_type").GetString().ShouldBe("bearer");
        body.GetProperty("access_token").GetString()!.Split('.').Length.ShouldBe(3);
        body.GetProperty("expires_in").GetInt32().ShouldBeGreaterThan(0);
        var user = body.GetProperty("user");
        user.GetProperty("email").GetString().ShouldBe(email.ToLowerInvariant());
        user.GetProperty("role").GetString().ShouldBe("seeker");
        user.GetProperty("full_name").GetString().ShouldBe("Asha Menon");
        user.GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task the_user_is_an_event_stream_that_starts_with_registration()
    {
        var provider = await api.Host.SignedUpProvider();

        await using var session = api.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(provider.Id);
        var registered = events.ShouldHaveSingleItem().Data.ShouldBeOfType<UserRegistered>();
        registered.Role.ShouldBe(Role.Provider);
    }

    [Fact]
    public async Task the_password_hash_is_kept_in_credentials_and_in_no_event()
    {
        var seeker = await api.Host.SignedUpSeeker();

        await using var session = api.Store.QuerySession();
        var credentials = (await session.LoadAsync<UserCredentials>(seeker.Id)).ShouldNotBeNull();
        credentials.PasswordHash.ShouldNotContain("correct-horse-1");

        // Raw rows, not deserialised events: what an admin's replay or a database dump would show.
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT data::text FROM ottobon.mt_events", connection);
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));

        rows.ShouldContain(row => row.Contains(seeker.Id.ToString()));
        rows.ShouldAllBe(row => !row.Contains("PasswordHash", StringComparison.OrdinalIgnoreCase)
            && !row.Contains("password_hash", StringComparison.OrdinalIgnoreCase) && !row.Contains(credentials.PasswordHash));
    }

    [Fact]
    public async Task the_same_email_in_any_letter_case_is_a_conflict()
    {
        var email = Accounts.UniqueEmail("dup");
        await api.Host.SignedUp("seeker", email);

        var result = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { email = "  " + email.ToUpperInvariant(), password = "another-pass-2", full_name = "Someone", role = "provider" })
                .ToUrl("/api/auth/signup");
            s.StatusCodeShouldBe(HttpStatusCode.Conflict);
        });
        result.Detail().ShouldContain("already exists");
    }

    [Fact]
    public async Task concurrent_sign_ups_with_one_email_create_exactly_one_account()
    {
        var email = Accounts.UniqueEmail("race");
        var attempts = Enumerable.Range(0, 8).Select(i => api.Host.Scenario(s =>
        {
            s.Post.Json(new { email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = "race-password", full_name = $"Racer {i}", role = "seeker" })
                .ToUrl("/api/auth/signup");
            s.IgnoreStatusCode();
        }));

        var statuses = (await Task.WhenAll(attempts)).Select(r => r.Context.Response.StatusCode).ToList();

        statuses.Count(s => s == 201).ShouldBe(1);
        statuses.Count(s => s == 409).ShouldBe(7);
        await using var session = api.Store.QuerySession();
        (await session.Query<OttobonJobs.Projections.Identity.UserAccount>().CountAsync(a => a.Email == email)).ShouldBe(1);
    }

    public static TheoryData<string, object> InvalidSignUps => new()
    {
        { "email", new { email = "not-an-email", password = "long-enough-1", full_name = "A", role = "seeker" } },
        { "email", new { email = "a@b", password = "long-enough-1", full_name = "A", role = "seeker" } },
        { "email", new { email = "Bob <bob@example.com>", password = "long-enough-1", full_name = "A", role = "seeker" } },
        { "password", new { email = "short@example.com", password = "1234567", full_name = "A", role = "seeker" } },
        { "email", new { password = "long-enough-1", full_name = "A", role = "seeker" } },
        { "password", new { email = "nopass@example.com", full_name = "A", role = "seeker" } },
        { "full_name", new { email = "noname@example.com", password = "long-enough-1", role = "seeker" } },
        { "full_name", new { email = "blank@example.com", password = "long-enough-1", full_name = "   ", role = "seeker" } },
        { "role", new { email = "norole@example.com", password = "long-enough-1", full_name = "A" } },
        { "role", new { email = "admin@example.com", password = "long-enough-1", full_name = "A", role = "admin" } },
        { "role", new { email = "other@example.com", password = "long-enough-1", full_name = "A", role = "superuser" } },
    };

    [Theory, MemberData(nameof(InvalidSignUps))]
    public async Task invalid_input_is_422_naming_the_field_and_creates_nothing(string field, object body)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/auth/signup");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        result.Detail().ShouldContain(field);

        var email = body.GetType().GetProperty("email")?.GetValue(body) as string;
        if (email is not null)
        {
            await using var session = api.Store.QuerySession();
            (await session.Query<OttobonJobs.Projections.Identity.UserAccount>().AnyAsync(a => a.Email == email.ToLowerInvariant())).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_400_with_a_detail()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Text("{\"email\": oops").ToUrl("/api/auth/signup");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        result.Detail().ShouldNotBeNullOrWhiteSpace();
        result.ReadAsText().ShouldNotContain("   at ");
    }
}
