using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Resumes;
using OttobonJobs.Domain.Applicants;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Resumes;
using Wolverine.Http;

namespace OttobonJobs.Api.Applicants;

/// <summary>
/// The provider's links to an applicant's resume, keyed by the candidacy and under a key of their own (a seeker's link
/// never opens an applicant's file, nor the reverse). A valid link only gets as far as the candidacy's stream, which
/// says at download time whether the seeker still shares the resume.
/// </summary>
public class ApplicantResumeLinks(JwtSigningKey signingKey, IFileLinks? storageLinks = null)
    : SignedFileLinks(signingKey, storageLinks, "ottobon:applicant-resume-links", "/api/files/applicants");

public record ApplicantResumeLink(string Url, string FileName, DateTimeOffset ExpiresAt);

public static class ApplicantResumeEndpoints
{
    private const long MaxUnixSeconds = 253_402_300_799; // DateTimeOffset.MaxValue
    private const string FileGone = ResumeDownloadEndpoint.FileGone;
    private const string NotShared = "The applicant withdrew this application or deleted their account: their resume is no longer shared.";

    /// <summary>A short-lived link to the resume the applicant sent (the job's owner or an admin).</summary>
    [WolverineGet("/api/applicants/{id}/resume-link", OperationId = "applicantResumeLink")]
    [RequireRole(Role.Provider, Role.Admin)]
    [ProducesResponseType<ApplicantResumeLink>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status410Gone)]
    public static async Task<IResult> Link(
        Guid id, ClaimsPrincipal user, IQuerySession session, ApplicantResumeLinks links, IOptions<ResumeSettings> settings, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var candidacy = await session.Events.AggregateStreamAsync<Candidacy>(id, token: cancellationToken);
        if (candidacy is null || !user.CanManage(candidacy.JobOwnerId)) return ApiProblems.Result(StatusCodes.Status404NotFound, "No such applicant.");
        if (!candidacy.SharesResume) return ApiProblems.Result(StatusCodes.Status410Gone, NotShared);

        var expiresAt = clock.GetUtcNow() + settings.Value.DownloadLinkLifetime;
        var resume = candidacy.Resume!;
        var url = await links.LinkAsync(
            id, resume.Sha256, resume.StorageKey, resume.FileName, ResumeDownloadEndpoint.ContentTypeFor(resume.Format), expiresAt, cancellationToken);
        if (url is null) return ApiProblems.Result(StatusCodes.Status404NotFound, FileGone);
        return Results.Ok(new ApplicantResumeLink(url, resume.FileName, expiresAt));
    }

    /// <summary>Serves an applicant's resume to whoever holds a valid, unexpired link, while the applicant still shares it.</summary>
    [WolverineGet("/api/files/applicants/{id}/{sha256}", OperationId = "downloadApplicantResume")]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, ResumeDownloadEndpoint.PdfContentType, ResumeDownloadEndpoint.DocxContentType)]
    [ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status410Gone)]
    [AllowAnonymous]
    public static async Task<IResult> Download(
        Guid id, string sha256, long? expires, string? signature, ApplicantResumeLinks links, IQuerySession session, IFileStorage storage,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (expires is not (>= 0 and <= MaxUnixSeconds) || !links.IsValid(id, sha256, expires.Value, signature, clock.GetUtcNow()))
            return ApiProblems.Result(StatusCodes.Status403Forbidden, "This download link is invalid or has expired. Ask for a new one.");

        // Checked now, not when the link was made: withdrawing revokes every link already handed out.
        var candidacy = await session.Events.AggregateStreamAsync<Candidacy>(id, token: cancellationToken);
        if (candidacy is null) return ApiProblems.Result(StatusCodes.Status404NotFound, "No such applicant.");
        if (!candidacy.SharesResume || candidacy.Resume!.Sha256 != sha256) return ApiProblems.Result(StatusCodes.Status410Gone, NotShared);

        var content = await storage.OpenAsync(candidacy.Resume.StorageKey, cancellationToken);
        if (content is null) return ApiProblems.Result(StatusCodes.Status404NotFound, FileGone);

        return Results.File(content, ResumeDownloadEndpoint.ContentTypeFor(candidacy.Resume.Format), candidacy.Resume.FileName);
    }
}
