using System.Net;
using System.Text.Json;
using Alba;

namespace OttobonJobs.Tests.Support;

public record SignedIn(Guid Id, string Email, string Role, string Token, string RefreshToken = "");

/// <summary>Scenario helpers that read like the use case: <c>await Host.SignedUpSeeker()</c>.</summary>
public static class Accounts
{
    public static string UniqueEmail(string prefix = "user") => $"{prefix}.{Guid.NewGuid():N}@example.com";

    public static Task<SignedIn> SignedUpSeeker(this IAlbaHost host) => host.SignedUp("seeker");
    public static Task<SignedIn> SignedUpProvider(this IAlbaHost host) => host.SignedUp("provider");

    public static async Task<SignedIn> SignedUp(this IAlbaHost host, string role, string? email = null, string password = "correct-horse-1")
    {
        email ??= UniqueEmail(role);
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { email, password, full_name = $"Test {role}", role }).ToUrl("/api/auth/signup");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        return Read(result.Json());
    }

    public static async Task<SignedIn> SignedInAdmin(this IAlbaHost host)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { email = ApiFixture.AdminEmail, password = ApiFixture.AdminPassword }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });
        return Read(result.Json());
    }

    /// <summary>Sends the caller's bearer token with the request.</summary>
    public static void As(this Scenario scenario, SignedIn user) =>
        scenario.WithRequestHeader("Authorization", $"Bearer {user.Token}");

    public static SignedIn Read(JsonElement body)
    {
        var user = body.GetProperty("user");
        return new SignedIn(user.GetProperty("id").GetGuid(), user.GetProperty("email").GetString()!,
            user.GetProperty("role").GetString()!, body.GetProperty("access_token").GetString()!, body.GetProperty("refresh_token").GetString()!);
    }
}
