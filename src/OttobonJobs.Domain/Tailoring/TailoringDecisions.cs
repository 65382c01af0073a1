using OttobonJobs.Domain.Decisions;

namespace OttobonJobs.Domain.Tailoring;

/// <summary>A draft as the tailor (OpenAI or local) wrote it, before the stream accepts it.</summary>
public sealed record TailoredDraft(string Author, string Model, string ResumeMarkdown, string CoverLetterMarkdown, IReadOnlyList<string> Changes);

public sealed record WriteTailoredDraft(Guid VersionId, Guid SeekerId, Guid JobId, string ResumeSha256, TailoredDraft Draft);

public sealed record EditTailoredDraft(Guid VersionId, string? ResumeMarkdown, string? CoverLetterMarkdown, long? ExpectedVersion);

public static class TailoringRules
{
    /// <summary>Enough for a five-page resume in Markdown; a larger edit is a paste gone wrong.</summary>
    public const int MaxMarkdownCharacters = 40_000;

    /// <summary>Versions kept per job: the oldest beyond it stay in the log, the list shows the newest.</summary>
    public const int MaxVersions = 50;
}

public static class TailoringDecisions
{
    public static Decision Write(TailoredResumes? state, WriteTailoredDraft command, Actor actor, DateTimeOffset now)
    {
        if (actor.Id != command.SeekerId) return Decision.Refuse(RefusalKind.Forbidden, "Only the seeker can tailor their own resume.");
        if (state is { Erased: true }) return Decision.Refuse(RefusalKind.Conflict, "This account was deleted: no draft is kept for it.");
        if (state is not null && state.Versions.Count >= TailoringRules.MaxVersions)
            return Decision.Refuse(RefusalKind.Conflict, $"This job already has {TailoringRules.MaxVersions} tailored versions: edit one of them instead.");
        var draft = command.Draft;
        if (string.IsNullOrWhiteSpace(draft.ResumeMarkdown))
            return Decision.Refuse(RefusalKind.Invalid, "The tailor wrote an empty resume draft.");
        return Decision.Accept(new TailoredDraftWritten(
            command.VersionId, command.SeekerId, command.JobId, draft.Author, draft.Model, Cap(draft.ResumeMarkdown),
            Cap(draft.CoverLetterMarkdown), draft.Changes, command.ResumeSha256, now));
    }

    public static Decision Edit(TailoredResumes? state, EditTailoredDraft command, Actor actor, DateTimeOffset now)
    {
        if (state is null || state.Erased || actor.Id != state.SeekerId || state.Find(command.VersionId) is not { } version)
            return Decision.Refuse(RefusalKind.NotFound, "No such tailored version of your resume for this job.");
        if (ExpectedVersion.Check(command.ExpectedVersion, state.Version, "tailored version") is { } stale) return stale;
        if (command.ResumeMarkdown is null && command.CoverLetterMarkdown is null)
            return Decision.Refuse(RefusalKind.Invalid, "resume_markdown or cover_letter_markdown is required: send the text to save.");
        var resume = command.ResumeMarkdown ?? version.ResumeMarkdown;
        var letter = command.CoverLetterMarkdown ?? version.CoverLetterMarkdown;
        if (string.IsNullOrWhiteSpace(resume)) return Decision.Refuse(RefusalKind.Invalid, "resume_markdown must not be empty.");
        if (resume.Length > TailoringRules.MaxMarkdownCharacters || letter.Length > TailoringRules.MaxMarkdownCharacters)
            return Decision.Refuse(RefusalKind.Invalid, $"A draft holds at most {TailoringRules.MaxMarkdownCharacters} characters.");
        if (resume == version.ResumeMarkdown && letter == version.CoverLetterMarkdown) return Decision.Unchanged;
        return Decision.Accept(new TailoredDraftEdited(command.VersionId, resume, letter, now));
    }

    public static Decision Erase(TailoredResumes? state, DateTimeOffset now) =>
        state is null || state.Erased ? Decision.Unchanged : Decision.Accept(new TailoredDraftsErased(now));

    private static string Cap(string text) => text.Length <= TailoringRules.MaxMarkdownCharacters ? text : text[..TailoringRules.MaxMarkdownCharacters];
}
