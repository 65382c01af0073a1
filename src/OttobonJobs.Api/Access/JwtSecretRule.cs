using Microsoft.Extensions.Options;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Access;

/// <summary>
/// Outside Development the signing key must be given (OTTOBON_JWT_SECRET, or an existing Ottobon:Jwt:SecretFile such as a
/// mounted secret): a key generated on one node's disk would differ on the next node and vanish with the container.
/// In Development <see cref="JwtSigningKey"/> may still generate one, and warns that it did.
/// </summary>
/// <remarks>
/// It validates its own <see cref="JwtSettings"/> options instance (bound from Ottobon:Jwt, read by nothing else), checked
/// when the host starts and before any hosted service, so commands that only build the application (codegen,
/// describe-event-model) need no key.
/// </remarks>
public sealed class JwtSecretRule(IHostEnvironment environment) : IValidateOptions<JwtSettings>
{
    public const int MinimumKeyBytes = 32;
    public const string Section = OttobonSettings.Section + ":Jwt";

    public ValidateOptionsResult Validate(string? name, JwtSettings jwt)
    {
        if (environment.IsDevelopment() || !string.IsNullOrWhiteSpace(jwt.Secret)) return ValidateOptionsResult.Success;
        if (!string.IsNullOrWhiteSpace(jwt.SecretFile) && File.Exists(jwt.SecretFile)) return ValidateOptionsResult.Success;

        return ValidateOptionsResult.Fail(
            $"{Section}:Secret (environment variable OTTOBON_JWT_SECRET) is required outside Development " +
            $"(this is {environment.EnvironmentName}): set it to a random string of at least {MinimumKeyBytes} bytes, " +
            $"e.g. \"$(openssl rand -base64 48)\", or point {Section}:SecretFile at an existing file holding one.");
    }
}
