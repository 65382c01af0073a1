using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Npgsql;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Matching;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;
using Wolverine.Http;

namespace OttobonJobs.Api.Matching;

/// <summary>How well the caller's resume fits a job: <see cref="FitScore"/>'s match score (0–1) and its label.</summary>
public record FitSummary(double Score, [property: AllowedValues(FitScore.Strong, FitScore.Partial, FitScore.Low)] string Label)
{
    public static FitSummary From(Fit fit) => new(fit.MatchScore, FitScore.Label(fit.MatchScore));
}

public record JobFit(Guid JobId, FitSummary Fit);

/// <summary>A resume to score against a job: whose it is, which version (its hash), its skills and text.</summary>
public record ResumeForFit(Guid SeekerId, string Sha256, IReadOnlyList<string> Skills, string Text);

/// <summary>
/// The fit of one resume with many jobs in two reads (the cosines in one statement, the jobs' skills in one batch),
/// through the same <see cref="FitScore.Score(double, IReadOnlyList{string}, IReadOnlyList{string}, string)"/> the fit
/// page uses, so the recommendations, the feed, the job page and the fit page show one number for one job.
/// </summary>
public static class JobFits
{
    /// <summary>The fits of the jobs whose vectors compare with the resume's (same model); the others are left out.</summary>
    public static async Task<Dictionary<Guid, Fit>> ScoreAsync(
        NpgsqlDataSource dataSource, SeekerResume resume, IReadOnlyDictionary<Guid, IReadOnlyList<string>> jobSkills, CancellationToken cancellationToken)
    {
        var fits = new Dictionary<Guid, Fit>();
        if (jobSkills.Count == 0) return fits;
        var schema = EventStoreSetup.MartenSchema;
        await using var command = dataSource.CreateCommand(
            $"""
             SELECT j.job_id, 1 - (r.embedding <=> j.embedding)
             FROM {schema}.{ResumeVectorProjection.TableName} r, {schema}.{JobSearchIndexProjection.TableName} j
             WHERE r.user_id = @user AND r.sha256 = @sha AND j.job_id = ANY(@jobs)
               AND j.embedding IS NOT NULL AND r.embedding_model = j.embedding_model
             """);
        command.Parameters.AddWithValue("user", resume.Id);
        command.Parameters.AddWithValue("sha", resume.Sha256);
        command.Parameters.AddWithValue("jobs", jobSkills.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var jobId = reader.GetGuid(0);
            fits[jobId] = FitScore.Score(reader.GetDouble(1), jobSkills[jobId], resume.Skills, resume.Text);
        }
        return fits;
    }

    /// <summary>
    /// The fits of many resumes with one job (a provider's applicants), keyed by seeker: the cosines in one statement,
    /// each resume scored by the same formula. A resume is compared only while its vector is the one of
    /// <see cref="ResumeForFit.Sha256"/> (the seeker may have uploaded another since); the others are left out.
    /// </summary>
    public static async Task<Dictionary<Guid, Fit>> ScoreResumesAsync(
        NpgsqlDataSource dataSource, Guid jobId, IReadOnlyList<string> jobSkills, IReadOnlyCollection<ResumeForFit> resumes,
        CancellationToken cancellationToken)
    {
        var fits = new Dictionary<Guid, Fit>();
        if (resumes.Count == 0) return fits;
        var bySeeker = resumes.ToDictionary(r => r.SeekerId);
        var schema = EventStoreSetup.MartenSchema;
        await using var command = dataSource.CreateCommand(
            $"""
             SELECT r.user_id, r.sha256, 1 - (r.embedding <=> j.embedding)
             FROM {schema}.{ResumeVectorProjection.TableName} r, {schema}.{JobSearchIndexProjection.TableName} j
             WHERE j.job_id = @job AND r.user_id = ANY(@users) AND j.embedding IS NOT NULL AND r.embedding_model = j.embedding_model
             """);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("users", bySeeker.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var resume = bySeeker[reader.GetGuid(0)];
            if (reader.GetString(1) != resume.Sha256) continue;
            fits[resume.SeekerId] = FitScore.Score(reader.GetDouble(2), jobSkills, resume.Skills, resume.Text);
        }
        return fits;
    }

    /// <summary>The fits of feed cards, read by their ids.</summary>
    public static async Task<Dictionary<Guid, Fit>> ScoreAsync(
        IQuerySession session, NpgsqlDataSource dataSource, SeekerResume resume, IReadOnlyCollection<Guid> jobIds, CancellationToken cancellationToken)
    {
        var items = await session.LoadManyAsync<JobFeedItem>(cancellationToken, jobIds.Distinct().ToArray());
        return await ScoreAsync(dataSource, resume, items.ToDictionary(i => i.Id, i => i.SkillsRequired), cancellationToken);
    }
}

public static class JobFitsEndpoint
{
    public const int MaxJobs = 50;

    /// <summary>
    /// The caller's fit with each listed job, for the feed cards and the job page: one entry per job that has been
    /// compared with the resume (a job or resume still being processed is left out). Same score as POST /api/jobs/{id}/match.
    /// </summary>
    [WolverineGet("/api/jobs/fit", OperationId = "jobFits")]
    [ProducesResponseType<IReadOnlyList<JobFit>>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status422UnprocessableEntity)]
    [RequireRole(Role.Seeker)]
    public static async Task<IResult> Get(
        [FromQuery(Name = "job_id")] Guid[] jobId, ClaimsPrincipal user, IQuerySession session, NpgsqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        if (jobId.Length == 0) return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "job_id is required (one or more).");
        if (jobId.Length > MaxJobs) return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, $"At most {MaxJobs} job_id values at once.");
        // No resume, no fits: the cards of a seeker who has not uploaded one simply show none (no error on every page).
        var resume = await session.LoadAsync<SeekerResume>(user.UserId(), cancellationToken);
        if (resume is null) return Results.Ok(Array.Empty<JobFit>());

        var fits = await JobFits.ScoreAsync(session, dataSource, resume, jobId, cancellationToken);
        return Results.Ok(jobId.Distinct().Where(fits.ContainsKey).Select(id => new JobFit(id, FitSummary.From(fits[id]))).ToList());
    }
}
