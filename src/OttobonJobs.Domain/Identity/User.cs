using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Domain.Identity;

// The events of a user's stream; the resume events of the resumes feature live in this stream too.
// No event carries a password or its hash: credentials are a document updated in place (see the README).

public record UserRegistered(
    Guid UserId,
    string Email,
    string FullName,
    string Role,
    DateTimeOffset RegisteredAt);

public record UserProfileUpdated(
    string FullName,
    string? Phone,
    string? Location,
    DateTimeOffset UpdatedAt);

/// <summary>
/// The person deleted their account. Their personal data is erased from the read models in the same transaction and
/// masked in the event log right after; this fact (who, as what role, when) is not personal and stays.
/// </summary>
public record AccountErased(Guid UserId, string Role, DateTimeOffset ErasedAt);

/// <summary>The user followed a verification (or password reset) link mailed to <paramref name="Email"/>: the address is theirs and receives mail.</summary>
public record EmailVerified(string Email, DateTimeOffset VerifiedAt);

/// <summary>The mail server refused <paramref name="Email"/> for good (a 5xx answer): no more mail goes to it until it is verified again.</summary>
public record EmailMarkedUndeliverable(string Email, string Reason, DateTimeOffset MarkedAt);

/// <summary>The password was replaced through an emailed reset link; every sign-in session ended. No hash here: credentials are a document.</summary>
public record PasswordReset(DateTimeOffset ResetAt);

/// <summary>The resume a seeker has now: which file, and which model embedded its text (null: not yet).</summary>
public sealed record CurrentResume(string Sha256, string StorageKey, string? EmbeddingModel);

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
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public CurrentResume? Resume { get; init; }
    public bool IsErased { get; init; }
    /// <summary>One of <see cref="Identity.EmailStatus"/>.</summary>
    public string EmailStatus { get; init; } = Identity.EmailStatus.Unverified;

    public static User? Evolve(User? user, object @event) => (user, @event) switch
    {
        (_, UserRegistered e) => new User
        {
            Id = e.UserId, Email = e.Email, FullName = e.FullName, Role = e.Role, RegisteredAt = e.RegisteredAt, UpdatedAt = e.RegisteredAt,
        },
        (null, _) => null,
        ({ } u, UserProfileUpdated e) => u with { FullName = e.FullName, Phone = e.Phone, Location = e.Location, UpdatedAt = e.UpdatedAt },
        ({ } u, EmailVerified e) when e.Email == u.Email => u with { EmailStatus = Identity.EmailStatus.Verified },
        ({ } u, EmailMarkedUndeliverable e) when e.Email == u.Email => u with { EmailStatus = Identity.EmailStatus.Undeliverable },
        ({ } u, ResumeUploaded e) => u with { Resume = new CurrentResume(e.Sha256, e.StorageKey, EmbeddingModel: null) },
        ({ Resume: { } resume } u, ResumeEmbedded e) when e.Sha256 == resume.Sha256 => u with { Resume = resume with { EmbeddingModel = e.Model } },
        ({ } u, AccountErased e) => u with
        {
            Email = "", FullName = ErasedUser.Name, Phone = null, Location = null, Resume = null, IsErased = true, UpdatedAt = e.ErasedAt,
        },
        _ => user,
    };
}

/// <summary>What is left of an erased account's personal data, in the event log and the read models.</summary>
public static class ErasedUser
{
    public const string Name = "deleted user";
    public const string FileName = "deleted";
    public const string Text = "";

    /// <summary>A placeholder that keeps the unique email index free for the real address and can never receive mail.</summary>
    public static string EmailFor(Guid userId) => $"deleted-{userId:N}@erased.invalid";
}

/// <summary>The user stream's events under their stable names (resume events live in this stream too).</summary>
public static class UserEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<UserRegistered>("user_registered"),
        EventContract.Of<UserProfileUpdated>("user_profile_updated"),
        EventContract.Of<ResumeUploaded>("resume_uploaded"),
        EventContract.Of<ResumeEmbedded>("resume_embedded"),
        EventContract.Of<AccountErased>("account_erased"),
        EventContract.Of<EmailVerified>("email_verified"),
        EventContract.Of<EmailMarkedUndeliverable>("email_marked_undeliverable"),
        EventContract.Of<PasswordReset>("password_reset"),
    ];
}
