using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Tailoring;

namespace OttobonJobs.Domain.Tests.Tailoring;

public class tailoring_decisions
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor Seeker = new(Guid.NewGuid(), Role.Seeker, "Ananya Iyer");
    private static readonly Actor Stranger = new(Guid.NewGuid(), Role.Seeker, "Someone Else");
    private static readonly Guid JobId = Guid.NewGuid();
    private static readonly TailoredDraft Draft = new(DraftAuthor.Local, LocalTailoring.Model, "# Ananya Iyer\n", "Dear team,", ["Moved Projects up."]);

    private static WriteTailoredDraft Write(Guid? versionId = null) => new(versionId ?? Guid.NewGuid(), Seeker.Id, JobId, "sha", Draft);

    private static TailoredResumes Given(params object[] events) =>
        events.Select((e, i) => (e, i)).Aggregate((TailoredResumes?)null, (s, x) => TailoredResumes.Evolve(s, x.e) is { } next ? next with { Version = x.i + 1 } : null)!;

    private static TailoredDraftWritten Written(Guid versionId) =>
        (TailoredDraftWritten)TailoringDecisions.Write(null, Write(versionId), Seeker, Now).Events.Single();

    [Fact]
    public void a_seeker_writes_the_first_draft_for_a_job()
    {
        var decision = TailoringDecisions.Write(null, Write(), Seeker, Now);

        var written = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<TailoredDraftWritten>();
        (written.SeekerId, written.JobId, written.Author, written.WrittenAt).ShouldBe((Seeker.Id, JobId, DraftAuthor.Local, Now));
        written.Changes.ShouldBe(["Moved Projects up."]);
    }

    [Fact]
    public void versions_are_listed_newest_first()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var state = Given(Written(first), Written(second));

        state.NewestFirst.Select(v => v.Id).ShouldBe([second, first]);
    }

    [Fact]
    public void nobody_writes_a_draft_into_another_seekers_stream()
    {
        TailoringDecisions.Write(null, Write(), Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
    }

    [Fact]
    public void an_erased_account_gets_no_new_draft()
    {
        var state = Given(Written(Guid.NewGuid()), new TailoredDraftsErased(Now));

        state.Versions.ShouldBeEmpty();
        TailoringDecisions.Write(state, Write(), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
    }

    [Fact]
    public void the_seeker_edits_a_draft_at_the_version_they_saw()
    {
        var id = Guid.NewGuid();
        var state = Given(Written(id));

        var decision = TailoringDecisions.Edit(state, new EditTailoredDraft(id, "# Ananya Iyer\n\nEdited.", null, 1), Seeker, Now);

        var edited = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<TailoredDraftEdited>();
        (edited.ResumeMarkdown, edited.CoverLetterMarkdown).ShouldBe(("# Ananya Iyer\n\nEdited.", "Dear team,"));
        TailoredResumes.Evolve(state, edited)!.Find(id)!.EditedAt.ShouldBe(Now);
    }

    [Fact]
    public void an_edit_from_a_stale_version_is_refused()
    {
        var id = Guid.NewGuid();
        var state = Given(Written(id), Written(Guid.NewGuid()));

        TailoringDecisions.Edit(state, new EditTailoredDraft(id, "New", null, 1), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.StaleVersion);
    }

    [Fact]
    public void another_seekers_version_is_not_found()
    {
        var id = Guid.NewGuid();
        var state = Given(Written(id));

        TailoringDecisions.Edit(state, new EditTailoredDraft(id, "New", null, null), Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        TailoringDecisions.Edit(state, new EditTailoredDraft(Guid.NewGuid(), "New", null, null), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void an_empty_or_oversized_edit_is_invalid_and_an_identical_one_changes_nothing()
    {
        var id = Guid.NewGuid();
        var state = Given(Written(id));

        TailoringDecisions.Edit(state, new EditTailoredDraft(id, "  ", null, null), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
        TailoringDecisions.Edit(state, new EditTailoredDraft(id, null, null, null), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
        TailoringDecisions.Edit(state, new EditTailoredDraft(id, new string('x', TailoringRules.MaxMarkdownCharacters + 1), null, null), Seeker, Now)
            .Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
        TailoringDecisions.Edit(state, new EditTailoredDraft(id, Draft.ResumeMarkdown, Draft.CoverLetterMarkdown, 1), Seeker, Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void erasing_twice_erases_once()
    {
        var state = Given(Written(Guid.NewGuid()));

        TailoringDecisions.Erase(state, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<TailoredDraftsErased>();
        TailoringDecisions.Erase(Given(Written(Guid.NewGuid()), new TailoredDraftsErased(Now)), Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void one_stream_per_seeker_and_job()
    {
        TailoringIds.For(Seeker.Id, JobId).ShouldBe(TailoringIds.For(Seeker.Id, JobId));
        TailoringIds.For(Seeker.Id, JobId).ShouldNotBe(TailoringIds.For(Stranger.Id, JobId));
    }
}
