using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Access;

public record IssuedToken(string AccessToken, int ExpiresInSeconds);

/// <summary>
/// Signs access tokens (HS256) with the same key, issuer and audience that every request is checked against. Each
/// token names its sign-in session (<see cref="CurrentUser.SessionClaim"/>), so revoking the session refuses it.
/// </summary>
public class TokenIssuer(IOptions<OttobonSettings> settings, JwtSigningKey signingKey, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public IssuedToken Issue(Guid userId, string email, string role, string fullName, Guid sessionId)
    {
        var jwt = settings.Value.Jwt;
        var now = clock.GetUtcNow();
        var lifetime = TimeSpan.FromMinutes(jwt.LifetimeMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(CurrentUser.UserIdClaim, userId.ToString()),
                new Claim(CurrentUser.EmailClaim, email),
                new Claim(CurrentUser.RoleClaim, role),
                new Claim(CurrentUser.NameClaim, fullName),
                new Claim(CurrentUser.SessionClaim, sessionId.ToString()),
            ]),
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }
}

/// <summary>
/// The HS256 key. Taken from configuration (OTTOBON_JWT_SECRET) when set; otherwise read from Ottobon:Jwt:SecretFile, which
/// in Development is generated once outside the repository, so a developer's tokens survive restarts and no secret is
/// ever committed (outside Development the file must already exist: see <see cref="JwtSecretRule"/>).
/// </summary>
public class JwtSigningKey
{
    private readonly Lazy<SymmetricSecurityKey> _key;

    // Loaded on first use, not when the container builds it: Wolverine's pre-generated (Static) endpoints are built with
    // the application, before the start validates the settings, and commands that never start (codegen) need no key.
    public JwtSigningKey(IOptions<OttobonSettings> settings, IHostEnvironment environment, ILogger<JwtSigningKey> logger) =>
        _key = new Lazy<SymmetricSecurityKey>(() => Load(settings.Value.Jwt, environment, logger));

    public SymmetricSecurityKey Key => _key.Value;

    /// <summary>A key of its own for one <paramref name="purpose"/> (signed links), so no signature is valid for two uses.</summary>
    public byte[] Derive(string purpose) => HMACSHA256.HashData(Key.Key, Encoding.UTF8.GetBytes(purpose));

    private static SymmetricSecurityKey Load(JwtSettings jwt, IHostEnvironment environment, ILogger logger)
    {
        var secret = jwt.Secret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            var file = jwt.SecretFile ?? DefaultSecretFile();
            var existed = File.Exists(file);
            // Creating one is meant for Development only; elsewhere JwtSecretRule stops the start first, and this holds
            // even if something asks for the key before the start.
            if (!existed && !environment.IsDevelopment())
                throw new InvalidOperationException(
                    $"No JWT secret: set OTTOBON_JWT_SECRET or create {file} (Ottobon:Jwt:SecretFile); outside Development none is generated.");
            secret = ReadOrCreateSecret(file);
            if (existed && !environment.IsDevelopment())
                logger.LogInformation("Signing tokens with the key in {File} (Ottobon:Jwt:SecretFile).", file);
            else
                logger.LogWarning("No OTTOBON_JWT_SECRET set: signing tokens with the development key {Action} {File}. Outside Development the start requires OTTOBON_JWT_SECRET.",
                    existed ? "kept in" : "generated into", file);
        }

        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < JwtSecretRule.MinimumKeyBytes)
            throw new InvalidOperationException($"The JWT secret must be at least {JwtSecretRule.MinimumKeyBytes} bytes long.");
        return new SymmetricSecurityKey(bytes);
    }

    private static string DefaultSecretFile()
    {
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "ottobon-jobs", "jwt-secret");
    }

    private static string ReadOrCreateSecret(string file)
    {
        if (File.Exists(file)) return File.ReadAllText(file).Trim();

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(file, options);
            writer.Write(secret);
            return secret;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process created it first: use theirs so both sign with one key.
            return File.ReadAllText(file).Trim();
        }
    }
}
