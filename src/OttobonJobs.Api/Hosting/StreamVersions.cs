using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// A stream's version as an HTTP entity tag: <c>ETag: "7"</c> on reads, <c>If-Match: "7"</c> on edits, so a person's
/// edit is refused (412) when the thing changed after they opened it.
/// </summary>
public static class StreamVersions
{
    public static string ETagFor(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(this HttpResponse response, long version) => response.Headers.ETag = ETagFor(version);

    /// <summary>
    /// The version the caller saw: null without an If-Match (or with <c>*</c>); <see cref="Malformed"/> when the header
    /// is not one of our entity tags.
    /// </summary>
    public static IfMatch IfMatch(this HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return new IfMatch(null, false);
        if (EntityTagHeaderValue.TryParse(header.Trim(), out var tag)
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            return new IfMatch(version, false);
        return new IfMatch(null, true);
    }

    public const string Malformed = "If-Match must be the ETag of a previous response, such as \"3\".";
}

public readonly record struct IfMatch(long? Version, bool IsMalformed);
