using System.Net.Mail;

namespace OttobonJobs.Domain.Identity;

/// <summary>Email rules shared by sign-up, login and the uniqueness index.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>The form every lookup and the unique index use: trimmed, lower-case.</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return false;
        var trimmed = email.Trim();
        if (trimmed.Length > MaxLength || trimmed.Any(char.IsWhiteSpace)) return false;

        // MailAddress accepts display names ("Bob <bob@x.io>"); insist the whole input is the address
        // and that the domain has a dot, which is what users mean by a valid email.
        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed) return false;
        var domain = parsed.Host;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
