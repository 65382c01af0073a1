using System.Security.Claims;
using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Domain.Skills;
using OttobonJobs.Projections.Resumes;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten.Publishing;

namespace OttobonJobs.Api.Resumes;

public record ResumeProcessed(string Message, int CharactersExtracted, string FileName, IReadOnlyList<string> Skills);

/// <summary>
/// A seeker uploads (POST) or replaces (PUT) their resume as multipart/form-data with a <c>file</c> field.
/// Every check runs before anything is stored, so a rejected upload leaves the previous resume as it was.
/// </summary>
public static class UploadResumeEndpoint
{
    [WolverinePost("/api/users/resume", OperationId = "uploadResume")]
    [RequireRole(Role.Seeker)]
    public static Task<IResult> Post(HttpRequest request, ClaimsPrincipal user, ResumeUploads uploads, CancellationToken cancellationToken) =>
        uploads.AcceptAsync(request, user.UserId(), cancellationToken);

    [WolverinePut("/api/users/resume", OperationId = "replaceResume")]
    [RequireRole(Role.Seeker)]
    public static Task<IResult> Put(HttpRequest request, ClaimsPrincipal user, ResumeUploads uploads, CancellationToken cancellationToken) =>
        uploads.AcceptAsync(request, user.UserId(), cancellationToken);
}

public class ResumeUploads(
    IDocumentStore store,
    OutboxedSessionFactory sessions,
    IMessageBus bus,
    IDocumentTextExtractor extractor,
    IFileStorage storage,
    IOptions<ResumeSettings> settings,
    TimeProvider clock)
{
    public async Task<IResult> AcceptAsync(HttpRequest request, Guid userId, CancellationToken cancellationToken)
    {
        var maxBytes = settings.Value.MaxBytes;
        // Refuse oversized bodies before reading them: by their declared length, and by capping what Kestrel will read.
        if (request.ContentLength > maxBytes + MultipartOverhead) return TooLarge(maxBytes);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + MultipartOverhead;

        if (!request.HasFormContentType)
            return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "Send the resume as multipart/form-data with a 'file' field.");

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes + MultipartOverhead }, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || e.Message.Contains("limit")
                ? TooLarge(maxBytes)
                : ApiProblems.Result(StatusCodes.Status400BadRequest, "The upload could not be read as multipart/form-data.");
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "No file was uploaded: attach your resume in the 'file' field.");
        if (file.Length > maxBytes) return TooLarge(maxBytes);

        var fileName = FileNames.Sanitise(file.FileName);
        if (!ResumeRules.FormatByExtension.TryGetValue(Path.GetExtension(fileName), out var format))
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "Only PDF (.pdf) and Word (.docx) resumes are accepted.");

        var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, cancellationToken);
        var bytes = content.ToArray();
        if (extractor.DetectFormat(bytes.AsSpan(0, Math.Min(bytes.Length, 1024))) != format)
            return ApiProblems.Result(StatusCodes.Status400BadRequest,
                $"The file is named .{format} but its content is not a {(format == ResumeFormat.Pdf ? "PDF" : "Word document")}.");

        ExtractedDocument document;
        try
        {
            document = await extractor.ExtractAsync(new MemoryStream(bytes, writable: false), format, cancellationToken);
        }
        catch (UnreadableDocumentException e)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, e.Message);
        }

        var text = document.Text.Trim();
        if (text.Length < ResumeRules.MinimumCharacters)
            return ApiProblems.Result(StatusCodes.Status400BadRequest,
                "File appears to be scanned/image-based: too little text could be read. Upload a PDF or DOCX with selectable text.");

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = $"resumes/{userId:N}/{sha256}.{format}";
        var skills = SkillTaxonomy.Extract(text);

        SeekerResume? previous;
        await using (var query = store.QuerySession())
            previous = await query.LoadAsync<SeekerResume>(userId, cancellationToken);

        await storage.SaveAsync(key, new MemoryStream(bytes, writable: false), cancellationToken);

        await using (var session = sessions.OpenSession(bus))
        {
            session.Events.Append(userId, new ResumeUploaded(
                userId, fileName, format, bytes.LongLength, sha256, key, text.Length, text, skills, clock.GetUtcNow()));
            await bus.PublishAsync(new EmbedResume(userId, sha256));
            await session.SaveChangesAsync(cancellationToken);
        }

        // The old file goes only once the new one is recorded.
        if (previous is not null && previous.StorageKey != key) await storage.DeleteAsync(previous.StorageKey, cancellationToken);

        return Results.Ok(new ResumeProcessed("Resume processed successfully", text.Length, fileName, skills));
    }

    // Room for the multipart boundaries and headers around the file itself.
    private const long MultipartOverhead = 64 * 1024;

    private static IResult TooLarge(long maxBytes) => ApiProblems.Result(StatusCodes.Status413PayloadTooLarge,
        $"The file is too large: resumes may be at most {maxBytes / (1024 * 1024)} MB.");
}
