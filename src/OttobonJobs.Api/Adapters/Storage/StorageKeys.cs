using System.Text.RegularExpressions;

namespace OttobonJobs.Api.Adapters.Storage;

/// <summary>
/// What a storage key may look like: lower-case segments of <c>[a-z0-9._-]</c> separated by single slashes, such as
/// <c>resumes/{userId}/{sha256}.pdf</c>. No segment may start with a dot, so "." and ".." and hidden names
/// (including our own temporary files) are impossible, and nothing starts or ends with a slash.
/// </summary>
public static partial class StorageKeys
{
    public const int MaxLength = 512;

    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxLength && KeyShape().IsMatch(key);

    [GeneratedRegex(@"^[a-z0-9_-][a-z0-9._-]*(/[a-z0-9_-][a-z0-9._-]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();
}
