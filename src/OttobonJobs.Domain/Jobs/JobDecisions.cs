using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Domain.Jobs;

/// <summary>A provider's (or an admin's) new job, its text already validated and trimmed by the API.</summary>
public sealed record NewJob(string Title, string? CompanyName, string? Location, string DescriptionRaw, IReadOnlyList<string> SkillsRequired);

/// <summary>
/// A partial edit: a null field keeps its value; an empty <see cref="Location"/> clears it. <see cref="ExpectedVersion"/>
/// is the version the editor saw (their If-Match), or null.
/// </summary>
public sealed record JobEdit(string? Title, string? DescriptionRaw, IReadOnlyList<string>? SkillsRequired, string? Location, long? ExpectedVersion);

/// <summary>
/// What the outside calls of one enrichment attempt produced, for the description hash the attempt read. Decided
/// against the job's state at the moment the result is recorded, not when the attempt started.
/// </summary>
public abstract record EnrichmentOutcome(string DescriptionHash);

/// <summary>The AI enriched the description and it was embedded.</summary>
public sealed record EnrichedByAi(string DescriptionHash, JobEnrichment Enrichment, string AiModel, string EmbeddingModel, float[] Vector)
    : EnrichmentOutcome(DescriptionHash);

/// <summary>A twin with the same description hash was already enriched: its enrichment and vector, read from its own events.</summary>
public sealed record CopiedFromTwin(string DescriptionHash, Guid TwinId, JobEnrichment Enrichment, string AiModel, string EmbeddingModel, float[] Vector)
    : EnrichmentOutcome(DescriptionHash);

/// <summary>The AI could not enrich the description (unavailable, or its answer was unusable).</summary>
public sealed record EnrichmentFailure(string DescriptionHash, string Reason) : EnrichmentOutcome(DescriptionHash);

/// <summary>
/// Every rule of a job's own stream, as pure functions of its state: (state, command, actor, time, results of outside
/// calls) → events or a refusal. The API loads the state, calls these, and appends what they return.
/// </summary>
public static class JobDecisions
{
    public const string NoSuchJob = "No such job.";
    public const string NotYours = "Only the job's owner or an admin can change it.";
    public const string ArchivedCannotBeEdited = "This job is archived and can no longer be edited.";
    public const string DefaultCompany = "Independent employer";
    public const string ArchivedByOwner = "archived by its owner";
    public const string ArchivedByAdmin = "archived by an admin";

    /// <summary>
    /// A provider's new job. Without a company name it is shown as <see cref="DefaultCompany"/>, never as the poster's
    /// own name: a person's name in a job event would outlive their erasure (job streams are not masked, the job stays
    /// for the applicants), and a provider's profile has no company to take instead.
    /// </summary>
    public static Decision Post(Guid jobId, NewJob job, Actor actor, DateTimeOffset now) =>
        Decision.Accept(new JobPosted(
            jobId,
            actor.Id,
            job.Title,
            string.IsNullOrWhiteSpace(job.CompanyName) ? DefaultCompany : job.CompanyName,
            string.IsNullOrWhiteSpace(job.Location) ? null : job.Location,
            job.DescriptionRaw,
            job.SkillsRequired,
            DescriptionFingerprint.Compute(job.DescriptionRaw),
            now));

    /// <summary>
    /// Who may change a job: its owner or an admin; a scraped job (no owner) belongs to admins. Someone else's active
    /// job exists for everyone, so they are told it is not theirs; any other job stays invisible to them.
    /// </summary>
    public static Refusal? CheckManageable(Job? job, Actor actor)
    {
        if (job is null) return new Refusal(RefusalKind.NotFound, NoSuchJob);
        var manages = job.OwnerId is { } owner ? actor.CanManage(owner) : actor.IsAdmin;
        if (manages) return null;
        return job.Status == JobStatus.Active
            ? new Refusal(RefusalKind.Forbidden, NotYours)
            : new Refusal(RefusalKind.NotFound, NoSuchJob);
    }

    /// <summary>
    /// A partial edit. Nothing changed → nothing to record. A new description gets a new hash, which the API answers
    /// with a fresh enrichment (see <see cref="DescriptionChanged"/>).
    /// </summary>
    public static Decision Update(Job? job, JobEdit edit, Actor actor, DateTimeOffset now)
    {
        if (CheckManageable(job, actor) is { } refused) return Decision.Refuse(refused.Kind, refused.Reason);
        if (ExpectedVersion.Check(edit.ExpectedVersion, job!.Version, "job") is { } stale) return stale;
        if (job.IsArchived) return Decision.Refuse(RefusalKind.Conflict, ArchivedCannotBeEdited);

        var title = edit.Title ?? job.Title;
        var location = edit.Location is null ? job.Location : string.IsNullOrWhiteSpace(edit.Location) ? null : edit.Location;
        var description = edit.DescriptionRaw ?? job.DescriptionRaw;
        var skills = edit.SkillsRequired ?? job.SkillsRequired;
        var hash = description == job.DescriptionRaw ? job.DescriptionHash : DescriptionFingerprint.Compute(description);

        var unchanged = title == job.Title && location == job.Location && description == job.DescriptionRaw
                        && skills.SequenceEqual(job.SkillsRequired);
        return unchanged
            ? Decision.Unchanged
            : Decision.Accept(new JobUpdated(title, location, description, skills, hash, actor.Id, now));
    }

    /// <summary>True when an accepted edit gave the job a description that still needs enriching.</summary>
    public static bool DescriptionChanged(Job job, Decision decision) =>
        decision.Events.OfType<JobUpdated>().Any(updated => updated.DescriptionHash != job.DescriptionHash);

    /// <summary>Archiving is idempotent: an archived job stays as it is.</summary>
    public static Decision Archive(Job? job, Actor actor, long? expectedVersion, DateTimeOffset now)
    {
        if (CheckManageable(job, actor) is { } refused) return Decision.Refuse(refused.Kind, refused.Reason);
        if (ExpectedVersion.Check(expectedVersion, job!.Version, "job") is { } stale) return stale;
        if (job.IsArchived) return Decision.Unchanged;

        var reason = actor.IsAdmin && actor.Id != job.OwnerId ? ArchivedByAdmin : ArchivedByOwner;
        return Decision.Accept(new JobArchived(reason, actor.Id, now));
    }

    /// <summary>
    /// An admin asks for the job to be enriched again. <paramref name="force"/> (one job, on purpose) re-enriches a
    /// complete job too; otherwise only a job whose enrichment is not complete is reset.
    /// </summary>
    public static Decision RequestReenrichment(Job? job, Actor actor, bool force, DateTimeOffset now)
    {
        if (job is null) return Decision.Refuse(RefusalKind.NotFound, NoSuchJob);
        if (!actor.IsAdmin) return Decision.Refuse(RefusalKind.Forbidden, "Only an admin can ask for a job to be enriched again.");
        if (job.IsArchived) return Decision.Unchanged;
        if (!force && !job.NeedsEnrichment) return Decision.Unchanged;
        return Decision.Accept(new JobReenrichmentRequested(actor.Id, now));
    }

    /// <summary>
    /// Whether an enrichment attempt is worth its outside calls now. The answer is only a shortcut: the result is
    /// decided again by <see cref="RecordEnrichment"/> against the state at that moment.
    /// </summary>
    public static bool ShouldEnrich(Job? job, bool force, int maxAttempts) =>
        job is { IsArchived: false } && (force || (job.NeedsEnrichment && job.FailedAttempts < maxAttempts));

    /// <summary>
    /// Records what an enrichment attempt produced. Nothing to do when the job is gone or archived, when its
    /// description changed since the attempt read it (the result belongs to an older hash), or when this hash is
    /// already enriched (a duplicate delivery) unless <paramref name="force"/>d. A failure counts the attempt and says
    /// whether another one will follow; success (or a copy) activates a job that was still processing.
    /// </summary>
    public static Decision RecordEnrichment(Job? job, EnrichmentOutcome outcome, bool force, int maxAttempts, DateTimeOffset now)
    {
        if (job is null || job.IsArchived) return Decision.Unchanged;
        if (outcome.DescriptionHash != job.DescriptionHash) return Decision.Unchanged;
        if (!force && job.EnrichedHash == job.DescriptionHash) return Decision.Unchanged;

        var activated = job.Status == JobStatus.Processing ? new object[] { new JobActivated(now) } : [];
        switch (outcome)
        {
            case EnrichedByAi enriched:
                return Decision.Accept(new object[]
                {
                    new JobEnriched(enriched.Enrichment, enriched.AiModel, job.DescriptionHash, now),
                    new JobEmbedded(enriched.EmbeddingModel, enriched.Vector.Length, enriched.Vector, job.DescriptionHash, now),
                }.Concat(activated));
            case CopiedFromTwin copied:
                return Decision.Accept(new object[]
                {
                    new JobDeduplicated(copied.TwinId, job.DescriptionHash, copied.Enrichment, copied.AiModel, copied.EmbeddingModel,
                        copied.Vector.Length, copied.Vector, now),
                }.Concat(activated));
            case EnrichmentFailure failure:
                if (!force && job.FailedAttempts >= maxAttempts) return Decision.Unchanged;
                var attempt = job.FailedAttempts + 1;
                return Decision.Accept(new JobEnrichmentFailed(attempt, failure.Reason, attempt < maxAttempts, now));
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown enrichment outcome.");
        }
    }

    /// <summary>The retry an accepted failure asks for, if any: the failed attempt's number.</summary>
    public static int? RetryAfterAttempt(Decision decision) =>
        decision.Events.OfType<JobEnrichmentFailed>().FirstOrDefault() is { WillRetry: true } failed ? failed.Attempt : null;

    /// <summary>
    /// Whether a vector of <paramref name="model"/> is missing: an enriched, live job whose vector came from another
    /// model. A job still waiting for its enrichment is embedded by it.
    /// </summary>
    public static bool ShouldEmbed(Job? job, string model) =>
        job is { IsArchived: false, NeedsEnrichment: false } && job.EmbeddingModel != model;

    /// <summary>Records a refreshed vector, unless the job no longer needs it or the vector was made from an older description.</summary>
    public static Decision RecordEmbedding(Job? job, string descriptionHash, string model, float[] vector, DateTimeOffset now)
    {
        if (!ShouldEmbed(job, model) || descriptionHash != job!.DescriptionHash) return Decision.Unchanged;
        return Decision.Accept(new JobEmbedded(model, vector.Length, vector, descriptionHash, now));
    }
}
