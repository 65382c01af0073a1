using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using Wolverine.Http;

namespace OttobonJobs.Api.Identity;

public record LogIn(string? Email, string? Password);

public static class LogInEndpoint
{
    // One message for unknown email and wrong password, so sign-in does not reveal who has an account.
    public const string BadCredentials = "Incorrect email or password.";

    public static ProblemDetails Validate(LogIn command) =>
        string.IsNullOrWhiteSpace(command.Email) || string.IsNullOrEmpty(command.Password)
            ? ApiProblems.Validation("email and password are required.")
            : WolverineContinue.NoProblems;

    [WolverinePost("/api/auth/login", OperationId = "logIn")]
    [AllowAnonymous, EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(
        LogIn command, IQuerySession session, PasswordHashing passwords, LoginThrottle throttle, TokenIssuer tokens,
        HttpContext http, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalise(command.Email!);
        if (await throttle.LockedForAsync(email, cancellationToken) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            return ApiProblems.Result(StatusCodes.Status429TooManyRequests,
                $"Too many failed sign-in attempts. Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minute(s).");
        }

        var account = await session.Query<UserAccount>().FirstOrDefaultAsync(a => a.Email == email, cancellationToken);
        var credentials = account is null ? null : await session.LoadAsync<UserCredentials>(account.Id, cancellationToken);
        if (!passwords.Verify(credentials?.PasswordHash, command.Password!))
        {
            await throttle.RecordFailureAsync(email, cancellationToken);
            return ApiProblems.Result(StatusCodes.Status401Unauthorized, BadCredentials);
        }

        await throttle.ResetAsync(email, cancellationToken);
        return Results.Ok(AuthResponse.For(account!, tokens));
    }
}
