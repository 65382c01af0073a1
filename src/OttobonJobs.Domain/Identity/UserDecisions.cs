using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Domain.Identity;

// The commands of a user's stream, as the decisions take them (the HTTP request records stay in the API).

public record RegisterUser(Guid UserId, string Email, string FullName, string Role);

/// <summary>A partial profile edit: null keeps a field, an empty phone or location clears it.</summary>
public record UpdateProfile(string? FullName, string? Phone, string? Location, long? ExpectedVersion);

/// <summary>Record a resume whose file is already stored under <paramref name="StorageKey"/>.</summary>
public record RecordResumeUpload(
    Guid UserId, string FileName, string Format, long SizeBytes, string Sha256, string StorageKey, string Text, IReadOnlyList<string> Skills);

/// <summary>Record the vector made (outside any lock) from the resume with <paramref name="Sha256"/>.</summary>
public record RecordResumeEmbedding(Guid UserId, string Sha256, string Model, float[] Vector);

/// <summary>Delete the caller's account. Whether the confirmation password matched is checked before, by the API.</summary>
public record DeleteAccount(Guid UserId, bool PasswordMatches);

/// <summary>Record that a signed verification link for <paramref name="Email"/> was followed.</summary>
public record VerifyEmail(Guid UserId, string Email);

/// <summary>
/// The operator vouches for the account's current address without a link: the demo accounts a start seeds, whose
/// made-up addresses no mailbox could verify.
/// </summary>
public record VouchForEmail(Guid UserId);

/// <summary>Record that the mail server refused <paramref name="Email"/> for good.</summary>
public record MarkEmailUndeliverable(Guid UserId, string Email, string Reason);

/// <summary>Record a password reset through a signed link mailed to <paramref name="Email"/> (its single use already checked by the API).</summary>
public record RecordPasswordReset(Guid UserId, string Email);

/// <summary>
/// A recorded upload replaces the previous resume: <see cref="ObsoleteStorageKey"/> names the previous file, to be
/// deleted once the new event is committed (never before, or a failed commit would leave the seeker with no file).
/// </summary>
public sealed record ResumeUploadDecision(Decision Decision, string? ObsoleteStorageKey);

/// <summary>The user stream's rules: pure functions of the current state, the command, the caller and the time.</summary>
public static class UserDecisions
{
    public const string NoSuchAccount = "This account does not exist or has been deleted.";

    /// <summary>Email uniqueness is not decided here: the unique index on the inline account model settles it.</summary>
    public static Decision Register(User? existing, RegisterUser command, DateTimeOffset now)
    {
        if (existing is not null) return Decision.Refuse(RefusalKind.Conflict, "This account already exists.");
        if (!EmailAddress.IsValid(command.Email)) return Decision.Refuse(RefusalKind.Invalid, "email must be a valid email address.");
        if (ProfileRules.CheckFullName(command.FullName) is { } nameProblem) return Decision.Refuse(RefusalKind.Invalid, nameProblem);
        if (!Role.IsKnown(command.Role)) return Decision.Refuse(RefusalKind.Invalid, "role must be seeker, provider or admin.");

        return Decision.Accept(new UserRegistered(
            command.UserId, EmailAddress.Normalise(command.Email), command.FullName.Trim(), command.Role, now));
    }

    public static Decision UpdateProfile(User? user, UpdateProfile command, Actor actor, DateTimeOffset now)
    {
        if (Gone(user) is { } gone) return gone;
        if (actor.Id != user!.Id) return Decision.Refuse(RefusalKind.Forbidden, "Only the account's owner edits their profile.");
        if (ExpectedVersion.Check(command.ExpectedVersion, user.Version, "profile") is { } stale) return stale;

        var problem = (command.FullName is not null ? ProfileRules.CheckFullName(command.FullName) : null)
            ?? ProfileRules.CheckPhone(command.Phone)
            ?? ProfileRules.CheckLocation(command.Location);
        if (problem is not null) return Decision.Refuse(RefusalKind.Invalid, problem);

        var fullName = command.FullName?.Trim() ?? user.FullName;
        var phone = command.Phone is null ? user.Phone : Blank(command.Phone);
        var location = command.Location is null ? user.Location : Blank(command.Location);
        return (fullName, phone, location) == (user.FullName, user.Phone, user.Location)
            ? Decision.Unchanged
            : Decision.Accept(new UserProfileUpdated(fullName, phone, location, now));
    }

    public static ResumeUploadDecision RecordResumeUpload(User? user, RecordResumeUpload command, DateTimeOffset now)
    {
        if (Gone(user) is { } gone) return new ResumeUploadDecision(gone, null);
        if (user!.Role != Role.Seeker)
            return new ResumeUploadDecision(Decision.Refuse(RefusalKind.Forbidden, "Only seekers have a resume."), null);

        var uploaded = new ResumeUploaded(
            user.Id, command.FileName, command.Format, command.SizeBytes, command.Sha256, command.StorageKey,
            command.Text.Length, command.Text, command.Skills, now);
        var obsolete = user.Resume is { } previous && previous.StorageKey != command.StorageKey ? previous.StorageKey : null;
        return new ResumeUploadDecision(Decision.Accept(uploaded), obsolete);
    }

    /// <summary>
    /// A vector belongs to the resume it was made from: when another resume was uploaded while it was being made, it is
    /// dropped (that upload's own embedding follows), and a repeat by the model that already embedded it changes nothing
    /// (another model's vector replaces it: that is how a model change re-embeds resumes).
    /// </summary>
    public static Decision RecordResumeEmbedding(User? user, RecordResumeEmbedding command, DateTimeOffset now)
    {
        if (Gone(user) is { } gone) return gone;
        if (user!.Resume is not { } resume || resume.Sha256 != command.Sha256 || resume.EmbeddingModel == command.Model)
            return Decision.Unchanged;
        return Decision.Accept(new ResumeEmbedded(command.Sha256, command.Model, command.Vector.Length, command.Vector, now));
    }

    public static Decision DeleteAccount(User? user, DeleteAccount command, Actor actor, DateTimeOffset now)
    {
        if (Gone(user) is { } gone) return gone;
        if (actor.Id != user!.Id) return Decision.Refuse(RefusalKind.Forbidden, "Only the account's owner can delete it.");
        if (user.Role == Role.Admin)
            return Decision.Refuse(RefusalKind.Forbidden,
                "Admin accounts cannot delete themselves: ask an operator to remove the admin, so the platform always keeps one.");
        if (!command.PasswordMatches)
            return Decision.Refuse(RefusalKind.Forbidden, "The password is not correct: your account was not deleted.");

        return Decision.Accept(new AccountErased(user.Id, user.Role, now));
    }

    public const string LinkForOldAddress = "This link was sent to an address that is no longer the account's.";

    /// <summary>A link for an address the account no longer has proves nothing; verifying twice changes nothing.</summary>
    public static Decision VerifyEmail(User? user, VerifyEmail command, DateTimeOffset now)
    {
        if (Gone(user) is { } gone) return gone;
        if (user!.Email != command.Email) return Decision.Refuse(RefusalKind.Conflict, LinkForOldAddress);
        return user.EmailStatus == EmailStatus.Verified ? Decision.Unchanged : Decision.Accept(new EmailVerified(command.Email, now));
    }

    /// <summary>Vouching verifies the current address (an undeliverable one too), once.</summary>
    public static Decision VouchForEmail(User? user, VouchForEmail command, DateTimeOffset now)
    {
        if (Gone(user) is { } gone) return gone;
        return user!.EmailStatus == EmailStatus.Verified ? Decision.Unchanged : Decision.Accept(new EmailVerified(user.Email, now));
    }

    /// <summary>
    /// Only the current address can become undeliverable (a refusal for an old one says nothing about the new one),
    /// and once is enough.
    /// </summary>
    public static Decision MarkEmailUndeliverable(User? user, MarkEmailUndeliverable command, DateTimeOffset now)
    {
        if (Gone(user) is { } gone) return gone;
        if (user!.Email != command.Email || user.EmailStatus == EmailStatus.Undeliverable) return Decision.Unchanged;
        return Decision.Accept(new EmailMarkedUndeliverable(command.Email, command.Reason, now));
    }

    /// <summary>The reset link arrived in the mailbox, so the address is proven too: an unverified one becomes verified.</summary>
    public static Decision RecordPasswordReset(User? user, RecordPasswordReset command, DateTimeOffset now)
    {
        if (Gone(user) is { } gone) return gone;
        if (user!.Email != command.Email) return Decision.Refuse(RefusalKind.Conflict, LinkForOldAddress);
        return user.EmailStatus == EmailStatus.Verified
            ? Decision.Accept(new PasswordReset(now))
            : Decision.Accept(new PasswordReset(now), new EmailVerified(command.Email, now));
    }

    /// <summary>After deletion the account is gone for every command, exactly as if it had never existed.</summary>
    private static Decision? Gone(User? user) =>
        user is null or { IsErased: true } ? Decision.Refuse(RefusalKind.NotFound, NoSuchAccount) : null;

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
