using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Domain.Skills;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Resumes;

public record ResumeProcessed(string Message, int CharactersExtracted, string FileName, IReadOnlyList<string> Skills);

/// <summary>
/// A seeker uploads (POST) or replaces (PUT) their resume as multipart/form-data with a <c>file</c> field.
/// Every check runs before anything is stored, so a rejected upload leaves the previous resume as it was.
/// </summary>
public static class UploadResumeEndpoint
{
    private const string UploadDescription = "The resume: a PDF (.pdf) or Word (.docx) file with selectable text.";

    [WolverinePost("/api/users/resume", OperationId = "uploadResume")]
    [ProducesResponseType<ResumeProcessed>(StatusCodes.Status200OK)]
    [AcceptsFileUpload("file", UploadDescription)]
    [ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity)]
    [RequireRole(Role.Seeker)]
    public static Task<IResult> Post(HttpRequest request, ClaimsPrincipal user, ResumeUploads uploads, CancellationToken cancellationToken) =>
        uploads.AcceptAsync(request, user.UserId(), cancellationToken);

    [WolverinePut("/api/users/resume", OperationId = "replaceResume")]
    [ProducesResponseType<ResumeProcessed>(StatusCodes.Status200OK)]
    [AcceptsFileUpload("file", UploadDescription)]
    [ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity)]
    [RequireRole(Role.Seeker)]
    public static Task<IResult> Put(HttpRequest request, ClaimsPrincipal user, ResumeUploads uploads, CancellationToken cancellationToken) =>
        uploads.AcceptAsync(request, user.UserId(), cancellationToken);
}

/// <summary>
/// Reads and checks an upload, stores its file (an outside call, before any decision and outside any lock), then has
/// the seeker's stream decide (<see cref="RecordResumeUploadHandler"/>). The file is kept only when its event commits:
/// if the decision refuses or the commit fails, the file is deleted again. Each upload gets its own storage key, so a
/// file deleted here is never one that another upload recorded. The replaced resume's file goes after the commit.
/// </summary>
public class ResumeUploads(
    IMessageBus bus,
    IDocumentTextExtractor extractor,
    IFileStorage storage,
    IOptions<ResumeSettings> settings,
    ILogger<ResumeUploads> logger)
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
        var key = StorageKeyFor(userId, sha256, format);
        var skills = SkillTaxonomy.Extract(text);

        await storage.SaveAsync(key, new MemoryStream(bytes, writable: false), cancellationToken);

        ResumeUploadOutcome outcome;
        try
        {
            outcome = await bus.InvokeAsync<ResumeUploadOutcome>(
                new RecordResumeUpload(userId, fileName, format, bytes.LongLength, sha256, key, text, skills), cancellationToken);
        }
        catch
        {
            // Nothing was recorded: the file must not outlive the failed commit.
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        if (outcome.Refusal is { } refusal)
        {
            await storage.DeleteAsync(key, CancellationToken.None);
            return refusal.ToResult();
        }

        if (outcome.ObsoleteStorageKey is { } obsolete) await DeleteQuietly(obsolete);
        return Results.Ok(new ResumeProcessed("Resume processed successfully", text.Length, fileName, skills));
    }

    /// <summary>Content hash for integrity, plus a fresh id so two uploads never share (and never delete) one file.</summary>
    private static string StorageKeyFor(Guid userId, string sha256, string format) =>
        $"resumes/{userId:N}/{Guid.CreateVersion7():N}-{sha256}.{format}";

    // The new resume is committed; a leftover old file is only disk space, never a reason to fail the upload.
    private async Task DeleteQuietly(string key)
    {
        try
        {
            await storage.DeleteAsync(key, CancellationToken.None);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete the replaced resume file {Key}.", key);
        }
    }

    // Room for the multipart boundaries and headers around the file itself.
    private const long MultipartOverhead = 64 * 1024;

    private static IResult TooLarge(long maxBytes) => ApiProblems.Result(StatusCodes.Status413PayloadTooLarge,
        $"The file is too large: resumes may be at most {maxBytes / (1024 * 1024)} MB.");
}

/// <summary>What the seeker's stream decided about an upload: refused, or recorded (naming the replaced file, if any).</summary>
public record ResumeUploadOutcome(Refusal? Refusal, string? ObsoleteStorageKey);

public static class RecordResumeUploadHandler
{
    /// <summary>
    /// Decides on the seeker's stream, loaded exclusively: concurrent uploads by one seeker take turns, so each one
    /// replaces exactly the resume before it and none fails on a version conflict.
    /// </summary>
    [Emits(typeof(ResumeUploaded))]
    public static (ResumeUploadOutcome, Events, OutgoingMessages) Handle(
        RecordResumeUpload command,
        [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive, Required = false)] User? user,
        TimeProvider clock)
    {
        var (decision, obsolete) = UserDecisions.RecordResumeUpload(user, command, clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return (new ResumeUploadOutcome(refusal, null), [], []);

        return (new ResumeUploadOutcome(null, obsolete), new Events(decision.Events), [new EmbedResume(command.UserId, command.Sha256)]);
    }
}
