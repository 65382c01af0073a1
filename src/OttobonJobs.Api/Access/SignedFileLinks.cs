using System.Security.Cryptography;
using System.Text;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Access;

/// <summary>
/// Download links that work without a token for a short time and for one file only: the URL carries whose file it is
/// (a user, a candidacy), the file's hash and an expiry, signed with HMAC-SHA256 under a key derived from the server's
/// signing secret for <paramref name="purpose"/> alone, so a link made for one kind of file never opens another kind.
/// A valid link proves only that this server made it; the endpoint still checks, at download time, that the file is shared.
/// When the storage makes its own links (<see cref="IFileLinks"/>: S3's presigned GETs), <see cref="LinkAsync"/> hands
/// those out instead, and whether the file is still shared is checked each time a link is asked for.
/// </summary>
public abstract class SignedFileLinks(JwtSigningKey signingKey, IFileLinks? storageLinks, string purpose, string pathPrefix)
{
    // Derived on first use: endpoints holding this are built with the application, before the start checks the secret.
    private readonly Lazy<byte[]> _key = new(() => signingKey.Derive(purpose));

    /// <summary>The storage's own link when it makes them, else ours; null when the storage says the file is not there.</summary>
    public async Task<string?> LinkAsync(
        Guid ownerId, string sha256, string storageKey, string fileName, string contentType, DateTimeOffset expiresAt,
        CancellationToken cancellationToken) =>
        storageLinks is null
            ? PathFor(ownerId, sha256, expiresAt)
            : await storageLinks.DownloadUrlAsync(storageKey, fileName, contentType, expiresAt, cancellationToken);

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
