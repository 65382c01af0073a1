using System.Security.Cryptography;
using System.Text;

namespace OttobonJobs.Api.Access;

/// <summary>
/// Download links that work without a token for a short time and for one file only: the URL carries whose file it is
/// (a user, a candidacy), the file's hash and an expiry, signed with HMAC-SHA256 under a key derived from the server's
/// signing secret for <paramref name="purpose"/> alone, so a link made for one kind of file never opens another kind.
/// A valid link proves only that this server made it; the endpoint still checks, at download time, that the file is shared.
/// </summary>
public abstract class SignedFileLinks(JwtSigningKey signingKey, string purpose, string pathPrefix)
{
    // Derived on first use: endpoints holding this are built with the application, before the start checks the secret.
    private readonly Lazy<byte[]> _key = new(() => signingKey.Derive(purpose));

    public string PathFor(Guid ownerId, string sha256, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds();
        return $"{pathPrefix}/{ownerId}/{sha256}?expires={expires}&signature={Sign(ownerId, sha256, expires)}";
    }

    public bool IsValid(Guid ownerId, string sha256, long expires, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signature) || DateTimeOffset.FromUnixTimeSeconds(expires) < now) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(ownerId, sha256, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Sign(Guid ownerId, string sha256, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes($"{ownerId:N}|{sha256}|{expires}")));
}
