using Marten;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Identity;

/// <summary>
/// What creating an account writes, in one transaction: the user's stream (started by the pure decision) and their
/// credentials document. Sign-up returns these from its endpoint; the admin command and the start-up bootstrap send
/// <see cref="RegisterAccount"/>. A second account with the same email fails the commit on the unique index of the
/// inline <see cref="UserAccount"/> (a 409 for sign-up).
/// </summary>
public static class AccountRegistration
{
    public const string EmailTaken = "An account with this email already exists.";

    /// <summary>The stream start and the credentials, or the refusal when the command is not acceptable.</summary>
    public static (Refusal? Refusal, IMartenOp Stream, IMartenOp Credentials) Start(RegisterUser command, string passwordHash, DateTimeOffset now)
    {
        // A fresh version-7 id has no stream yet; a collision would fail the commit as an existing stream.
        var decision = UserDecisions.Register(null, command, now);
        if (decision.Refusal is { } refusal) return (refusal, MartenOps.Nothing(), MartenOps.Nothing());

        return (null,
            MartenOps.StartStream<User>(command.UserId, [.. decision.Events]),
            MartenOps.Store(new UserCredentials(command.UserId, passwordHash, now)));
    }

    /// <summary>A friendly answer for the usual case; the unique index still settles two sign-ups racing past it.</summary>
    public static Task<bool> IsEmailTakenAsync(IQuerySession session, string email, CancellationToken cancellationToken)
    {
        var normalised = EmailAddress.Normalise(email);
        return session.Query<UserAccount>().AnyAsync(a => a.Email == normalised, cancellationToken);
    }
}

/// <summary>Creates an account from inside the server (admin command, bootstrap): the hash is made by the sender.</summary>
public record RegisterAccount(Guid UserId, string Email, string FullName, string Role, string PasswordHash);

public static class RegisterAccountHandler
{
    [Emits(typeof(UserRegistered))]
    public static (IMartenOp, IMartenOp) Handle(RegisterAccount command, TimeProvider clock)
    {
        var (refusal, stream, credentials) = AccountRegistration.Start(
            new RegisterUser(command.UserId, command.Email, command.FullName, command.Role), command.PasswordHash, clock.GetUtcNow());
        if (refusal is not null) throw new InvalidOperationException(refusal.Reason);
        return (stream, credentials);
    }
}

public enum RegistrationOutcome { Registered, EmailTaken }

/// <summary>The admin command's and the bootstrap's way in: hashes the password and sends <see cref="RegisterAccount"/>.</summary>
public class UserRegistration(IServiceScopeFactory scopes, PasswordHashing passwords)
{
    public async Task<RegistrationOutcome> RegisterAsync(
        string email, string password, string fullName, string role, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        if (await AccountRegistration.IsEmailTakenAsync(query, email, cancellationToken)) return RegistrationOutcome.EmailTaken;

        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        try
        {
            await bus.InvokeAsync(new RegisterAccount(Guid.CreateVersion7(), email, fullName, role, passwords.Hash(password)), cancellationToken);
            return RegistrationOutcome.Registered;
        }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            // Another node created the same account meanwhile: the unique email index decided.
            return RegistrationOutcome.EmailTaken;
        }
    }
}
