using System.ComponentModel.DataAnnotations;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Adapters.Storage;

/// <summary>
/// Where uploaded files live, bound from <c>Ottobon:Storage</c> (environment: <c>Ottobon__Storage__Root</c>):
/// the local disk (the default) or an S3-compatible bucket (<see cref="Provider"/> <c>s3</c>, settings under <c>S3</c>).
/// </summary>
public class StorageSettings : IValidatableObject
{
    public const string Section = "Ottobon:Storage";
    public const string LocalProvider = "local";
    public const string S3Provider = "s3";

    /// <summary><c>local</c> (default) or <c>s3</c>.</summary>
    [OneOf(LocalProvider, S3Provider)]
    public string? Provider { get; set; }

    public bool UsesS3 => string.Equals(Provider, S3Provider, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The folder that holds every stored file. Null means <see cref="DefaultRoot"/>: outside the web root and the
    /// repository, so a misconfigured static-file handler can never serve an upload.
    /// </summary>
    [AbsolutePath]
    public string? Root { get; set; }

    public S3StorageSettings S3 { get; set; } = new();

    /// <summary><see cref="Root"/> as a full path, or the default when it is not set.</summary>
    public string ResolveRoot() => Path.GetFullPath(string.IsNullOrWhiteSpace(Root) ? DefaultRoot(Environment.GetEnvironmentVariable) : Root);

    /// <summary>
    /// <c>$XDG_DATA_HOME/ottobon-jobs/files</c>, else <c>~/.local/share/ottobon-jobs/files</c>
    /// (on Windows, <c>%LOCALAPPDATA%\ottobon-jobs\files</c>).
    /// </summary>
    public static string DefaultRoot(Func<string, string?> environment)
    {
        var dataHome = environment("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome) || !Path.IsPathRooted(dataHome))
        {
            // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
            dataHome = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : HomeDataFolder(environment);
        }
        return Path.Combine(dataHome, "ottobon-jobs", "files");
    }

    private static string HomeDataFolder(Func<string, string?> environment)
    {
        var home = environment("HOME");
        if (string.IsNullOrWhiteSpace(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrWhiteSpace(home))
            throw new InvalidOperationException($"No home folder to keep uploaded files in: set {Section}:Root.");
        return Path.Combine(home, ".local", "share");
    }

    // The S3 settings are checked only when S3 is chosen: a local install never has to set them.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesS3) yield break;
        if (string.IsNullOrWhiteSpace(S3.Bucket))
            yield return new ValidationResult("is required when Ottobon:Storage:Provider is \"s3\"", ["S3.Bucket"]);
        if (string.IsNullOrWhiteSpace(S3.Region) && string.IsNullOrWhiteSpace(S3.ServiceUrl))
            yield return new ValidationResult("is required when Ottobon:Storage:Provider is \"s3\" and no S3:ServiceUrl is set", ["S3.Region"]);
        if (string.IsNullOrEmpty(S3.AccessKey) != string.IsNullOrEmpty(S3.SecretKey))
            yield return new ValidationResult(
                "must be set together with S3:AccessKey (or both left empty for the AWS SDK's default credentials)", ["S3.SecretKey"]);
        if (!string.IsNullOrEmpty(S3.KmsKeyId) && !string.Equals(S3.ServerSideEncryption, S3StorageSettings.KmsEncryption, StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult($"needs S3:ServerSideEncryption \"{S3StorageSettings.KmsEncryption}\"", ["S3.KmsKeyId"]);
    }
}

/// <summary>An S3-compatible bucket: AWS S3, or MinIO, Ceph, R2 … through <see cref="ServiceUrl"/>.</summary>
public class S3StorageSettings
{
    public const string Aes256Encryption = "AES256";
    public const string KmsEncryption = "aws:kms";

    /// <summary>Must exist already: the application never creates buckets.</summary>
    public string? Bucket { get; set; }

    /// <summary>The AWS region (e.g. <c>eu-central-1</c>); for other services, the region they sign with (MinIO: <c>us-east-1</c>).</summary>
    public string? Region { get; set; }

    /// <summary>The endpoint of a service other than AWS, e.g. <c>http://127.0.0.1:9000</c> for MinIO.</summary>
    [HttpUrl]
    public string? ServiceUrl { get; set; }

    /// <summary>Bucket in the path (<c>host/bucket/key</c>) rather than the host name: what MinIO and Ceph usually need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Empty: the AWS SDK's default chain (environment, profile, instance or pod role).</summary>
    public string? AccessKey { get; set; }

    [DataType(DataType.Password)]
    public string? SecretKey { get; set; }

    /// <summary>Empty (the bucket's default), <c>AES256</c> or <c>aws:kms</c>.</summary>
    [OneOf(Aes256Encryption, KmsEncryption)]
    public string? ServerSideEncryption { get; set; }

    /// <summary>The KMS key for <c>aws:kms</c>; empty means the account's default S3 key.</summary>
    public string? KmsKeyId { get; set; }
}
