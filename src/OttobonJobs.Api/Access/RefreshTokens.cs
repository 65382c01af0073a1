using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace OttobonJobs.Api.Access;

/// <summary>A refresh token as the client gets it, and the hash the server keeps.</summary>
public record NewRefreshToken(string Token, string Hash);

/// <summary>
/// Refresh tokens are opaque: "&lt;session id&gt;.&lt;256 random bits&gt;". The session id finds the stored
/// session by primary key; only the SHA-256 of the whole token is stored (a random 256-bit secret needs no slow hash).
/// </summary>
public static class RefreshTokens
{
    public static NewRefreshToken Create(Guid sessionId)
    {
        var token = $"{sessionId:N}.{Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32))}";
        return new NewRefreshToken(token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool TryReadSessionId(string? token, out Guid sessionId)
    {
        sessionId = Guid.Empty;
        var dot = token?.IndexOf('.') ?? -1;
        return dot > 0 && token!.Length < 200 && Guid.TryParseExact(token[..dot], "N", out sessionId);
    }
}
