namespace OttobonJobs.Projections.Identity;

/// <summary>
/// A user's password hash: a document updated in place, never an event, so the event log (which admins replay and
/// which is kept forever) holds no secret. Written in the same transaction as <c>UserRegistered</c>, deleted in the
/// same transaction as <c>AccountErased</c>; its existence is what keeps a user's tokens valid.
/// </summary>
public record UserCredentials(Guid Id, string PasswordHash, DateTimeOffset ChangedAt);
