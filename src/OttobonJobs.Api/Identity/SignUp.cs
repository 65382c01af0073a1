using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Identity;

public record SignUp(
    string? Email,
    [property: StringLength(ProfileRules.MaxPasswordLength, MinimumLength = ProfileRules.MinPasswordLength)] string? Password,
    [property: MaxLength(ProfileRules.MaxFullNameLength)] string? FullName,
    string? Role);

public static class SignUpEndpoint
{
    public static async Task<ProblemDetails> Validate(SignUp command, IQuerySession session, CancellationToken cancellationToken)
    {
        var problem =
            (!EmailAddress.IsValid(command.Email) ? "email must be a valid email address." : null)
            ?? ProfileRules.CheckPassword(command.Password)
            ?? ProfileRules.CheckFullName(command.FullName)
            ?? (command.Role is null ? "role is required: seeker or provider."
                : !Role.SelfService.Contains(command.Role) ? "role must be seeker or provider." : null);
        if (problem is not null) return ApiProblems.Validation(problem);

        return await AccountRegistration.IsEmailTakenAsync(session, command.Email!, cancellationToken)
            ? ApiProblems.Problem(StatusCodes.Status409Conflict, AccountRegistration.EmailTaken)
            : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Starts the user's stream and stores their credentials; the token is valid once the transaction commits, and the
    /// verification email is queued in the same transaction (sent after the commit).
    /// </summary>
    [WolverinePost("/api/auth/signup", OperationId = "signUp")]
    [AllowAnonymous, EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status201Created)]
    [Emits(typeof(UserRegistered))]
    public static (IResult, IMartenOp, IMartenOp, IMartenOp, OutgoingMessages) Post(SignUp command, PasswordHashing passwords, SignInSessions sessions, TimeProvider clock)
    {
        var register = new RegisterUser(Guid.CreateVersion7(), command.Email!, command.FullName!, command.Role!);
        var (refusal, stream, credentials) = AccountRegistration.Start(register, passwords.Hash(command.Password!), clock.GetUtcNow());
        if (refusal is not null) return (refusal.ToResult(), stream, credentials, MartenOps.Nothing(), []);

        var (response, session) = sessions.Start(register.UserId, EmailAddress.Normalise(register.Email), register.Role, register.FullName.Trim());
        return (Results.Json(response, statusCode: StatusCodes.Status201Created), stream, credentials, MartenOps.Store(session),
            [new SendVerificationEmail(register.UserId, RequestedByUser: false)]);
    }
}
