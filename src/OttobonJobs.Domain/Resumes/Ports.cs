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

/// <summary>
/// The file-storage port. Adapters: the local file system (outside the web root) and S3-compatible buckets, keyed by
/// user and content hash.
/// </summary>
public interface IFileStorage
{
    /// <summary>Stores the content under <paramref name="key"/>; storing the same key again is a no-op.</summary>
    /// <exception cref="FileStorageException">The storage could not be reached or refused the write.</exception>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Null when there is no such file.</summary>
    /// <exception cref="FileStorageException">The storage could not be reached or refused the read.</exception>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deleting a file that is not there is a no-op.</summary>
    /// <exception cref="FileStorageException">The storage could not be reached or refused the delete.</exception>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>
/// Storage that hands out its own short-lived download URLs (S3's presigned GETs), so browsers fetch the bytes from
/// the storage rather than through the API. Storage without it is served by the API's own signed-link endpoints.
/// Whether a file may still be downloaded is the caller's check, made each time it asks for a link.
/// </summary>
public interface IFileLinks
{
    /// <summary>An absolute URL that downloads the file as <paramref name="fileName"/> until <paramref name="expiresAt"/>; null when there is no such file.</summary>
    /// <exception cref="FileStorageException">The storage could not be reached.</exception>
    Task<string?> DownloadUrlAsync(string key, string fileName, string contentType, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}

/// <summary>The storage failed for a reason other than a missing file (unreachable, refused, misconfigured), in words naming what and where.</summary>
public class FileStorageException(string message, Exception? inner = null) : IOException(message, inner);
