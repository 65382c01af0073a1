using System.ComponentModel.DataAnnotations;

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
    [Range(typeof(long), "1024", "1073741824")]
    public long MaxFileBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Only this many pages of a PDF are read; a resume rarely has more than a handful.</summary>
    [Range(1, 10_000)]
    public int MaxPdfPages { get; init; } = 50;

    /// <summary>The most a Word file may unpack to, all entries together.</summary>
    [Range(typeof(long), "1024", "4294967296")]
    public long MaxUnpackedBytes { get; init; } = 50 * 1024 * 1024;

    [Range(1, 100_000)]
    public int MaxZipEntries { get; init; } = 1000;

    /// <summary>An entry larger than <see cref="RatioCheckFromBytes"/> may be at most this many times its compressed size.</summary>
    [Range(1, 10_000)]
    public int MaxCompressionRatio { get; init; } = 100;

    [Range(typeof(long), "0", "1073741824")]
    public long RatioCheckFromBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// How deeply the XML inside a Word file may nest. Real documents stay well below 100; the Open XML SDK loads
    /// parts recursively, and a few kilobytes of nested content controls (about 30,000 levels) overflow the stack,
    /// which ends the process rather than throwing.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxXmlDepth { get; init; } = 256;

    /// <summary>
    /// How deeply PDF arrays, dictionaries and nested operations may go (PdfPig's <c>MaxStackDepth</c>); beyond it
    /// PdfPig throws instead of recursing further.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxPdfNesting { get; init; } = 256;

    /// <summary>
    /// The most a PDF's streams may decode to, all together. Flate data inflates up to about 1000:1, so a file within
    /// the upload limit could otherwise unpack to gigabytes; a resume's fonts and page contents take a few megabytes.
    /// </summary>
    [Range(typeof(long), "1024", "4294967296")]
    public long MaxPdfDecodedBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// Glyphs of one page that go through layout analysis (words from glyph positions, columns, reading order); a page
    /// with more is read in content order instead. A dense resume page has 3,000-6,000; analysis grows faster than
    /// linearly, taking about a second at this cap on one core.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxLayoutGlyphsPerPage { get; init; } = 10_000;

    /// <summary>Glyphs of the whole document that go through layout analysis; later pages are read in content order.</summary>
    [Range(0, 10_000_000)]
    public int MaxLayoutGlyphs { get; init; } = 50_000;

    /// <summary>How long reading one document may take before it is refused; the parser is then told to stop.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MaxParseTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many documents are parsed at once; a request beyond that waits (at most <see cref="MaxParseTime"/>).</summary>
    [Range(1, 256)]
    public int MaxConcurrentParses { get; init; } = Math.Max(2, Environment.ProcessorCount);
}
