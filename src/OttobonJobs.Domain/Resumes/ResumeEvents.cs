namespace OttobonJobs.Domain.Resumes;

// Resume events live in the seeker's own user stream, after UserRegistered.

/// <summary>
/// A resume passed validation and was stored. The extracted text is kept so the embedding, the skills and the
/// coach can be rebuilt from the event log.
/// </summary>
public record ResumeUploaded(
    Guid UserId,
    string FileName,
    string Format,
    long SizeBytes,
    string Sha256,
    string StorageKey,
    int CharactersExtracted,
    string Text,
    IReadOnlyList<string> Skills,
    DateTimeOffset UploadedAt);

/// <summary>The resume's text was embedded (the same port and model as the jobs).</summary>
public record ResumeEmbedded(string Sha256, string Model, int Dimensions, float[] Vector, DateTimeOffset EmbeddedAt);

/// <summary>The rules every upload must pass before anything is stored.</summary>
public static class ResumeRules
{
    public const int MinimumCharacters = 50;
    public const long DefaultMaxBytes = 5 * 1024 * 1024;
    public static readonly IReadOnlyDictionary<string, string> FormatByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ResumeFormat.Pdf,
        [".docx"] = ResumeFormat.Docx,
    };
}
