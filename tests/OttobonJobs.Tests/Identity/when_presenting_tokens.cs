using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Identity;

public class when_presenting_tokens(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static string Token(
        string secret = ApiFixture.JwtSecret, string issuer = ApiFixture.JwtIssuer, string audience = ApiFixture.JwtAudience,
        DateTime? expires = null, string role = "admin", Guid? userId = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (expires ?? now.AddHours(1)).AddHours(-2),
            NotBefore = (expires ?? now.AddHours(1)).AddHours(-2),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", (userId ?? Guid.NewGuid()).ToString()), new Claim("role", role)]),
        });
    }

    public static TheoryData<string, string?> BadTokens()
    {
        var valid = Token();
        var parts = valid.Split('.');
        var forgedPayload = Base64Url($$"""{"sub":"{{Guid.NewGuid()}}","role":"admin","iss":"{{ApiFixture.JwtIssuer}}","aud":"{{ApiFixture.JwtAudience}}","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""");
        return new TheoryData<string, string?>
        {
            { "missing", null },
            { "garbage", "not-a-jwt" },
            { "expired", Token(expires: DateTime.UtcNow.AddMinutes(-5)) },
            { "tampered payload", $"{parts[0]}.{forgedPayload}.{parts[2]}" },
            { "signed with another key", Token(secret: "some-other-signing-key-that-is-long-enough!!") },
            { "alg none", $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{forgedPayload}." },
            { "wrong issuer", Token(issuer: "https://evil.example") },
            { "wrong audience", Token(audience: "someone-else") },
        };
    }

    [Theory, MemberData(nameof(BadTokens))]
    public async Task a_bad_token_is_401_with_a_detail(string kind, string? token)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/admin/users");
            if (token is not null) s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        result.Detail().ShouldNotBeNullOrWhiteSpace(kind);
        result.ReadAsText().ShouldNotContain("Exception");
    }

    [Fact]
    public async Task a_valid_token_with_the_wrong_role_is_403()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/admin/users");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        result.Detail().ShouldContain("role");
    }

    [Fact]
    public async Task an_admin_token_opens_admin_endpoints()
    {
        var admin = await api.Host.SignedInAdmin();
        var provider = await api.Host.SignedUpProvider();

        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/admin/users?role=provider");
            s.As(admin);
        });
        var items = result.Json().GetProperty("items").EnumerateArray().ToList();
        items.ShouldContain(u => u.GetProperty("id").GetGuid() == provider.Id);
        items.ShouldAllBe(u => u.GetProperty("role").GetString() == "provider");
        result.ReadAsText().ShouldNotContain("password");
    }

    [Fact]
    public async Task a_token_minted_with_the_configured_key_and_a_forged_role_claim_is_still_only_as_good_as_its_signature()
    {
        // The same payload as a valid token but signed with another key must not pass as admin.
        var forged = Token(secret: "attacker-chosen-signing-key-long-enough!!", role: "admin");
        await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/users/me");
            s.WithRequestHeader("Authorization", $"Bearer {forged}");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
    }
}
