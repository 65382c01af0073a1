using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// The document port: recognises PDF and Word files by their bytes and reads their text
/// (PdfPig for PDF, the Open XML SDK for .docx), within <see cref="DocumentLimits"/>.
/// </summary>
/// <remarks>
/// Parsing runs on a thread of its own with a known stack (<see cref="ParserStackBytes"/>), far more than the bounded
/// nesting needs, and within <see cref="DocumentLimits.MaxParseTime"/>: a file that takes longer is refused and its
/// parser told to stop, so one hostile upload can neither overflow the stack nor hold a request forever.
/// </remarks>
public sealed class DocumentTextExtractor(DocumentLimits limits) : IDocumentTextExtractor
{
    /// <summary>Stack for a parser thread: the Open XML SDK and PdfPig recurse once per nesting level, a few hundred bytes each.</summary>
    public const int ParserStackBytes = 16 * 1024 * 1024;

    private readonly SemaphoreSlim _parsers = new(limits.MaxConcurrentParses, limits.MaxConcurrentParses);

    /// <summary>How many bytes of a file <see cref="DetectFormat"/> looks at; pass at least the first 8, ideally this many.</summary>
    public const int HeaderLength = 1024;

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;
    private static ReadOnlySpan<byte> ZipSignature => [(byte)'P', (byte)'K', 3, 4];
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public DocumentTextExtractor() : this(DocumentLimits.Default)
    {
    }

    /// <summary>
    /// PDF when the bytes start with <c>%PDF-</c>, after at most a byte-order mark and whitespace within the first
    /// <see cref="HeaderLength"/> bytes (some generators emit those); DOCX when they start as a zip file
    /// (<see cref="ExtractAsync"/> then checks that the zip really holds a Word document); otherwise null.
    /// </summary>
    public string? DetectFormat(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(ZipSignature)) return ResumeFormat.Docx;

        var rest = header[..Math.Min(header.Length, HeaderLength)];
        if (rest.StartsWith(Utf8ByteOrderMark)) rest = rest[Utf8ByteOrderMark.Length..];
        var start = rest.IndexOfAnyExcept(" \t\r\n\f\0"u8);
        return start >= 0 && rest[start..].StartsWith(PdfSignature) ? ResumeFormat.Pdf : null;
    }

    /// <summary>
    /// Reads the whole document: a seekable stream from its start, any other stream from where it is.
    /// The stream is left open.
    /// </summary>
    /// <exception cref="UnreadableDocumentException">Damaged, truncated, password-protected, not a Word document,
    /// a zip bomb, or a format other than <see cref="ResumeFormat.Pdf"/> and <see cref="ResumeFormat.Docx"/>.</exception>
    public async Task<ExtractedDocument> ExtractAsync(Stream content, string format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (format is not (ResumeFormat.Pdf or ResumeFormat.Docx))
            throw DocumentProblems.Because(DocumentProblems.UnsupportedFormat);

        // The parsers need to seek, and a private copy means the caller's stream position never matters.
        var copy = await CopyWithinLimit(content, cancellationToken);

        return await WithinLimits(stop =>
        {
            using (copy)
            {
                if (format == ResumeFormat.Pdf) return PdfText.Read(copy.ToArray(), limits, stop);

                WordArchive.Check(copy, limits);
                return WordText.Read(copy, limits, stop);
            }
        }, cancellationToken);
    }

    private async Task<ExtractedDocument> WithinLimits(Func<CancellationToken, ExtractedDocument> parse, CancellationToken cancellationToken)
    {
        if (!await _parsers.WaitAsync(limits.MaxParseTime, cancellationToken))
            throw DocumentProblems.Because(DocumentProblems.TooBusy);

        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(limits.MaxParseTime);
        var result = new TaskCompletionSource<ExtractedDocument>(TaskCreationOptions.RunContinuationsAsynchronously);
        var parser = new Thread(() =>
        {
            try
            {
                result.SetResult(parse(stop.Token));
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
            finally
            {
                // A parser that overran still holds its slot until it really ends, so runaway work cannot pile up.
                stop.Dispose();
                _parsers.Release();
            }
        }, ParserStackBytes) { IsBackground = true, Name = "document-parser" };
        parser.Start();

        try
        {
            return await result.Task.WaitAsync(limits.MaxParseTime, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw DocumentProblems.Because(DocumentProblems.TookTooLong, e);
        }
    }

    private async Task<MemoryStream> CopyWithinLimit(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            if (content.Length > limits.MaxFileBytes) throw DocumentProblems.Because(DocumentProblems.FileTooLarge);
            content.Position = 0;
        }

        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > limits.MaxFileBytes)
            {
                await copy.DisposeAsync();
                throw DocumentProblems.Because(DocumentProblems.FileTooLarge);
            }
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }
}
