using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Projections.Resumes;
using Wolverine.Http;

namespace OttobonJobs.Api.Resumes;

public record MyResumeResponse(
    string FileName, string Format, long SizeBytes, int CharactersExtracted, IReadOnlyList<string> Skills,
    bool EmbeddingReady, DateTimeOffset UploadedAt, string DownloadUrl, DateTimeOffset ExpiresAt);

public static class MyResumeEndpoint
{
    /// <summary>
    /// The caller's resume with a download link that works without a token for a short while: ours, or a presigned
    /// URL of the bucket when files are on S3.
    /// </summary>
    [WolverineGet("/api/users/me/resume", OperationId = "myResume")]
    [ProducesResponseType<MyResumeResponse>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    [RequireRole(Role.Seeker)]
    public static async Task<IResult> Get(
        ClaimsPrincipal user, IQuerySession session, ResumeLinks links, IOptions<ResumeSettings> settings, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var resume = await session.LoadAsync<SeekerResume>(user.UserId(), cancellationToken);
        if (resume is null) return ApiProblems.Result(StatusCodes.Status404NotFound, "You have not uploaded a resume yet.");

        var expiresAt = clock.GetUtcNow() + settings.Value.DownloadLinkLifetime;
        var url = await links.LinkAsync(
            resume.Id, resume.Sha256, resume.StorageKey, resume.FileName, ResumeDownloadEndpoint.ContentTypeFor(resume.Format), expiresAt,
            cancellationToken);
        if (url is null) return ApiProblems.Result(StatusCodes.Status404NotFound, ResumeDownloadEndpoint.FileGone);
        return Results.Ok(new MyResumeResponse(
            resume.FileName, resume.Format, resume.SizeBytes, resume.CharactersExtracted, resume.Skills,
            resume.EmbeddingModel is not null, resume.UploadedAt, url, expiresAt));
    }
}

public static class ResumeDownloadEndpoint
{
    public const string PdfContentType = "application/pdf";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string FileGone = "This resume file is no longer stored.";
    private const long MaxUnixSeconds = 253_402_300_799; // DateTimeOffset.MaxValue

    public static string ContentTypeFor(string format) => format == ResumeFormat.Pdf ? PdfContentType : DocxContentType;

    /// <summary>Serves one stored resume to whoever holds a valid, unexpired signed link for it.</summary>
    [WolverineGet("/api/files/resumes/{userId}/{sha256}", OperationId = "downloadResume")]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, PdfContentType, DocxContentType)]
    [ProducesProblems(StatusCodes.Status403Forbidden)]
    [AllowAnonymous]
    public static async Task<IResult> Get(
        Guid userId, string sha256, long? expires, string? signature, ResumeLinks links, IQuerySession session, IFileStorage storage,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // An expiry beyond what a date can hold is no link of ours (and would overflow the date arithmetic).
        if (expires is not (>= 0 and <= MaxUnixSeconds) || !links.IsValid(userId, sha256, expires.Value, signature, clock.GetUtcNow()))
            return ApiProblems.Result(StatusCodes.Status403Forbidden, "This download link is invalid or has expired. Ask for a new one.");

        var resume = await session.LoadAsync<SeekerResume>(userId, cancellationToken);
        if (resume is null || resume.Sha256 != sha256)
            return ApiProblems.Result(StatusCodes.Status404NotFound, "This resume has been replaced or removed.");

        var content = await storage.OpenAsync(resume.StorageKey, cancellationToken);
        if (content is null) return ApiProblems.Result(StatusCodes.Status404NotFound, FileGone);

        return Results.File(content, ContentTypeFor(resume.Format), resume.FileName);
    }
}
