using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using Wolverine.Http;
using Wolverine.Marten;

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

    /// <summary>
    /// Signs in: the throttle admits the attempt (or answers 429 with Retry-After) before any password is verified;
    /// a success starts a new session and returns its token pair.
    /// </summary>
    [WolverinePost("/api/auth/login", OperationId = "logIn")]
    [ProducesProblems(StatusCodes.Status401Unauthorized)]
    [AllowAnonymous, EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status200OK)]
    public static async Task<(IResult, IMartenOp)> Post(
        LogIn command, IQuerySession session, PasswordHashing passwords, LoginThrottle throttle, SignInSessions sessions,
        HttpContext http, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalise(command.Email!);
        var address = http.Connection.RemoteIpAddress;
        var admission = await throttle.AdmitAsync(email, address, cancellationToken);
        if (!admission.Admitted)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(admission.RetryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString();
            return (ApiProblems.Result(StatusCodes.Status429TooManyRequests,
                $"Too many failed sign-in attempts. Try again in {seconds} second(s)."), MartenOps.Nothing());
        }

        var account = await session.Query<UserAccount>().FirstOrDefaultAsync(a => a.Email == email, cancellationToken);
        var credentials = account is null ? null : await session.LoadAsync<UserCredentials>(account.Id, cancellationToken);
        if (!passwords.Verify(credentials?.PasswordHash, command.Password!))
            return (ApiProblems.Result(StatusCodes.Status401Unauthorized, BadCredentials), MartenOps.Nothing());

        await throttle.SucceededAsync(email, address, cancellationToken);
        var (response, started) = sessions.Start(account!);
        return (Results.Ok(response), MartenOps.Store(started));
    }
}
