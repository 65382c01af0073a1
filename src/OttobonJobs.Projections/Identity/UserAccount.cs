using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Projections.Identity;

/// <summary>
/// The lookup model for sign-in and "who am I": one document per user stream, kept in the same transaction as the
/// events (inline) so a unique index on <see cref="Email"/> settles sign-up races. <see cref="StreamVersion"/> is the
/// stream's version, sent as the profile's ETag (not named Version: Marten sets a member of that name itself, to 0 for
/// an event appended in quick mode without loading the stream). An erased account stays as a tombstone without personal data
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
    // Stored under its old name, so documents written before the rename keep their version (no rebuild needed).
    [property: JsonPropertyName("Version")] long StreamVersion,
    DateTimeOffset? ErasedAt = null,
    // Documents written before email verification existed read as unverified, which is what folding their events gives.
    string EmailStatus = Domain.Identity.EmailStatus.Unverified);

public class UserAccountProjection : SingleStreamProjection<UserAccount, Guid>
{
    public UserAccountProjection() => this.IncludeTypes(UserEvents.Contract);

    // Every user event moves the version (the profile's ETag), counted when an event comes without one (FoldedVersion).
    public override UserAccount? Evolve(UserAccount? account, Guid id, IEvent e) =>
        Next(account, e) is { } next ? next with { StreamVersion = FoldedVersion.After(account?.StreamVersion, e) } : null;

    private static UserAccount? Next(UserAccount? account, IEvent e) => (account, e.Data) switch
    {
        (_, UserRegistered registered) => new UserAccount(
            registered.UserId, EmailAddress.Normalise(registered.Email), registered.FullName, registered.Role,
            Phone: null, Location: null, registered.RegisteredAt, registered.RegisteredAt, StreamVersion: 0),
        (null, _) => null,
        ({ } current, UserProfileUpdated updated) => current with
        {
            FullName = updated.FullName, Phone = updated.Phone, Location = updated.Location, UpdatedAt = updated.UpdatedAt,
        },
        ({ } current, EmailVerified verified) when verified.Email == current.Email =>
            current with { EmailStatus = Domain.Identity.EmailStatus.Verified },
        ({ } current, EmailMarkedUndeliverable refused) when refused.Email == current.Email =>
            current with { EmailStatus = Domain.Identity.EmailStatus.Undeliverable },
        ({ } current, AccountErased erased) => current with
        {
            Email = ErasedUser.EmailFor(current.Id), FullName = ErasedUser.Name, Phone = null, Location = null,
            UpdatedAt = erased.ErasedAt, ErasedAt = erased.ErasedAt,
        },
        _ => account,
    };
}
