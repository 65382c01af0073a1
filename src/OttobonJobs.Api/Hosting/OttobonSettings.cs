using System.ComponentModel.DataAnnotations;

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

    [HttpUrl]
    public string[] CorsOrigins { get; set; } = [];

    public JwtSettings Jwt { get; set; } = new();
    public AdminBootstrapSettings Admin { get; set; } = new();
    public DemoSettings Demo { get; set; } = new();
    public LoginThrottleSettings LoginThrottle { get; set; } = new();
    public SocketAccessSettings Sockets { get; set; } = new();
    public ChatFloodSettings ChatFlood { get; set; } = new();

    /// <summary>Requests per minute one client address may make to the /api/auth endpoints.</summary>
    [Range(1, 100_000)]
    public int AuthRequestsPerMinute { get; set; } = 30;
}

public class JwtSettings
{
    /// <summary>HS256 key (at least 32 bytes). When absent, one is generated once and kept in <see cref="SecretFile"/>.</summary>
    [MinimumBytes(Access.JwtSecretRule.MinimumKeyBytes), DataType(DataType.Password)]
    public string? Secret { get; set; }

    /// <summary>Where the secret is kept when <see cref="Secret"/> is not set (default: $XDG_DATA_HOME/ottobon-jobs/jwt-secret).</summary>
    [AbsolutePath]
    public string? SecretFile { get; set; }

    [Required]
    public string Issuer { get; set; } = "https://jobs.ottobon.cloud";
    [Required]
    public string Audience { get; set; } = "ottobon-jobs";
    /// <summary>How long an access token lives. Short, because it cannot be recalled: the SPA refreshes it silently.</summary>
    /// <remarks>From 3 seconds (0.05, which the expiry tests use) to a day.</remarks>
    [Range(0.05, 1440.0)]
    public double LifetimeMinutes { get; set; } = 15;

    /// <summary>Tolerated clock difference between nodes when checking a token's expiry.</summary>
    [Range(0, 600)]
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>How long a sign-in session (its refresh token family) lives without being used; each refresh extends it.</summary>
    [Range(0.01, 365.0)]
    public double RefreshTokenDays { get; set; } = 14;

    /// <summary>How long one node trusts its last check that a session and its account still exist (invalidated on this node at logout, password change and deletion).</summary>
    [Range(0, 3600)]
    public int SessionCheckCacheSeconds { get; set; } = 30;
}

public class AdminBootstrapSettings
{
    public string? Email { get; set; }
    [DataType(DataType.Password)]
    public string? Password { get; set; }
    public string FullName { get; set; } = "Ottobon Admin";
}

public class DemoSettings
{
    /// <summary>Seeds one seeker and one provider with <see cref="Password"/> so a first run has people to sign in as.</summary>
    public bool SeedAccounts { get; set; }

    [DataType(DataType.Password)]
    public string? Password { get; set; }
}

/// <summary>
/// Wrong passwords are counted per (account, client address) and per account. One address gets
/// <see cref="MaxFailures"/> tries, then waits <see cref="FirstLockoutSeconds"/>, doubling with every further
/// failure up to <see cref="LockoutMinutes"/>. Across all addresses, past <see cref="AccountMaxFailures"/> the account
/// admits one try per <see cref="AccountDelaySeconds"/>: it slows a distributed attack, and the owner (from an address
/// with no failures) waits seconds, never a lockout.
/// </summary>
public class LoginThrottleSettings
{
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;
    /// <summary>Failures older than this (since the last one) are forgotten.</summary>
    [Range(1, 10_080)]
    public int WindowMinutes { get; set; } = 60;
    [Range(1, 86_400)]
    public int FirstLockoutSeconds { get; set; } = 60;
    [Range(1, 10_080)]
    public int LockoutMinutes { get; set; } = 15;
    [Range(1, 100_000)]
    public int AccountMaxFailures { get; set; } = 20;
    [Range(1, 3600)]
    public int AccountDelaySeconds { get; set; } = 5;
}

public class SocketAccessSettings
{
    /// <summary>A ticket from POST /api/ws/tickets opens one socket within this many seconds.</summary>
    [Range(1, 600)]
    public int TicketSeconds { get; set; } = 30;

    /// <summary>How often an open socket re-checks that its session, account and token are still valid (it also checks on every frame).</summary>
    [Range(1.0, 3600.0)]
    public double RecheckSeconds { get; set; } = 15;
}

/// <summary>Chat messages one user may send across all their sockets (on one node) within a sliding window.</summary>
public class ChatFloodSettings
{
    [Range(1, 10_000)]
    public int MessagesPerUser { get; set; } = 20;
    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 10;
}
