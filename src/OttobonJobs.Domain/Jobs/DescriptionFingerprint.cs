using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OttobonJobs.Domain.Jobs;

/// <summary>
/// The SHA-256 of a description's normalised text. Two postings that differ only in markup, spacing or letter
/// case share a hash, so the second one reuses the first one's enrichment instead of paying for another AI call.
/// </summary>
public static partial class DescriptionFingerprint
{
    public static string Compute(string descriptionRaw)
    {
        var normalised = Normalise(descriptionRaw);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    public static string Normalise(string descriptionRaw)
    {
        var withoutTags = Tags().Replace(descriptionRaw, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags);
        return Whitespace().Replace(decoded, " ").Trim().ToLowerInvariant();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
