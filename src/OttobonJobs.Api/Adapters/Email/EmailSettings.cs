using System.ComponentModel.DataAnnotations;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Adapters.Email;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text (a development server on loopback).</summary>
    None,
    /// <summary>Connect in plain text, then require STARTTLS (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
    /// <summary>TLS on port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
}

/// <summary>Ottobon:Email — the SMTP server mail goes through, the sender, and how long emailed links live.</summary>
public class EmailSettings : IValidatableObject
{
    public const string Section = "Ottobon:Email";

    /// <summary>The SMTP server. Not set: nothing is mailed (each email is logged as dropped); scripts/run-product.sh sets it to its development mail server.</summary>
    public string? SmtpHost { get; set; }
    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.Auto;
    /// <summary>Sign in to the server only when set.</summary>
    public string? SmtpUserName { get; set; }
    [DataType(DataType.Password)]
    public string? SmtpPassword { get; set; }
    [Range(1, 600)]
    public int SmtpTimeoutSeconds { get; set; } = 30;

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "no-reply@jobs.ottobon.cloud";
    [Required]
    public string FromName { get; set; } = "Ottobon Jobs";

    /// <summary>Where users reach the SPA: the links in emails start with it.</summary>
    [Required, HttpUrl]
    public string PublicBaseUrl { get; set; } = "http://localhost:8080";

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan VerificationLinkLifetime { get; set; } = TimeSpan.FromDays(2);
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan UnsubscribeLinkLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Password reset and verification emails one address (and reset requests one client address) may ask for per window.</summary>
    [Range(1, 1000)]
    public int RequestsPerAddress { get; set; } = 3;
    [Range(1, 100_000)]
    public int RequestsPerClient { get; set; } = 20;
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(SmtpUserName) != string.IsNullOrEmpty(SmtpPassword))
            yield return new("SmtpUserName and SmtpPassword go together: set both or neither", [nameof(SmtpUserName), nameof(SmtpPassword)]);
    }
}
