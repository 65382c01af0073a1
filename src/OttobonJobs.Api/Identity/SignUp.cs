using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using Wolverine.Http;

namespace OttobonJobs.Api.Identity;

public record SignUp(string? Email, string? Password, string? FullName, string? Role);

public static class SignUpEndpoint
{
    public static ProblemDetails Validate(SignUp command)
    {
        var problem =
            (!EmailAddress.IsValid(command.Email) ? "email must be a valid email address." : null)
            ?? ProfileRules.CheckPassword(command.Password)
            ?? ProfileRules.CheckFullName(command.FullName)
            ?? (command.Role is null ? "role is required: seeker or provider."
                : !Role.SelfService.Contains(command.Role) ? "role must be seeker or provider." : null);

        return problem is null ? WolverineContinue.NoProblems : ApiProblems.Validation(problem);
    }

    [WolverinePost("/api/auth/signup", OperationId = "signUp")]
    [AllowAnonymous, EnableRateLimiting(AuthenticationSetup.AuthRateLimitPolicy)]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(
        SignUp command, UserRegistration registration, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        var outcome = await registration.RegisterAsync(
            command.Email!, command.Password!, command.FullName!, command.Role!, cancellationToken);

        return outcome switch
        {
            RegistrationOutcome.Registered registered =>
                Results.Json(AuthResponse.For(registered.Account, tokens), statusCode: StatusCodes.Status201Created),
            _ => ApiProblems.Result(StatusCodes.Status409Conflict, "An account with this email already exists."),
        };
    }
}
