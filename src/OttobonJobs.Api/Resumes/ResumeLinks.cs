using System.Security.Cryptography;
using System.Text;
using OttobonJobs.Api.Access;

namespace OttobonJobs.Api.Resumes;

/// <summary>
/// Download links that work without a token for a short time and for one file only: the URL carries the owner,
/// the file's hash and an expiry, signed with HMAC-SHA256 under a key derived from the server's signing secret.
/// </summary>
public class ResumeLinks(JwtSigningKey signingKey)
{
    // Derived on first use: endpoints holding this are built with the application, before the start checks the secret.
    private readonly Lazy<byte[]> _key = new(() => HMACSHA256.HashData(signingKey.Key.Key, "ottobon:resume-download-links"u8));

    public string PathFor(Guid userId, string sha256, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds();
        return $"/api/files/resumes/{userId}/{sha256}?expires={expires}&signature={Sign(userId, sha256, expires)}";
    }

    public bool IsValid(Guid userId, string sha256, long expires, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signature) || DateTimeOffset.FromUnixTimeSeconds(expires) < now) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(userId, sha256, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Sign(Guid userId, string sha256, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes($"{userId:N}|{sha256}|{expires}")));
}
