namespace OttobonJobs.Domain.Identity;

/// <summary>
/// The single-use part of a password reset link: the link carries <see cref="Id"/> (a random nonce) under its
/// signature, and this document (credentials-like, updated in place, never an event) says whether it was used.
/// </summary>
public record PasswordResetTicket(Guid Id, Guid UserId, string Email, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);
