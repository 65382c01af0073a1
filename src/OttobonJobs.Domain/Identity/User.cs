namespace OttobonJobs.Domain.Identity;

// The events of a user's stream. Resume events of the resumes feature join this stream later.
public record UserRegistered(
    Guid UserId,
    string Email,
    string FullName,
    string Role,
    string PasswordHash,
    DateTimeOffset RegisteredAt);

public record UserProfileUpdated(
    string FullName,
    string? Phone,
    string? Location,
    DateTimeOffset UpdatedAt);

/// <summary>A user as decided from their own stream: what commands need to know to make decisions.</summary>
public sealed record User
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Email { get; init; } = "";
    public string FullName { get; init; } = "";
    public string Role { get; init; } = "";
    public string? Phone { get; init; }
    public string? Location { get; init; }

    public static User? Evolve(User? user, object @event) => (user, @event) switch
    {
        (_, UserRegistered e) => new User { Id = e.UserId, Email = e.Email, FullName = e.FullName, Role = e.Role },
        (null, _) => null,
        ({ } u, UserProfileUpdated e) => u with { FullName = e.FullName, Phone = e.Phone, Location = e.Location },
        _ => user,
    };
}

/// <summary>The user stream's events under their stable names (resume events live in this stream too).</summary>
public static class UserEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<UserRegistered>("user_registered"),
        EventContract.Of<UserProfileUpdated>("user_profile_updated"),
        EventContract.Of<Resumes.ResumeUploaded>("resume_uploaded"),
        EventContract.Of<Resumes.ResumeEmbedded>("resume_embedded"),
    ];
}
