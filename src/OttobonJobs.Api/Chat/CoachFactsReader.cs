using Marten;
using Marten.Linq.MatchesSql;
using Npgsql;
using OttobonJobs.Api.Matching;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Matching;
using OttobonJobs.Domain.Skills;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;

namespace OttobonJobs.Api.Chat;

/// <summary>
/// Reads the facts that answer a seeker's question before the coach is asked (outside any stream lock): only those
/// its intent needs, each lookup one indexed read and bounded, so an interview question still reads no job view.
/// A remote coach (<paramref name="everything"/>) is given all of them, since it reads the question itself.
/// </summary>
public static class CoachFactsReader
{
    private const int CandidateJobs = 20;
    private const int SuggestedJobs = 6;
    private const int OtherRoles = 5;

    public static async Task<CoachFacts> ReadAsync(
        IQuerySession query, NpgsqlDataSource dataSource, ChatJobContext? job, SeekerResume? resume, string question, bool everything,
        CancellationToken cancellationToken)
    {
        var intent = CoachIntents.Read(question);
        var named = CoachIntents.SkillsNamed(question);
        bool Needs(params CoachIntent[] intents) => everything || intents.Contains(intent);

        var details = job is not null && Needs(CoachIntent.Fit, CoachIntent.SkillsToLearn, CoachIntent.Salary, CoachIntent.Company, CoachIntent.Resume)
            ? await query.LoadAsync<JobDetails>(job.JobId, cancellationToken)
            : null;
        var salary = details?.Salary is { } shown ? new CoachSalary(shown.Display, details.PublishedSalary is not null) : null;
        var fit = details is not null && resume is not null && Needs(CoachIntent.Fit, CoachIntent.SkillsToLearn, CoachIntent.Resume)
            ? await FitAsync(dataSource, details, resume, cancellationToken)
            : null;
        var toLearn = Needs(CoachIntent.Fit, CoachIntent.SkillsToLearn)
            ? await LearningAsync(query, [.. named, .. fit?.Missing ?? []], cancellationToken)
            : [];
        var company = details is not null && Needs(CoachIntent.Company) ? await CompanyAsync(query, details, cancellationToken) : null;
        var suggestions = Needs(CoachIntent.JobSuggestions) || (job is null && intent is CoachIntent.Fit or CoachIntent.Salary)
            ? await SuggestAsync(query, named.Count > 0 ? named : resume?.Skills ?? [], CoachIntents.AsksForEntryLevel(question), job?.JobId, cancellationToken)
            : [];
        return new CoachFacts(intent, salary, fit, toLearn, company, suggestions, named);
    }

    private static async Task<CoachFit> FitAsync(NpgsqlDataSource dataSource, JobDetails job, SeekerResume resume, CancellationToken cancellationToken)
    {
        // The same score the fit page, the feed and the recommendations show (JobFits), so the coach never quotes another number.
        var fits = await JobFits.ScoreAsync(dataSource, resume, new Dictionary<Guid, IReadOnlyList<string>> { [job.Id] = job.SkillsRequired }, cancellationToken);
        if (!fits.TryGetValue(job.Id, out var fit))
        {
            var skills = FitScore.Compare(job.SkillsRequired, resume.Skills, resume.Text);
            return new CoachFit(null, $"you show {skills.Matched.Count} of its {skills.Matched.Count + skills.Missing.Count} listed skills", skills.Matched, skills.Missing);
        }
        var percent = (int)Math.Round(fit.MatchScore * 100);
        var label = FitScore.Label(fit.MatchScore) switch
        {
            FitScore.Strong => "a strong match",
            FitScore.Partial => "a partial match, with a gap to close",
            _ => "a stretch for now, with several skills to build",
        };
        return new CoachFit(percent, label, fit.Skills.Matched, fit.Skills.Missing);
    }

    private static async Task<IReadOnlyList<SkillToLearn>> LearningAsync(IQuerySession query, IReadOnlyList<string> skills, CancellationToken cancellationToken)
    {
        var wanted = skills.DistinctBy(LearningCatalogue.IdFor).Take(8).ToList();
        if (wanted.Count == 0) return [];
        var entries = (await query.LoadManyAsync<LearningResourceEntry>(cancellationToken, wanted.Select(LearningCatalogue.IdFor).ToArray()))
            .ToDictionary(e => e.Id);
        return wanted.Select(skill => new SkillToLearn(skill, LearningWeeks.For(skill),
                (entries.TryGetValue(LearningCatalogue.IdFor(skill), out var entry) ? entry.Resources : LearningCatalogue.Fallback(skill))
                .Take(2).Select(l => new CoachLink(l.Title, l.Url)).ToList()))
            .ToList();
    }

    private static async Task<CoachCompany> CompanyAsync(IQuerySession query, JobDetails job, CancellationToken cancellationToken)
    {
        var key = job.CompanyName.ToLowerInvariant();
        var others = await query.Query<JobFeedItem>()
            .Where(j => j.Status == JobStatus.Active && j.MatchesSql("d.company_key = ?", key) && j.Id != job.Id)
            .OrderByDescending(j => j.ListedAt).Take(OtherRoles).ToListAsync(cancellationToken);
        var roles = others.Select(j => Suggested(j, [], entryLevel: false)).ToList();
        var locations = new[] { job.Location }.Concat(others.Select(o => o.Location)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new CoachCompany(job.CompanyName, job.Location, job.ExperienceLevel, locations, roles);
    }

    /// <summary>
    /// Active jobs needing any of the skills (the feed's GIN-indexed skill column), the most shared skills first and,
    /// when the seeker asked for entry-level work, entry-level jobs before the rest.
    /// </summary>
    private static async Task<IReadOnlyList<SuggestedJob>> SuggestAsync(
        IQuerySession query, IReadOnlyList<string> skills, bool entryLevel, Guid? currentJob, CancellationToken cancellationToken)
    {
        var keys = skills.Select(s => (SkillTaxonomy.Canonicalise(s) ?? s).ToLowerInvariant()).Distinct().Take(12).ToArray();
        if (keys.Length == 0) return [];
        var candidates = await query.Query<JobFeedItem>()
            .Where(j => j.Status == JobStatus.Active && j.MatchesSql("d.skill_keys && ?::text[]", new object[] { keys }))
            .OrderByDescending(j => j.ListedAt).Take(CandidateJobs).ToListAsync(cancellationToken);
        candidates = candidates.Where(j => j.Id != currentJob).ToList();
        if (candidates.Count == 0) return [];
        var levels = (await query.LoadManyAsync<JobDetails>(cancellationToken, candidates.Select(c => c.Id).ToArray()))
            .ToDictionary(d => d.Id, d => d.ExperienceLevel);
        return candidates
            .Select(j => Suggested(j, j.SkillsRequired.Where(s => keys.Contains(s.ToLowerInvariant())).ToList(), IsEntryLevel(levels.GetValueOrDefault(j.Id))))
            .OrderByDescending(j => entryLevel && j.EntryLevel).ThenByDescending(j => j.SharedSkills.Count)
            .Take(SuggestedJobs).ToList();
    }

    private static bool IsEntryLevel(string? experienceLevel) => experienceLevel?.StartsWith("Entry", StringComparison.OrdinalIgnoreCase) == true;

    private static SuggestedJob Suggested(JobFeedItem job, IReadOnlyList<string> shared, bool entryLevel) =>
        new(job.Id, job.Title, job.CompanyName, job.Location, job.SalaryRange?.Display, shared, entryLevel);
}
