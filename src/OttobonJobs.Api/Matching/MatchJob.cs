using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Marten;
using Npgsql;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Matching;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;
using Wolverine.Http;

namespace OttobonJobs.Api.Matching;

public record LearningRecommendation(string Skill, IReadOnlyList<LearningLink> Resources);

public record MatchResult(
    Guid JobId,
    double SimilarityScore,
    double MatchScore,
    bool GapDetected,
    IReadOnlyList<string> MatchedSkills,
    IReadOnlyList<string> MissingSkills,
    IReadOnlyList<LearningRecommendation> LearningRecommendations,
    string Explanation,
    FitSummary Fit);

public static class MatchJobEndpoint
{
    /// <summary>How well the caller's resume fits an active job, what is missing and what to learn (formula in <see cref="FitScore"/>).</summary>
    [WolverinePost("/api/jobs/{id}/match", OperationId = "matchJob")]
    [ProducesResponseType<MatchResult>(StatusCodes.Status200OK)]
    [ProducesProblems(StatusCodes.Status422UnprocessableEntity)]
    [RequireRole(Role.Seeker)]
    public static async Task<IResult> Post(
        Guid id, ClaimsPrincipal user, IQuerySession session, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var job = await session.LoadAsync<JobDetails>(id, cancellationToken);
        if (job is null || job.Status != JobStatus.Active)
            return ApiProblems.Result(StatusCodes.Status404NotFound, "No such active job.");

        var resume = await session.LoadAsync<SeekerResume>(user.UserId(), cancellationToken);
        if (resume is null)
            return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "Upload your resume first: matching compares it with the job.");

        var fits = await JobFits.ScoreAsync(dataSource, resume, new Dictionary<Guid, IReadOnlyList<string>> { [id] = job.SkillsRequired }, cancellationToken);
        if (!fits.TryGetValue(id, out var fit))
            return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity,
                "Your resume or this job is still being processed. Try again in a few seconds.");

        var recommendations = await Recommend(session, fit.Skills.Missing, cancellationToken);
        return Results.Ok(new MatchResult(
            id, fit.SimilarityScore, fit.MatchScore, fit.GapDetected, fit.Skills.Matched, fit.Skills.Missing, recommendations,
            Explain(fit, job), FitSummary.From(fit)));
    }

    private static async Task<IReadOnlyList<LearningRecommendation>> Recommend(
        IQuerySession session, IReadOnlyList<string> missing, CancellationToken cancellationToken)
    {
        if (missing.Count == 0) return [];
        var entries = await session.LoadManyAsync<LearningResourceEntry>(cancellationToken, missing.Select(LearningCatalogue.IdFor).ToArray());
        var byId = entries.ToDictionary(e => e.Id);
        return missing.Select(skill => new LearningRecommendation(skill,
                byId.TryGetValue(LearningCatalogue.IdFor(skill), out var entry) ? entry.Resources : LearningCatalogue.Fallback(skill)))
            .ToList();
    }

    private static string Explain(Fit fit, JobDetails job)
    {
        var percent = (int)Math.Round(fit.MatchScore * 100);
        var skills = fit.Skills.Matched.Count + fit.Skills.Missing.Count;
        var summary = fit.GapDetected
            ? $"A {percent}% fit for {job.Title}: below the 70% mark, so there is a gap to close."
            : $"A {percent}% fit for {job.Title}: a strong match.";
        var coverage = skills == 0 ? "The posting lists no specific skills." : $"Your resume covers {fit.Skills.Matched.Count} of its {skills} skills";
        var missing = fit.Skills.Missing.Count == 0 ? "." : $"; missing: {string.Join(", ", fit.Skills.Missing.Take(5))}.";
        return $"{summary} {coverage}{(skills == 0 ? "" : missing)} Semantic similarity of your resume and the description: {fit.SimilarityScore:0.00}.";
    }
}
