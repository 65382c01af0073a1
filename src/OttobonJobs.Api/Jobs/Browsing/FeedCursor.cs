using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace OttobonJobs.Api.Jobs.Browsing;

/// <summary>
/// Where a feed page ended: the last card's (listed_at, id), the feed's order key. Sent to clients as an opaque
/// base64url token (a version byte, microseconds since the Unix epoch, the id), so the encoding can change without
/// breaking links. A well-formed cursor can only name a position, so it needs no signature.
/// </summary>
public readonly record struct FeedCursor(DateTimeOffset ListedAt, Guid Id)
{
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long) + 16;

    /// <summary>Cut to microseconds, PostgreSQL's timestamptz precision, so the cursor equals the stored column.</summary>
    public static FeedCursor After(DateTimeOffset listedAt, Guid id) =>
        new(DateTimeOffset.UnixEpoch.AddTicks((listedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10 * 10), id);

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], (ListedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
        Id.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    public static bool TryDecode(string? text, out FeedCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64) return false;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
        }
        catch (FormatException)
        {
            return false;
        }
        if (bytes.Length != Length || bytes[0] != Version) return false;
        var micros = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        if (micros < 0 || micros > (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10) return false;
        cursor = new FeedCursor(DateTimeOffset.UnixEpoch.AddTicks(micros * 10), new Guid(bytes.AsSpan(9), bigEndian: true));
        return true;
    }
}
