using Marten.Events.Aggregation;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Projections.Identity;

/// <summary>
/// The lookup model for sign-in and "who am I": one document per user stream, kept in the same
/// transaction as the events (inline) so a unique index on <see cref="Email"/> settles sign-up races.
/// </summary>
public record UserAccount(
    Guid Id,
    string Email,
    string FullName,
    string Role,
    string PasswordHash,
    string? Phone,
    string? Location,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public class UserAccountProjection : SingleStreamProjection<UserAccount, Guid>
{
    public static UserAccount Create(UserRegistered e) => new(
        e.UserId, EmailAddress.Normalise(e.Email), e.FullName, e.Role, e.PasswordHash,
        Phone: null, Location: null, e.RegisteredAt, e.RegisteredAt);

    public static UserAccount Apply(UserProfileUpdated e, UserAccount account) => account with
    {
        FullName = e.FullName,
        Phone = e.Phone,
        Location = e.Location,
        UpdatedAt = e.UpdatedAt,
    };
}
