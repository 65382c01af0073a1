using System.ComponentModel.DataAnnotations;
using Marten;
using Npgsql;
using OttobonJobs.Api.Matching;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Matching;
using OttobonJobs.Domain.Tailoring;
using OttobonJobs.Projections.Applications;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;

namespace OttobonJobs.Api.Applications;

/// <summary>
/// One application on the seeker's tracker. The job's title, company and status are read now, so a job archived by its
/// source stays listed and says so. <see cref="FitScore"/> is 0–100 from the seeker's current resume (null without one,
/// or while it is being compared); <see cref="Version"/> is the stream version, also the detail's ETag.
/// </summary>
public record ApplicationSummary(
    Guid Id,
    Guid JobId,
    string JobTitle,
    string Company,
    string JobStatus,
    bool JobArchived,
    [property: AllowedValues(ApplicationStage.Saved, ApplicationStage.Applied, ApplicationStage.Interviewing, ApplicationStage.Offer,
        ApplicationStage.Rejected, ApplicationStage.Withdrawn)]
    string Stage,
    string? ProviderStage,
    [property: AllowedValues(ApplicationChannel.CompanySite, ApplicationChannel.Ottobon, null)]
    string? Channel,
    DateOnly? AppliedOn,
    DateTimeOffset SavedAt,
    DateTimeOffset UpdatedAt,
    int InterviewRounds,
    int? FitScore,
    DateTimeOffset? NextReminderAt,
    long Version);

public record ApplicationList(IReadOnlyList<ApplicationSummary> Items);

public record TimelineEntry(
    long Version, DateTimeOffset At, string Kind, string? Stage, string? Note,
    [property: AllowedValues(ApplicationActor.Seeker, ApplicationActor.Provider, ApplicationActor.System)] string Actor,
    DateTimeOffset? RoundAt);

public record ReminderResponse(Guid Id, DateTimeOffset DueAt, string Text)
{
    public static ReminderResponse From(Reminder reminder) => new(reminder.Id, reminder.DueAt, reminder.Text);
}

/// <summary>One of the seeker's tailoring drafts for the job (the fit page's tailor panel opens it).</summary>
public record TailoredVersionLink(Guid Id, DateTimeOffset CreatedAt, string Title);

/// <summary>The application page: the summary, the job's apply link, the whole timeline (oldest first), pending reminders, tailored versions.</summary>
public record ApplicationDetail(
    Guid Id,
    Guid JobId,
    string JobTitle,
    string Company,
    string JobStatus,
    bool JobArchived,
    string Stage,
    string? ProviderStage,
    string? Channel,
    DateOnly? AppliedOn,
    DateTimeOffset SavedAt,
    DateTimeOffset UpdatedAt,
    int InterviewRounds,
    int? FitScore,
    DateTimeOffset? NextReminderAt,
    long Version,
    string? ApplyUrl,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<ReminderResponse> Reminders,
    IReadOnlyList<TailoredVersionLink> TailoredVersions);

/// <summary>
/// The tracker's reads: application states joined with the job's read model and the fit read models at query time,
/// in one batch per list (the jobs in one load, the fits in one statement).
/// </summary>
public class ApplicationReads(IQuerySession session, NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ApplicationSummary>> SummariesAsync(Guid seekerId, IReadOnlyList<Application> applications, CancellationToken cancellationToken) =>
        (await RowsAsync(seekerId, applications, cancellationToken)).Select(row => row.Summary).ToList();

    /// <summary>Each summary with the job's own apply link (scraped jobs have one), as the CSV export writes them.</summary>
    public async Task<IReadOnlyList<(ApplicationSummary Summary, string? ApplyUrl)>> RowsAsync(
        Guid seekerId, IReadOnlyList<Application> applications, CancellationToken cancellationToken)
    {
        if (applications.Count == 0) return [];
        var jobs = (await session.LoadManyAsync<JobFeedItem>(cancellationToken, applications.Select(a => a.JobId).Distinct().ToArray()))
            .ToDictionary(j => j.Id);
        var resume = await session.LoadAsync<SeekerResume>(seekerId, cancellationToken);
        var fits = resume is null
            ? []
            : await JobFits.ScoreAsync(dataSource, resume, jobs.Values.ToDictionary(j => j.Id, j => j.SkillsRequired), cancellationToken);
        return applications
            .Select(a => (Summary(a, jobs.GetValueOrDefault(a.JobId), fits.GetValueOrDefault(a.JobId)), jobs.GetValueOrDefault(a.JobId)?.ExternalApplyUrl))
            .ToList();
    }

    public async Task<ApplicationSummary> SummaryAsync(Application application, CancellationToken cancellationToken) =>
        (await SummariesAsync(application.SeekerId, [application], cancellationToken))[0];

    public async Task<ApplicationDetail> DetailAsync(ApplicationView view, CancellationToken cancellationToken)
    {
        var summary = await SummaryAsync(view.State, cancellationToken);
        var job = await session.LoadAsync<JobFeedItem>(view.JobId, cancellationToken);
        var tailored = await session.LoadAsync<TailoredResumes>(TailoringIds.For(view.SeekerId, view.JobId), cancellationToken);
        return new ApplicationDetail(
            summary.Id, summary.JobId, summary.JobTitle, summary.Company, summary.JobStatus, summary.JobArchived, summary.Stage, summary.ProviderStage,
            summary.Channel, summary.AppliedOn, summary.SavedAt, summary.UpdatedAt, summary.InterviewRounds, summary.FitScore, summary.NextReminderAt,
            summary.Version, job?.ExternalApplyUrl,
            view.Timeline.Select(t => new TimelineEntry(t.Version, t.At, t.Kind, t.Stage, t.Note, t.Actor, t.RoundAt)).ToList(),
            view.State.Reminders.Select(ReminderResponse.From).ToList(),
            (tailored?.NewestFirst ?? []).Select(v => new TailoredVersionLink(v.Id, v.WrittenAt, TitleOf(v))).ToList());
    }

    /// <summary>The seeker's tracked applications, newest change first, optionally of one stage.</summary>
    public async Task<IReadOnlyList<ApplicationSummary>> ListAsync(Guid seekerId, string? stage, CancellationToken cancellationToken) =>
        (await ListRowsAsync(seekerId, stage, cancellationToken)).Select(row => row.Summary).ToList();

    public async Task<IReadOnlyList<(ApplicationSummary Summary, string? ApplyUrl)>> ListRowsAsync(Guid seekerId, string? stage, CancellationToken cancellationToken)
    {
        var query = session.Query<ApplicationView>().Where(v => v.SeekerId == seekerId && !v.Removed);
        if (stage is not null) query = query.Where(v => v.Stage == stage);
        var views = await query.OrderByDescending(v => v.UpdatedAt).ToListAsync(cancellationToken);
        return await RowsAsync(seekerId, views.Select(v => v.State).ToList(), cancellationToken);
    }

    private static ApplicationSummary Summary(Application a, JobFeedItem? job, Fit? fit) => new(
        a.Id, a.JobId, job?.Title ?? "", job?.CompanyName ?? "", job?.Status ?? JobStatus.Archived, job?.Status is null or JobStatus.Archived,
        a.Stage, a.ProviderStage, a.Channel, a.AppliedOn, a.SavedAt, a.UpdatedAt, a.InterviewRounds,
        fit is null ? null : (int)Math.Round(fit.MatchScore * 100), a.Reminders.FirstOrDefault()?.DueAt, a.Version);

    private static string TitleOf(TailoredVersion version) =>
        $"{(version.Author == DraftAuthor.OpenAi ? "Tailored resume" : "Local draft")} of {version.WrittenAt:d MMM yyyy}";
}
