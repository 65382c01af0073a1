namespace OttobonJobs.Api.Hosting;

/// <summary>
/// Everything the API reads from configuration, under the "Ottobon" section of appsettings.json.
/// Environment variables override it: OTTOBON_DATABASE_URL, OTTOBON_JWT_SECRET, OTTOBON_SPA_PATH,
/// OTTOBON_ADMIN_EMAIL and OTTOBON_ADMIN_PASSWORD are mapped onto these keys in <see cref="SettingsSetup"/>.
/// </summary>
public class OttobonSettings
{
    public const string Section = "Ottobon";

    /// <summary>An Npgsql connection string or a postgres:// URL.</summary>
    public string? DatabaseUrl { get; set; }

    /// <summary>Folder of the built SPA (frontend/dist). The API serves it when set.</summary>
    public string? SpaPath { get; set; }

    public string[] CorsOrigins { get; set; } = [];

    public JwtSettings Jwt { get; set; } = new();
    public AdminBootstrapSettings Admin { get; set; } = new();
    public DemoSettings Demo { get; set; } = new();
    public LoginThrottleSettings LoginThrottle { get; set; } = new();

    /// <summary>Requests per minute one client address may make to the /api/auth endpoints.</summary>
    public int AuthRequestsPerMinute { get; set; } = 30;
}

public class JwtSettings
{
    /// <summary>HS256 key (at least 32 bytes). When absent, one is generated once and kept in <see cref="SecretFile"/>.</summary>
    public string? Secret { get; set; }
    public string? SecretFile { get; set; }
    public string Issuer { get; set; } = "https://jobs.ottobon.cloud";
    public string Audience { get; set; } = "ottobon-jobs";
    public int LifetimeMinutes { get; set; } = 60 * 12;
}

public class AdminBootstrapSettings
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string FullName { get; set; } = "Ottobon Admin";
}

public class DemoSettings
{
    /// <summary>Seeds one seeker and one provider with <see cref="Password"/> so a first run has people to sign in as.</summary>
    public bool SeedAccounts { get; set; }
    public string? Password { get; set; }
}

public class LoginThrottleSettings
{
    public int MaxFailures { get; set; } = 5;
    public int WindowMinutes { get; set; } = 15;
    public int LockoutMinutes { get; set; } = 15;
}
