using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OttobonJobs.Api.Hosting;


namespace OttobonJobs.Api.Access;

public static class AuthenticationSetup
{
    /// <summary>The name <c>[EnableRateLimiting]</c> gives the per-address limit on the auth endpoints (counted in Hosting/RequestLimits.cs).</summary>
    public const string AuthRateLimitPolicy = "auth";

    public static IServiceCollection AddOttobonAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<JwtSigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<AccessTables>();
        services.AddSingleton<SocketTickets>();
        services.AddSingleton<SessionValidity>();
        services.AddMemoryCache();
        services.AddSingleton<Chat.ChatMessageLimiter>();

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
                    ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
                    NameClaimType = CurrentUser.NameClaim,
                    RoleClaimType = CurrentUser.RoleClaim,
                };
                options.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: sockets send the token as the Sec-WebSocket-Protocol
                    // value or a one-time ticket, never in the URL (see SocketAuthentication).
                    OnMessageReceived = async context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments("/ws"))
                            context.Token = await SocketAuthentication.TokenFor(context.HttpContext);
                    },
                    // A signature proves who the token was issued to, not that the account still exists or the session
                    // is still open: a deleted account, a logout or a password change stops its tokens (REST and
                    // sockets alike). Checked per request, cached briefly per session.
                    OnTokenValidated = async context =>
                    {
                        var principal = context.Principal;
                        var problem = !Guid.TryParse(principal?.FindFirst(CurrentUser.UserIdClaim)?.Value, out var userId) || principal!.SessionId() is not { } sessionId
                            ? SessionValidity.SessionEnded
                            : await context.HttpContext.RequestServices.GetRequiredService<SessionValidity>()
                                .ProblemAsync(userId, sessionId, context.HttpContext.RequestAborted);
                        if (problem is not null) context.Fail(new SecurityTokenValidationException(problem));
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var detail = context.AuthenticateFailure switch
                        {
                            SecurityTokenExpiredException => SessionValidity.SessionExpired,
                            SecurityTokenValidationException { Message: SessionValidity.AccountGone or SessionValidity.SessionEnded } e => e.Message,
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

        return services;
    }
}
