using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace OttobonJobs.Api.Jobs.Browsing;

/// <summary>The feed's orders, as <c>sort</c> spells them.</summary>
public static class FeedSorts
{
    /// <summary>Most recently listed first (the site's posting date, or when first seen): the default without q.</summary>
    public const string Newest = "newest";

    /// <summary>By the site's posting date, newest first; jobs without one last.</summary>
    public const string Posted = "posted";

    /// <summary>Highest salary (top of the range, rupees a year) first; jobs without a rupee salary last.</summary>
    public const string Salary = "salary";

    /// <summary>Best full-text match first (ts_rank), then newest: the default with q.</summary>
    public const string Relevance = "relevance";

    public static readonly IReadOnlyList<string> All = [Newest, Posted, Salary, Relevance];
}

/// <summary>
/// Where a feed page ended: the last card's sort key under the page's sort, and its id. Sent to clients as an opaque
/// base64url token (a version byte, the sort, listed_at and the posting-date key in microseconds since the Unix epoch, the
/// salary key, the rank, the id), so the encoding can change without breaking links. A well-formed cursor can only name
/// a position, so it needs no signature; one handed out under another sort is refused. Version 1 tokens (before sorts
/// existed) still read as newest-first positions.
/// </summary>
public readonly record struct FeedCursor(DateTimeOffset ListedAt, Guid Id, string Sort = FeedSorts.Newest, DateTimeOffset PostedKey = default, decimal SalaryKey = 0, float Rank = 0)
{
    /// <summary>The posting-date key of a job without one: before every real posting date, so those jobs come last.</summary>
    public static readonly DateTimeOffset NoPostingDate = DateTimeOffset.UnixEpoch;

    /// <summary>The salary key of a job without a rupee salary: below every real one, so those jobs come last.</summary>
    public const decimal NoSalary = -1;

    private const byte Version1 = 1;
    private const byte Version = 2;
    private const int Length1 = 1 + sizeof(long) + 16;
    private const int Length = 2 + sizeof(long) + sizeof(long) + 16 + sizeof(float) + 16;

    /// <summary>A newest-first position, cut to microseconds (PostgreSQL's timestamptz precision) so it equals the stored column.</summary>
    public static FeedCursor After(DateTimeOffset listedAt, Guid id) => new(Micro(listedAt), id);

    /// <summary>The position after a card under <paramref name="sort"/>; <paramref name="rank"/> is its ts_rank under relevance.</summary>
    public static FeedCursor After(string sort, DateTimeOffset listedAt, DateTimeOffset? postedOn, decimal? salary, Guid id, float rank = 0) =>
        new(Micro(listedAt), id, sort, Micro(postedOn ?? NoPostingDate), salary ?? NoSalary, rank);

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        bytes[1] = (byte)IndexOf(Sort);
        BinaryPrimitives.WriteInt64BigEndian(bytes[2..], Micros(ListedAt));
        BinaryPrimitives.WriteInt64BigEndian(bytes[10..], Micros(PostedKey));
        Span<int> salary = stackalloc int[4];
        decimal.GetBits(SalaryKey, salary);
        for (var i = 0; i < 4; i++) BinaryPrimitives.WriteInt32BigEndian(bytes[(18 + i * 4)..], salary[i]);
        BinaryPrimitives.WriteSingleBigEndian(bytes[34..], Rank);
        Id.TryWriteBytes(bytes[38..], bigEndian: true, out _);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    public static bool TryDecode(string? text, out FeedCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 96) return false;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
        }
        catch (FormatException)
        {
            return false;
        }
        if (bytes.Length == Length1 && bytes[0] == Version1)
        {
            if (!TryTime(bytes.AsSpan(1), out var listed)) return false;
            cursor = new FeedCursor(listed, new Guid(bytes.AsSpan(9), bigEndian: true));
            return true;
        }
        if (bytes.Length != Length || bytes[0] != Version || bytes[1] >= FeedSorts.All.Count) return false;
        if (!TryTime(bytes.AsSpan(2), out var listedAt) || !TryTime(bytes.AsSpan(10), out var postedKey)) return false;
        var bits = new int[4];
        for (var i = 0; i < 4; i++) bits[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(18 + i * 4));
        decimal salary;
        try
        {
            salary = new decimal(bits);
        }
        catch (ArgumentException)
        {
            return false;
        }
        var rank = BinaryPrimitives.ReadSingleBigEndian(bytes.AsSpan(34));
        if (!float.IsFinite(rank)) return false;
        cursor = new FeedCursor(listedAt, new Guid(bytes.AsSpan(38), bigEndian: true), FeedSorts.All[bytes[1]], postedKey, salary, rank);
        return true;
    }

    private static int IndexOf(string sort) => FeedSorts.All.ToList().IndexOf(sort) is var i and >= 0 ? i : 0;

    private static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static DateTimeOffset Micro(DateTimeOffset time) => DateTimeOffset.UnixEpoch.AddTicks(Micros(time) * 10);

    private static bool TryTime(ReadOnlySpan<byte> bytes, out DateTimeOffset time)
    {
        time = default;
        var micros = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (micros < 0 || micros > (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10) return false;
        time = DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
        return true;
    }
}
