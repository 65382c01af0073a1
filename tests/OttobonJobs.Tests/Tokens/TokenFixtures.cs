using System.Net;
using Alba;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Api.Access;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Tokens;

/// <summary>The real hasher, counting how many passwords it verified.</summary>
public class CountingPasswordHashing : PasswordHashing
{
    private int _verifications;
    public int Verifications => Volatile.Read(ref _verifications);

    public override bool Verify(string? storedHash, string password)
    {
        Interlocked.Increment(ref _verifications);
        return base.Verify(storedHash, password);
    }
}

/// <summary>
/// Sets the connection's remote address from a test header, before anything else runs: the throttle reads
/// <c>Connection.RemoteIpAddress</c> exactly as it would behind a real socket (forwarded headers are not enabled).
/// </summary>
public class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
            return following(context);
        });
        next(app);
    };
}

/// <summary>A host with a counting hasher, client addresses chosen per request, and an account ceiling that waits one second.</summary>
public class ThrottledLogins : ApiFixture
{
    public CountingPasswordHashing Passwords { get; } = new();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Ottobon:LoginThrottle:AccountDelaySeconds"] = "1",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<PasswordHashing>(Passwords);
        services.AddSingleton<IStartupFilter, TestClientAddress>();
    }
}

/// <summary>A host whose access tokens live three seconds, with no clock skew allowed.</summary>
public class ShortLivedTokens : ApiFixture
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Ottobon:Jwt:LifetimeMinutes"] = "0.05",
        ["Ottobon:Jwt:ClockSkewSeconds"] = "0",
    };
}

public static class TokenScenarios
{
    public static Task<IScenarioResult> LogIn(this IAlbaHost host, string email, string password, string address = "10.0.0.1") =>
        host.Scenario(s =>
        {
            s.Post.Json(new { email, password }).ToUrl("/api/auth/login");
            s.WithRequestHeader(TestClientAddress.Header, address);
            s.IgnoreStatusCode();
        });

    public static Task<IScenarioResult> Refresh(this IAlbaHost host, string refreshToken) =>
        host.Scenario(s =>
        {
            s.Post.Json(new { refresh_token = refreshToken }).ToUrl("/api/auth/refresh");
            s.IgnoreStatusCode();
        });

    /// <summary>GET /api/users/me with the token: 200 while the session is open, 401 once it is not.</summary>
    public static async Task<int> ProfileStatus(this IAlbaHost host, string accessToken) =>
        (await host.Scenario(s =>
        {
            s.Get.Url("/api/users/me");
            s.WithRequestHeader("Authorization", $"Bearer {accessToken}");
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode;

    public static int Status(this IScenarioResult result) => result.Context.Response.StatusCode;
}
