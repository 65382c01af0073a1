using System.Collections.Immutable;

namespace OttobonJobs.Domain.Tailoring;

/// <summary>Who wrote a draft: OpenAI, or the local tailor that works offline ("local draft").</summary>
public static class DraftAuthor
{
    public const string OpenAi = "openai";
    public const string Local = "local";
}

/// <summary>A draft written for a job: the resume and cover letter in Markdown, and what was changed from the resume.</summary>
public record TailoredDraftWritten(
    Guid VersionId,
    Guid SeekerId,
    Guid JobId,
    string Author,
    string Model,
    string ResumeMarkdown,
    string CoverLetterMarkdown,
    IReadOnlyList<string> Changes,
    string ResumeSha256,
    DateTimeOffset WrittenAt);

/// <summary>The seeker edited one of the drafts in the page.</summary>
public record TailoredDraftEdited(Guid VersionId, string ResumeMarkdown, string CoverLetterMarkdown, DateTimeOffset EditedAt);

/// <summary>The seeker's account was erased: the drafts' text is masked in the log and no draft is added after.</summary>
public record TailoredDraftsErased(DateTimeOffset ErasedAt);

public sealed record TailoredVersion(
    Guid Id,
    string Author,
    string Model,
    string ResumeMarkdown,
    string CoverLetterMarkdown,
    IReadOnlyList<string> Changes,
    DateTimeOffset WrittenAt,
    DateTimeOffset? EditedAt);

/// <summary>A seeker's tailored versions of their resume for one job: one stream per (seeker, job), <see cref="TailoringIds.For"/>.</summary>
public sealed record TailoredResumes
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public Guid SeekerId { get; init; }
    public Guid JobId { get; init; }
    public bool Erased { get; init; }

    /// <summary>Oldest first, as written; <see cref="NewestFirst"/> for lists.</summary>
    public ImmutableList<TailoredVersion> Versions { get; init; } = [];

    public IEnumerable<TailoredVersion> NewestFirst => Versions.AsEnumerable().Reverse();

    public static TailoredResumes? Evolve(TailoredResumes? state, object @event) => (state, @event) switch
    {
        (null, TailoredDraftWritten e) => Add(new TailoredResumes { SeekerId = e.SeekerId, JobId = e.JobId }, e),
        (null, _) => null,
        ({ } s, TailoredDraftWritten e) => Add(s, e),
        ({ } s, TailoredDraftEdited e) => s with
        {
            Versions = s.Versions.Select(v => v.Id == e.VersionId
                ? v with { ResumeMarkdown = e.ResumeMarkdown, CoverLetterMarkdown = e.CoverLetterMarkdown, EditedAt = e.EditedAt }
                : v).ToImmutableList(),
        },
        ({ } s, TailoredDraftsErased) => s with { Erased = true, Versions = [] },
        _ => state,
    };

    private static TailoredResumes Add(TailoredResumes s, TailoredDraftWritten e) => s with
    {
        Versions = s.Versions.Add(new TailoredVersion(
            e.VersionId, e.Author, e.Model, e.ResumeMarkdown, e.CoverLetterMarkdown, e.Changes, e.WrittenAt, null)),
    };

    public TailoredVersion? Find(Guid versionId) => Versions.FirstOrDefault(v => v.Id == versionId);
}

public static class TailoringIds
{
    private static readonly Guid Namespace = new("5d1c7e0a-93b2-4f61-8c4e-2a9f0b7d3e58");

    public static Guid For(Guid seekerId, Guid jobId) => NameBasedIds.Create(Namespace, $"{seekerId:N}\n{jobId:N}");
}

/// <summary>The tailoring stream's events under their stable names.</summary>
public static class TailoringEvents
{
    public static readonly IReadOnlyList<EventContract> Contract =
    [
        EventContract.Of<TailoredDraftWritten>("tailored_draft_written"),
        EventContract.Of<TailoredDraftEdited>("tailored_draft_edited"),
        EventContract.Of<TailoredDraftsErased>("tailored_drafts_erased"),
    ];
}
