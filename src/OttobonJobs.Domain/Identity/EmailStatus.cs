namespace OttobonJobs.Domain.Identity;

/// <summary>What the product knows about a user's address, as <c>/api/users/me</c> sends it.</summary>
public static class EmailStatus
{
    /// <summary>Nobody has followed a verification (or reset) link sent to it yet.</summary>
    public const string Unverified = "unverified";
    public const string Verified = "verified";
    /// <summary>The mail server refused it for good: nothing is mailed to it until it is verified again.</summary>
    public const string Undeliverable = "undeliverable";

    public static readonly IReadOnlyList<string> All = [Unverified, Verified, Undeliverable];
}

/// <summary>
/// Who may be mailed what. Alerts go only to verified addresses (an address typed at sign-up by someone who does not
/// own it must not receive a stream of mail). Nothing automatic goes to an undeliverable address; the only mail sent
/// to one is what the user asks for themselves (a resent verification link, a password reset), because following
/// such a link is how an address becomes deliverable again.
/// </summary>
public static class EmailRules
{
    public static bool MayMail(User? user, string address, string kind, bool requestedByUser)
    {
        if (user is null or { IsErased: true } || user.Email != address) return false;
        if (user.EmailStatus == EmailStatus.Undeliverable && !requestedByUser) return false;
        return kind is not (Email.EmailKinds.InstantAlert or Email.EmailKinds.DailyDigest) || user.EmailStatus == EmailStatus.Verified;
    }
}
