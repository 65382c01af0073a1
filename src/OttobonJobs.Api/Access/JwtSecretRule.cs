using Microsoft.Extensions.Options;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Access;

/// <summary>
/// Outside Development the signing key must be given (OTTOBON_JWT_SECRET, or an existing Ottobon:Jwt:SecretFile such as a
/// mounted secret): a key generated on one node's disk would differ on the next node and vanish with the container.
/// In Development <see cref="JwtSigningKey"/> may still generate one, and warns that it did.
/// </summary>
public sealed class JwtSecretRule(IHostEnvironment environment) : IValidateOptions<OttobonSettings>
{
    public const int MinimumKeyBytes = 32;
    public const string SecretKey = OttobonSettings.Section + ":Jwt:Secret";

    public ValidateOptionsResult Validate(string? name, OttobonSettings settings)
    {
        var jwt = settings.Jwt;
        if (environment.IsDevelopment() || !string.IsNullOrWhiteSpace(jwt.Secret)) return ValidateOptionsResult.Success;
        if (!string.IsNullOrWhiteSpace(jwt.SecretFile) && File.Exists(jwt.SecretFile)) return ValidateOptionsResult.Success;

        return ValidateOptionsResult.Fail(
            $"{SecretKey} (environment variable OTTOBON_JWT_SECRET) is required outside Development " +
            $"(this is {environment.EnvironmentName}): set it to a random string of at least {MinimumKeyBytes} bytes, " +
            $"e.g. \"$(openssl rand -base64 48)\", or point {OttobonSettings.Section}:Jwt:SecretFile at an existing file holding one.");
    }
}
