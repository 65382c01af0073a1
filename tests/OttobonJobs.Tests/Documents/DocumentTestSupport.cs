using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Documents;

internal static class Extraction
{
    public static Task<ExtractedDocument> Pdf(byte[] content, DocumentLimits? limits = null) =>
        Of(content, ResumeFormat.Pdf, limits);

    public static Task<ExtractedDocument> Docx(byte[] content, DocumentLimits? limits = null) =>
        Of(content, ResumeFormat.Docx, limits);

    public static Task<ExtractedDocument> Of(byte[] content, string format, DocumentLimits? limits = null) =>
        new DocumentTextExtractor(limits ?? DocumentLimits.Default).ExtractAsync(new MemoryStream(content), format, CancellationToken.None);

    public static string[] Lines(this ExtractedDocument document) =>
        document.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A stream that can only be read forwards, like a request body.</summary>
internal sealed class ForwardOnlyStream(byte[] content) : Stream
{
    private readonly MemoryStream inner = new(content);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
