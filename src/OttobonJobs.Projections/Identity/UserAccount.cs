using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Projections.Identity;

/// <summary>
/// The lookup model for sign-in and "who am I": one document per user stream, kept in the same transaction as the
/// events (inline) so a unique index on <see cref="Email"/> settles sign-up races. <see cref="Version"/> is the
/// stream's version, sent as the profile's ETag. An erased account stays as a tombstone without personal data
/// (<see cref="ErasedAt"/> set), so role counts and admins' lists stay right.
/// </summary>
public record UserAccount(
    Guid Id,
    string Email,
    string FullName,
    string Role,
    string? Phone,
    string? Location,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    DateTimeOffset? ErasedAt = null);

public class UserAccountProjection : SingleStreamProjection<UserAccount, Guid>
{
    public UserAccountProjection() => this.IncludeTypes(UserEvents.Contract);

    public override UserAccount? Evolve(UserAccount? account, Guid id, IEvent e) => (account, e.Data) switch
    {
        (_, UserRegistered registered) => new UserAccount(
            registered.UserId, EmailAddress.Normalise(registered.Email), registered.FullName, registered.Role,
            Phone: null, Location: null, registered.RegisteredAt, registered.RegisteredAt, e.Version),
        (null, _) => null,
        ({ } current, UserProfileUpdated updated) => current with
        {
            FullName = updated.FullName, Phone = updated.Phone, Location = updated.Location, UpdatedAt = updated.UpdatedAt, Version = e.Version,
        },
        ({ } current, AccountErased erased) => current with
        {
            Email = ErasedUser.EmailFor(current.Id), FullName = ErasedUser.Name, Phone = null, Location = null,
            UpdatedAt = erased.ErasedAt, ErasedAt = erased.ErasedAt, Version = e.Version,
        },
        ({ } current, _) => current with { Version = e.Version },
    };
}
