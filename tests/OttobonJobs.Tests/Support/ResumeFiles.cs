using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// Resume files built in memory for upload, extraction and matching tests: good PDFs and Word files with the
/// text you give them (see <see cref="ResumeTexts"/>), and the bad inputs an upload must survive.
/// Nothing binary is committed; every file is generated on demand.
/// </summary>
public static partial class ResumeFiles
{
    private const double FontSize = 10;
    private const double LineHeight = 14;
    private const double Margin = 50;
    private const int WrapAt = 90;

    /// <summary>
    /// Font files tried, in order, when the text is not plain ASCII (PdfPig's standard fonts cover Latin only).
    /// DejaVu Sans ships with most Linux images and covers Latin, Greek and Cyrillic, but not Indian scripts or CJK.
    /// </summary>
    public static readonly IReadOnlyList<string> UnicodeFontCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansTamil-Regular.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
        "/Library/Fonts/Arial Unicode.ttf",
        @"C:\Windows\Fonts\arial.ttf",
        @"C:\Windows\Fonts\Nirmala.ttf",
    ];

    /// <summary>A one-page resume in Helvetica (or an installed Unicode font when the text needs one).</summary>
    public static byte[] OnePagePdf(string? text = null) => Pdf(text ?? ResumeTexts.ComputerScienceGraduate());

    /// <summary>A five-page resume whose lines are numbered by page and position (see <see cref="ResumeTexts.FivePages"/>).</summary>
    public static byte[] FivePagePdf(string name = "Priya Sharma") => Pdf(ResumeTexts.FivePages(name));

    /// <summary>
    /// One page per text (a text too long for one page flows onto more), lines wrapped at about 90 characters.
    /// ASCII text is set in Helvetica; anything else needs an installed TrueType font that has every character,
    /// see <see cref="UnicodeFontFor"/>.
    /// </summary>
    public static byte[] Pdf(params string[] pageTexts)
    {
        var builder = new PdfDocumentBuilder();
        var allText = string.Concat(pageTexts);
        var font = allText.All(c => c is '\n' or '\r' or (>= ' ' and <= '~'))
            ? builder.AddStandard14Font(Standard14Font.Helvetica)
            : builder.AddTrueTypeFont(UnicodeFontFor(allText)
                ?? throw new InvalidOperationException("No installed TrueType font covers this text; see ResumeFiles.UnicodeFontCandidates."));

        foreach (var pageText in pageTexts)
        {
            var page = builder.AddPage(PdfPageSize.A4);
            var y = page.PageSize.Height - Margin;
            foreach (var line in Wrap(pageText))
            {
                if (y < Margin)
                {
                    page = builder.AddPage(PdfPageSize.A4);
                    y = page.PageSize.Height - Margin;
                }
                if (line.Length > 0) page.AddText(line, FontSize, new PdfPoint(Margin, y), font);
                y -= LineHeight;
            }
        }
        return builder.Build();
    }

    /// <summary>The bytes of the first font in <see cref="UnicodeFontCandidates"/> that has every character of the text, or null.</summary>
    public static byte[]? UnicodeFontFor(string text)
    {
        foreach (var path in UnicodeFontCandidates.Where(File.Exists))
        {
            var font = File.ReadAllBytes(path);
            if (Covers(font, text)) return font;
        }
        return null;
    }

    /// <summary>
    /// A scanned resume: a page holding only an image and a frame, no text at all. Extraction finds (almost) nothing,
    /// which is how an upload recognises a resume that needs OCR or retyping.
    /// </summary>
    public static byte[] ImageOnlyPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PdfPageSize.A4);
        var size = page.PageSize;
        page.AddPng(HandMadeFiles.ScannedPagePng(), new PdfRectangle(Margin, Margin, size.Width - Margin, size.Height - Margin));
        page.DrawRectangle(new PdfPoint(Margin - 5, Margin - 5), size.Width - 2 * Margin + 10, size.Height - 2 * Margin + 10, 1);
        return builder.Build();
    }

    /// <summary>
    /// A PDF that needs <paramref name="userPassword"/> to open (RC4 40-bit, standard security handler).
    /// With an empty user password it opens freely and is only restricted by its owner password.
    /// </summary>
    public static byte[] EncryptedPdf(string userPassword = "secret", string? text = null) =>
        HandMadeFiles.EncryptedPdf(userPassword, ownerPassword: "owner-" + userPassword + "-x", text ?? ResumeTexts.ComputerScienceGraduate());

    /// <summary>The first half of a real resume PDF, as an interrupted upload or download leaves it.</summary>
    public static byte[] TruncatedPdf()
    {
        var whole = FivePagePdf();
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A plain-text resume saved with a .pdf name.</summary>
    public static byte[] TextFileNamedPdf(string? text = null) =>
        Encoding.UTF8.GetBytes(text ?? ResumeTexts.ComputerScienceGraduate());

    /// <summary>A Windows program renamed to resume.pdf: the MZ header and the DOS stub, then a PE signature.</summary>
    public static byte[] RenamedExecutable()
    {
        var program = new byte[1024];
        "MZ"u8.CopyTo(program);
        program[0x3C] = 0x80; // offset of the PE header
        "This program cannot be run in DOS mode.\r\r\n$"u8.CopyTo(program.AsSpan(0x4E));
        "PE\0\0"u8.CopyTo(program.AsSpan(0x80));
        return program;
    }

    /// <summary>A Linux program renamed to resume.pdf: a 64-bit little-endian ELF header.</summary>
    public static byte[] RenamedElfExecutable()
    {
        var program = new byte[1024];
        byte[] header = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];
        header.CopyTo(program, 0);
        program[16] = 2;    // executable
        program[18] = 0x3E; // x86-64
        return program;
    }

    /// <summary>Bytes before %PDF- that some generators and mail gateways add: a UTF-8 byte-order mark and line breaks.</summary>
    public static byte[] PdfWithLeadingBytes(string? text = null) => [0xEF, 0xBB, 0xBF, (byte)'\r', (byte)'\n', .. OnePagePdf(text)];

    private static IEnumerable<string> Wrap(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            var rest = line.TrimEnd();
            while (rest.Length > WrapAt)
            {
                var cut = rest.LastIndexOf(' ', WrapAt);
                if (cut <= 0) cut = WrapAt;
                yield return rest[..cut].TrimEnd();
                rest = rest[cut..].TrimStart();
            }
            yield return rest;
        }
    }

    private static bool Covers(byte[] font, string text)
    {
        try
        {
            var probe = new PdfDocumentBuilder();
            var added = probe.AddTrueTypeFont(font);
            var page = probe.AddPage(PdfPageSize.A4);
            foreach (var line in text.Split('\n').Where(line => line.Trim().Length > 0))
                page.AddText(line.Trim(), FontSize, new PdfPoint(Margin, Margin), added);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }
}
