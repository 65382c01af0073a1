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
public class User
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Email { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Phone { get; set; }
    public string? Location { get; set; }

    public static User Create(UserRegistered registered) => new()
    {
        Id = registered.UserId,
        Email = registered.Email,
        FullName = registered.FullName,
        Role = registered.Role,
    };

    public void Apply(UserProfileUpdated updated)
    {
        FullName = updated.FullName;
        Phone = updated.Phone;
        Location = updated.Location;
    }
}
