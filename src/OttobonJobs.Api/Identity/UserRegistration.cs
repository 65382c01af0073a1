using Marten;
using JasperFx;
using Npgsql;
using OttobonJobs.Api.Access;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;

namespace OttobonJobs.Api.Identity;

public abstract record RegistrationOutcome
{
    public sealed record Registered(UserAccount Account) : RegistrationOutcome;
    public sealed record EmailTaken : RegistrationOutcome;
}

/// <summary>
/// Starts a user's stream. Sign-up, the admin command and the start-up bootstrap all come through here,
/// so the password hashing and the email-uniqueness rule live in one place.
/// </summary>
public class UserRegistration(IDocumentStore store, PasswordHashing passwords, TimeProvider clock)
{
    public async Task<RegistrationOutcome> RegisterAsync(
        string email, string password, string fullName, string role, CancellationToken cancellationToken)
    {
        var normalisedEmail = EmailAddress.Normalise(email);
        await using var session = store.LightweightSession();

        if (await session.Query<UserAccount>().AnyAsync(a => a.Email == normalisedEmail, cancellationToken))
            return new RegistrationOutcome.EmailTaken();

        var registered = new UserRegistered(
            Guid.CreateVersion7(), normalisedEmail, fullName.Trim(), role, passwords.Hash(password), clock.GetUtcNow());
        session.Events.StartStream<User>(registered.UserId, registered);

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            // Two sign-ups with one email raced past the check above: the unique index on the inline read model decides.
            return new RegistrationOutcome.EmailTaken();
        }

        var account = await session.LoadAsync<UserAccount>(registered.UserId, cancellationToken);
        return new RegistrationOutcome.Registered(account!);
    }

    private static bool IsUniqueViolation(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        DocumentAlreadyExistsException => true,
        _ when e.InnerException is not null => IsUniqueViolation(e.InnerException),
        _ => false,
    };
}
