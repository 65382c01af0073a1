using Microsoft.AspNetCore.Identity;

namespace OttobonJobs.Api.Access;

/// <summary>
/// Slow, salted password hashes from ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, 100,000 iterations,
/// per-password salt). Nothing else in the product sees a password.
/// </summary>
public class PasswordHashing
{
    private static readonly object HashOwner = new();
    private readonly PasswordHasher<object> _hasher = new();

    // Checking against a real hash when the email is unknown keeps "unknown email" and
    // "wrong password" equally slow, so timing does not reveal which accounts exist.
    private readonly Lazy<string> _decoyHash;

    public PasswordHashing() => _decoyHash = new Lazy<string>(() => Hash(Guid.NewGuid().ToString()));

    public string Hash(string password) => _hasher.HashPassword(HashOwner, password);

    public virtual bool Verify(string? storedHash, string password)
    {
        var result = _hasher.VerifyHashedPassword(HashOwner, storedHash ?? _decoyHash.Value, password);
        return storedHash is not null && result != PasswordVerificationResult.Failed;
    }
}
