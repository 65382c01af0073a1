using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OttobonJobs.Api.Access;

namespace OttobonJobs.Api.Email;

/// <summary>What an emailed link is for: a token made for one purpose is refused for every other.</summary>
public static class LinkPurpose
{
    public const string VerifyEmail = "verify-email";
    public const string ResetPassword = "reset-password";
    public const string Unsubscribe = "unsubscribe";
}

/// <summary>What a valid token says: for whom, until when, and its subject (the address, the reset nonce or the saved search).</summary>
public record LinkClaims(string Purpose, Guid UserId, DateTimeOffset ExpiresAt, string Subject);

public enum LinkCheck { Valid, Malformed, Expired }

/// <summary>
/// The tokens in emailed links: "purpose|user|expiry|subject" in base64url, a dot, and its HMAC-SHA256 under a key
/// derived from the server's signing secret (a different derivation than the resume download links). Changing any
/// byte, the purpose included, breaks the signature; the expiry is inside what is signed.
/// </summary>
public class EmailLinks(JwtSigningKey signingKey)
{
    private readonly Lazy<byte[]> _key = new(() => signingKey.Derive("ottobon:email-links"));

    public string Create(string purpose, Guid userId, DateTimeOffset expiresAt, string subject)
    {
        var payload = Encoding.UTF8.GetBytes($"{purpose}|{userId:N}|{expiresAt.ToUnixTimeSeconds()}|{subject}");
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key.Value, payload))}";
    }

    /// <summary>The token's claims when it is signed by this server for <paramref name="purpose"/>; an expired one says so (its claims too).</summary>
    public (LinkCheck Check, LinkClaims? Claims) Read(string? token, string purpose, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || token.Split('.') is not [var body, var signature]) return (LinkCheck.Malformed, null);
        byte[] payload, presented;
        try
        {
            payload = WebEncoders.Base64UrlDecode(body);
            presented = WebEncoders.Base64UrlDecode(signature);
        }
        catch (FormatException)
        {
            return (LinkCheck.Malformed, null);
        }
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key.Value, payload), presented)) return (LinkCheck.Malformed, null);

        if (Encoding.UTF8.GetString(payload).Split('|', 4) is not [var signedPurpose, var user, var expires, var subject]
            || signedPurpose != purpose || !Guid.TryParseExact(user, "N", out var userId) || !long.TryParse(expires, out var unix))
            return (LinkCheck.Malformed, null);

        var claims = new LinkClaims(purpose, userId, DateTimeOffset.FromUnixTimeSeconds(unix), subject);
        return (claims.ExpiresAt <= now ? LinkCheck.Expired : LinkCheck.Valid, claims);
    }
}
