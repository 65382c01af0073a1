using System.Threading.RateLimiting;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Projections.Identity;


namespace OttobonJobs.Api.Access;

public static class AuthenticationSetup
{
    public const string AuthRateLimitPolicy = "auth";
    public const string AccountGone = "This account no longer exists. Sign in with another account.";

    public static IServiceCollection AddOttobonAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<JwtSigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<PasswordHashing>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<OttobonSettings>, JwtSigningKey>((options, settings, signingKey) =>
            {
                var jwt = settings.Value.Jwt;
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = signingKey.Key,
                    // Only HS256: "alg: none" and algorithm-confusion tokens are rejected outright.
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = CurrentUser.NameClaim,
                    RoleClaimType = CurrentUser.RoleClaim,
                };
                options.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: they send the token in the query string
                    // or as the Sec-WebSocket-Protocol value.
                    OnMessageReceived = context =>
                    {
                        if (!context.HttpContext.Request.Path.StartsWithSegments("/ws")) return Task.CompletedTask;
                        var query = context.Request.Query["access_token"].ToString();
                        var protocol = context.Request.Headers.SecWebSocketProtocol.ToString()
                            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                            .FirstOrDefault(p => p.Count(c => c == '.') == 2);
                        context.Token = !string.IsNullOrEmpty(query) ? query : protocol;
                        return Task.CompletedTask;
                    },
                    // A signature proves who the token was issued to, not that the account still exists: a deleted
                    // account's credentials are gone, and its tokens (REST and sockets alike) stop working at once.
                    // One primary-key existence check, no document read.
                    OnTokenValidated = async context =>
                    {
                        var known = Guid.TryParse(context.Principal?.FindFirst(CurrentUser.UserIdClaim)?.Value, out var userId)
                            && await context.HttpContext.RequestServices.GetRequiredService<IQuerySession>()
                                .CheckExistsAsync<UserCredentials>(userId, context.HttpContext.RequestAborted);
                        if (!known) context.Fail(new SecurityTokenValidationException(AccountGone));
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var detail = context.AuthenticateFailure switch
                        {
                            SecurityTokenExpiredException => "Your session has expired. Please sign in again.",
                            SecurityTokenValidationException { Message: AccountGone } => AccountGone,
                            not null => "The access token is invalid.",
                            null when context.Request.Headers.Authorization.Count > 0 => "The access token is invalid.",
                            null => "Sign in to continue: this endpoint needs an access token.",
                        };
                        await ApiProblems.Write(context.HttpContext, StatusCodes.Status401Unauthorized, detail);
                    },
                    OnForbidden = context => ApiProblems.Write(context.HttpContext, StatusCodes.Status403Forbidden,
                        "Your account's role is not allowed to do this."),
                };
            });
        services.AddAuthorization();

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AuthRateLimitPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<OttobonSettings>>().Value.AuthRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });
            });
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(ApiProblems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    "Too many requests. Please wait a minute and try again."));
            };
        });
        return services;
    }
}
