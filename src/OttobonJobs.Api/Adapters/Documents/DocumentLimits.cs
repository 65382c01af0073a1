namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// Bounds on the work one document may cause. The upload endpoint already limits files to a few megabytes;
/// these keep a small file from turning into a lot of memory or CPU once it is unpacked or parsed.
/// </summary>
public record DocumentLimits
{
    public static readonly DocumentLimits Default = new();

    /// <summary>A backstop above the upload limit: larger streams are refused before they are parsed.</summary>
    public long MaxFileBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Only this many pages of a PDF are read; a resume rarely has more than a handful.</summary>
    public int MaxPdfPages { get; init; } = 50;

    /// <summary>The most a Word file may unpack to, all entries together.</summary>
    public long MaxUnpackedBytes { get; init; } = 50 * 1024 * 1024;

    public int MaxZipEntries { get; init; } = 1000;

    /// <summary>An entry larger than <see cref="RatioCheckFromBytes"/> may be at most this many times its compressed size.</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    public long RatioCheckFromBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// How deeply the XML inside a Word file may nest. Real documents stay well below 100; the Open XML SDK loads
    /// parts recursively, and a few kilobytes of nested content controls (about 30,000 levels) overflow the stack,
    /// which ends the process rather than throwing.
    /// </summary>
    public int MaxXmlDepth { get; init; } = 256;
}
