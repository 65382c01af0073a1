namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// Bounds on the work one document may cause. The upload endpoint already limits files to a few megabytes;
/// these keep a small file from turning into a lot of memory or CPU once it is unpacked or parsed.
/// </summary>
public record DocumentLimits
{
    /// <summary>Overridable under this configuration section, e.g. <c>Ottobon:Documents:MaxParseTime</c>.</summary>
    public const string Section = "Ottobon:Documents";

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

    /// <summary>
    /// How deeply PDF arrays, dictionaries and nested operations may go (PdfPig's <c>MaxStackDepth</c>); beyond it
    /// PdfPig throws instead of recursing further.
    /// </summary>
    public int MaxPdfNesting { get; init; } = 256;

    /// <summary>
    /// The most a PDF's streams may decode to, all together. Flate data inflates up to about 1000:1, so a file within
    /// the upload limit could otherwise unpack to gigabytes; a resume's fonts and page contents take a few megabytes.
    /// </summary>
    public long MaxPdfDecodedBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>How long reading one document may take before it is refused; the parser is then told to stop.</summary>
    public TimeSpan MaxParseTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many documents are parsed at once; a request beyond that waits (at most <see cref="MaxParseTime"/>).</summary>
    public int MaxConcurrentParses { get; init; } = Math.Max(2, Environment.ProcessorCount);
}
