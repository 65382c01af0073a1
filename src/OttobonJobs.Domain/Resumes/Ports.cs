namespace OttobonJobs.Domain.Resumes;

public static class ResumeFormat
{
    public const string Pdf = "pdf";
    public const string Docx = "docx";
}

/// <summary>Text read from a resume, with its line breaks and reading order kept.</summary>
public record ExtractedDocument(string Text, int Pages);

/// <summary>
/// The document port: checks that a file really is what its extension says and reads its text.
/// Adapters: PdfPig for PDF, the Open XML SDK for DOCX.
/// </summary>
public interface IDocumentTextExtractor
{
    /// <summary>Which format the content really is (by its bytes, not its name), or null when neither.</summary>
    string? DetectFormat(ReadOnlySpan<byte> header);

    /// <exception cref="UnreadableDocumentException">Corrupt, truncated, encrypted, or a zip bomb.</exception>
    Task<ExtractedDocument> ExtractAsync(Stream content, string format, CancellationToken cancellationToken);
}

/// <summary>Why a file could not be read, in words a user can act on.</summary>
public class UnreadableDocumentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The file-storage port. Adapter: the local file system (outside the web root), keyed by user and content hash.</summary>
public interface IFileStorage
{
    /// <summary>Stores the content under <paramref name="key"/>; storing the same key again is a no-op.</summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Null when there is no such file.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
