using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Matching;
using OttobonJobs.Api.Resumes;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Domain.Tailoring;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;
using Wolverine;
using Wolverine.Http;

namespace OttobonJobs.Api.Tailoring;

/// <summary>
/// The keyword coverage report of the caller's resume against a job (<see cref="KeywordCoverage"/>). The fit scores
/// are there once the resume and the job have been embedded; the gains do not need them.
/// </summary>
public record TailoringCoverage(
    Guid JobId,
    IReadOnlyList<PresentKeyword> Present,
    IReadOnlyList<MissingKeyword> Missing,
    IReadOnlyList<LineToStrengthen> Strengthen,
    double? FitScore,
    double? FitScoreWithAll);

/// <summary>One tailored version. <see cref="StreamVersion"/> is also the response's ETag: send it as If-Match when saving an edit.</summary>
/// <param name="LocalDraft">Written by the offline local tailor (no OpenAI), from the resume's own lines only.</param>
public record TailoredVersionResponse(
    Guid Id,
    Guid JobId,
    [property: AllowedValues(DraftAuthor.OpenAi, DraftAuthor.Local)] string Author,
    bool LocalDraft,
    string Model,
    string ResumeMarkdown,
    string CoverLetterMarkdown,
    IReadOnlyList<string> Changes,
    DateTimeOffset WrittenAt,
    DateTimeOffset? EditedAt,
    long StreamVersion)
{
    public static TailoredVersionResponse From(TailoredResumes stream, TailoredVersion v) => new(
        v.Id, stream.JobId, v.Author, v.Author == DraftAuthor.Local, v.Model, v.ResumeMarkdown, v.CoverLetterMarkdown, v.Changes,
        v.WrittenAt, v.EditedAt, stream.Version);
}

public record TailoredVersionSummary(
    Guid Id, [property: AllowedValues(DraftAuthor.OpenAi, DraftAuthor.Local)] string Author, string Model, DateTimeOffset WrittenAt,
    DateTimeOffset? EditedAt, int Changes);

/// <summary>A job's tailored versions of the caller's resume, newest first.</summary>
public record TailoredVersionList(Guid JobId, long StreamVersion, IReadOnlyList<TailoredVersionSummary> Versions);

/// <summary>An edit: a field left out keeps its text.</summary>
public record EditTailoredVersion(
    [property: MaxLength(TailoringRules.MaxMarkdownCharacters)] string? ResumeMarkdown,
    [property: MaxLength(TailoringRules.MaxMarkdownCharacters)] string? CoverLetterMarkdown);

public static class TailoringDocument
{
    public const string Resume = "resume";
    public const string CoverLetter = "cover_letter";
}

/// <summary>The job and resume a tailoring request works from, or the problem that stops it.</summary>
internal static class TailoringInputs
{
    public static async Task<(JobDetails? Job, SeekerResume? Resume, IResult? Problem)> LoadAsync(
        IQuerySession session, Guid jobId, Guid userId, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var job = batch.Load<JobDetails>(jobId);
        var resume = batch.Load<SeekerResume>(userId);
        await batch.Execute(cancellationToken);
        if (await job is not { } found) return (null, null, ApiProblems.Result(StatusCodes.Status404NotFound, "No such job."));
        if (await resume is not { } mine)
            return (found, null, ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "Upload your resume first: tailoring starts from your resume."));
        return (found, mine, null);
    }

    public static TailoringJob JobOf(JobDetails job) => new(job.Id, job.Title, job.CompanyName, job.DescriptionRaw, job.SkillsRequired);

    public static TailoringResume ResumeOf(SeekerResume resume) => new(resume.Text, resume.Skills, resume.Sha256);

    public static async Task<TailoredResumes?> VersionsAsync(IQuerySession session, Guid jobId, Guid userId, CancellationToken cancellationToken) =>
        await session.LoadAsync<TailoredResumes>(TailoringIds.For(userId, jobId), cancellationToken);

    public static IResult NoSuchVersion() => ApiProblems.Result(StatusCodes.Status404NotFound, "No such tailored version of your resume for this job.");
}

public static class TailoringCoverageEndpoint
{
    /// <summary>Which of the job's keywords the caller's resume contains and where, which are missing, and which lines to strengthen first.</summary>
    [WolverineGet("/api/jobs/{jobId}/tailoring/coverage", OperationId = "tailoringCoverage")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<TailoringCoverage>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Get(
        Guid jobId, ClaimsPrincipal user, IQuerySession session, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var (job, resume, problem) = await TailoringInputs.LoadAsync(session, jobId, user.UserId(), cancellationToken);
        if (problem is not null) return problem;
        var fits = await JobFits.ScoreAsync(dataSource, resume!, new Dictionary<Guid, IReadOnlyList<string>> { [jobId] = job!.SkillsRequired }, cancellationToken);
        double? cosine = fits.TryGetValue(jobId, out var fit) ? fit.SimilarityScore : null;
        var report = KeywordCoverage.Report(new CoverageInput(job.SkillsRequired, job.DescriptionRaw, resume!.Skills, resume.Text, cosine));
        return Results.Ok(new TailoringCoverage(jobId, report.Present, report.Missing, report.Strengthen, report.FitScore, report.FitScoreWithAll));
    }
}

public static class WriteTailoredDraftEndpoint
{
    /// <summary>
    /// Writes a tailored resume draft and cover letter for the job and keeps it as a new version: by OpenAI when configured
    /// (grounded in the resume, nothing invented), otherwise by the offline local tailor ("local draft"). When OpenAI fails,
    /// the local tailor writes it and the changes say why.
    /// </summary>
    [WolverinePost("/api/jobs/{jobId}/tailoring/drafts", OperationId = "writeTailoredDraft")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<TailoredVersionResponse>(StatusCodes.Status201Created)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(
        Guid jobId, ClaimsPrincipal user, IQuerySession session, IResumeTailor tailor, LocalResumeTailor local, IMessageBus bus,
        HttpResponse response, ILogger<IResumeTailor> logger, CancellationToken cancellationToken)
    {
        var (job, resume, problem) = await TailoringInputs.LoadAsync(session, jobId, user.UserId(), cancellationToken);
        if (problem is not null) return problem;

        // The outside call comes first, outside any stream lock; its draft is the input of the decision.
        var (tailoringJob, tailoringResume) = (TailoringInputs.JobOf(job!), TailoringInputs.ResumeOf(resume!));
        TailoredDraft draft;
        try
        {
            draft = await tailor.TailorAsync(tailoringJob, tailoringResume, cancellationToken);
        }
        catch (TailoringUnavailableException e)
        {
            logger.LogWarning(e, "The resume tailor failed for job {JobId}; the local tailor writes the draft", jobId);
            var fallback = await local.TailorAsync(tailoringJob, tailoringResume, cancellationToken);
            draft = fallback with { Changes = [$"OpenAI could not write this draft ({e.Message}), so this is a local draft made only from your resume's own lines.", .. fallback.Changes] };
        }

        var versionId = Guid.CreateVersion7();
        var streamId = TailoringIds.For(user.UserId(), jobId);
        var outcome = await bus.InvokeAsync<TailoringOutcome>(
            new RecordTailoredDraft(streamId, user.Actor(), new WriteTailoredDraft(versionId, user.UserId(), jobId, resume!.Sha256, draft)), cancellationToken);
        if (outcome.Refusal is { } refusal) return refusal.ToResult();

        response.SetETag(outcome.After!.Version);
        return Results.Created($"/api/jobs/{jobId}/tailoring/drafts/{versionId}", TailoredVersionResponse.From(outcome.After, outcome.After.Find(versionId)!));
    }
}

public static class TailoredVersionsEndpoints
{
    /// <summary>The caller's tailored versions for a job, newest first (none yet is an empty list).</summary>
    [WolverineGet("/api/jobs/{jobId}/tailoring/drafts", OperationId = "listTailoredDrafts")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<TailoredVersionList>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public static async Task<IResult> List(Guid jobId, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var job = batch.Load<JobDetails>(jobId);
        var stream = batch.Load<TailoredResumes>(TailoringIds.For(user.UserId(), jobId));
        await batch.Execute(cancellationToken);
        if (await job is null) return ApiProblems.Result(StatusCodes.Status404NotFound, "No such job.");
        var versions = await stream;
        response.SetETag(versions?.Version ?? 0);
        return Results.Ok(new TailoredVersionList(jobId, versions?.Version ?? 0,
            versions?.NewestFirst.Select(v => new TailoredVersionSummary(v.Id, v.Author, v.Model, v.WrittenAt, v.EditedAt, v.Changes.Count)).ToList() ?? []));
    }

    /// <summary>One of the caller's tailored versions, with its Markdown.</summary>
    [WolverineGet("/api/jobs/{jobId}/tailoring/drafts/{versionId}", OperationId = "getTailoredDraft")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<TailoredVersionResponse>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(
        Guid jobId, Guid versionId, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var stream = await TailoringInputs.VersionsAsync(session, jobId, user.UserId(), cancellationToken);
        if (stream?.Find(versionId) is not { } version) return TailoringInputs.NoSuchVersion();
        response.SetETag(stream.Version);
        return Results.Ok(TailoredVersionResponse.From(stream, version));
    }

    /// <summary>A version's resume draft or cover letter as a Word document or a PDF.</summary>
    [WolverineGet("/api/jobs/{jobId}/tailoring/drafts/{versionId}/download", OperationId = "downloadTailoredDraft")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, ResumeDownloadEndpoint.PdfContentType, ResumeDownloadEndpoint.DocxContentType)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Download(
        Guid jobId, Guid versionId, [FromQuery] string? document, [FromQuery] string? format, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellationToken)
    {
        if (document is not (TailoringDocument.Resume or TailoringDocument.CoverLetter))
            return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "document must be resume or cover_letter.");
        if (format is not (ResumeFormat.Docx or ResumeFormat.Pdf))
            return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "format must be docx or pdf.");
        var stream = await TailoringInputs.VersionsAsync(session, jobId, user.UserId(), cancellationToken);
        if (stream?.Find(versionId) is not { } version) return TailoringInputs.NoSuchVersion();
        var job = await session.LoadAsync<JobDetails>(jobId, cancellationToken);

        var markdown = document == TailoringDocument.Resume ? version.ResumeMarkdown : version.CoverLetterMarkdown;
        var name = FileNames.Sanitise($"{job?.Title ?? "job"} {(document == TailoringDocument.Resume ? "resume" : "cover letter")}", format);
        return format == ResumeFormat.Docx
            ? Results.File(DraftDocuments.Docx(markdown), ResumeDownloadEndpoint.DocxContentType, name)
            : Results.File(DraftDocuments.Pdf(markdown), ResumeDownloadEndpoint.PdfContentType, name);
    }
}

// Its own class: a Validate method applies to every endpoint of its class.
public static class EditTailoredDraftEndpoint
{
    public static ProblemDetails Validate(EditTailoredVersion command, HttpRequest request) =>
        request.IfMatch().IsMalformed ? ApiProblems.Problem(StatusCodes.Status400BadRequest, StreamVersions.Malformed) : WolverineContinue.NoProblems;

    /// <summary>Saves the caller's edit of a version. With If-Match (the ETag of the read), an edit from a stale read is refused with 412.</summary>
    [WolverinePut("/api/jobs/{jobId}/tailoring/drafts/{versionId}", OperationId = "editTailoredDraft")]
    [AcceptsIfMatch]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<TailoredVersionResponse>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Put(
        Guid jobId, Guid versionId, EditTailoredVersion command, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus,
        CancellationToken cancellationToken)
    {
        var edit = new EditTailoredDraft(versionId, command.ResumeMarkdown, command.CoverLetterMarkdown, request.IfMatch().Version);
        var outcome = await bus.InvokeAsync<TailoringOutcome>(new SaveTailoredDraft(TailoringIds.For(user.UserId(), jobId), user.Actor(), edit), cancellationToken);
        if (outcome.Refusal is { } refusal) return refusal.ToResult();
        response.SetETag(outcome.After!.Version);
        return Results.Ok(TailoredVersionResponse.From(outcome.After, outcome.After.Find(versionId)!));
    }
}
