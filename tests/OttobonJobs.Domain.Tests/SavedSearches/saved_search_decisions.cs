using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.SavedSearches;

namespace OttobonJobs.Domain.Tests.SavedSearches;

public class saved_search_decisions
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Seeker = new(Guid.NewGuid(), Role.Seeker, "Sita Seeker");
    private static readonly Actor Stranger = new(Guid.NewGuid(), Role.Seeker, "Someone Else");
    private static readonly Actor Provider = new(Guid.NewGuid(), Role.Provider, "Pia Provider");
    private static readonly Guid SearchId = Guid.NewGuid();
    private static readonly MatchedJob Audit = new(Guid.NewGuid(), "Audit Associate", "Alpha & Co", "Pune");
    private static readonly MatchedJob Tax = new(Guid.NewGuid(), "Tax Analyst", "Alpha & Co", "Mumbai");

    private static SavedSearch Given(string frequency = AlertFrequencies.Instant, string kind = SavedSearchKinds.Browse, params object[] events)
    {
        var created = new SavedSearchCreated(SearchId, Seeker.Id, "Audit in Pune", kind, kind == SavedSearchKinds.Browse ? new BrowseFilters(Q: "audit") : null,
            kind == SavedSearchKinds.Smart ? "audit jobs in Pune" : null, frequency, kind == SavedSearchKinds.Recommended ? 70 : null, Now);
        return new object[] { created }.Concat(events).Aggregate((SavedSearch?)null, SavedSearch.Evolve)!;
    }

    private static NewSavedSearch Browse(string? frequency = null) => new("Audit in Pune", SavedSearchKinds.Browse, new BrowseFilters(Q: "audit"), null, frequency, null);

    [Fact]
    public void a_seeker_saves_a_browse_search_with_instant_alerts_by_default()
    {
        var created = SavedSearchDecisions.Create(SearchId, Browse(), Seeker, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<SavedSearchCreated>();

        (created.OwnerId, created.Kind, created.Frequency, created.Filters!.Q).ShouldBe((Seeker.Id, SavedSearchKinds.Browse, AlertFrequencies.Instant, "audit"));
    }

    [Fact]
    public void a_provider_cannot_save_a_search()
    {
        SavedSearchDecisions.Create(SearchId, Browse(), Provider, Now).Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
    }

    [Fact]
    public void a_smart_search_needs_its_question_and_an_unknown_frequency_is_named()
    {
        SavedSearchDecisions.Create(SearchId, new NewSavedSearch("x", SavedSearchKinds.Smart, null, "  ", null, null), Seeker, Now)
            .Refusal!.Reason.ShouldContain("question");
        SavedSearchDecisions.Create(SearchId, Browse("hourly"), Seeker, Now).Refusal!.Reason.ShouldContain("frequency 'hourly'");
    }

    [Fact]
    public void the_recommended_alert_defaults_to_a_fit_of_70_and_refuses_one_outside_60_to_90()
    {
        var created = SavedSearchDecisions.Create(SearchId, new NewSavedSearch(null, SavedSearchKinds.Recommended, null, null, null, null), Seeker, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<SavedSearchCreated>();
        (created.Name, created.MinFit).ShouldBe((SavedSearchDecisions.RecommendedName, 70));

        SavedSearchDecisions.Create(SearchId, new NewSavedSearch(null, SavedSearchKinds.Recommended, null, null, null, 95), Seeker, Now)
            .Refusal!.Reason.ShouldBe("min_fit must be between 60 and 90.");
    }

    [Fact]
    public void another_seekers_search_is_not_found_for_every_change()
    {
        var search = Given();
        SavedSearchDecisions.Rename(search, "Mine now", Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        SavedSearchDecisions.ChangeAlerts(search, new ChangeAlerts(AlertFrequencies.Off, null), Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        SavedSearchDecisions.Delete(search, Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        SavedSearchDecisions.TurnOffAlerts(search, Stranger.Id, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void renaming_to_the_same_name_changes_nothing()
    {
        SavedSearchDecisions.Rename(Given(), " Audit in Pune ", Seeker, Now).ShouldBe(Decision.Unchanged);
        SavedSearchDecisions.Rename(Given(), "Audit anywhere", Seeker, Now).Events.ShouldHaveSingleItem().ShouldBe(new SavedSearchRenamed("Audit anywhere", Now));
    }

    [Fact]
    public void min_fit_applies_to_the_recommended_alert_only()
    {
        SavedSearchDecisions.ChangeAlerts(Given(), new ChangeAlerts(null, 80), Seeker, Now).Refusal!.Reason.ShouldContain("recommended alert only");
        SavedSearchDecisions.ChangeAlerts(Given(kind: SavedSearchKinds.Recommended), new ChangeAlerts(null, 80), Seeker, Now)
            .Events.ShouldHaveSingleItem().ShouldBe(new SavedSearchAlertsChanged(AlertFrequencies.Instant, 80, Now));
    }

    [Fact]
    public void turning_alerts_off_from_an_email_is_idempotent()
    {
        var turnedOff = SavedSearchDecisions.TurnOffAlerts(Given(), Seeker.Id, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<SavedSearchAlertsTurnedOff>();

        SavedSearchDecisions.TurnOffAlerts(Given(AlertFrequencies.Instant, SavedSearchKinds.Browse, turnedOff), Seeker.Id, Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void an_instant_search_alerts_a_batch_once_even_when_the_trigger_is_redelivered()
    {
        var batch = Guid.NewGuid();
        var evaluated = SavedSearchDecisions.RecordEvaluation(Given(), batch, [Audit, Tax, Audit], Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<SavedSearchEvaluated>();
        evaluated.Alerted.ShouldBeTrue();
        evaluated.Matches.ShouldBe([Audit, Tax]);

        SavedSearchDecisions.RecordEvaluation(Given(AlertFrequencies.Instant, SavedSearchKinds.Browse, evaluated), batch, [Audit], Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void nothing_is_recorded_without_matches_or_with_alerts_off()
    {
        SavedSearchDecisions.RecordEvaluation(Given(), Guid.NewGuid(), [], Now).ShouldBe(Decision.Unchanged);
        SavedSearchDecisions.RecordEvaluation(Given(AlertFrequencies.Off), Guid.NewGuid(), [Audit], Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void a_daily_search_collects_matches_and_its_digest_sends_them_once()
    {
        var first = SavedSearchDecisions.RecordEvaluation(Given(AlertFrequencies.Daily), Guid.NewGuid(), [Audit], Now).Events.Single();
        var second = SavedSearchDecisions.RecordEvaluation(Given(AlertFrequencies.Daily, SavedSearchKinds.Browse, first), Guid.NewGuid(), [Tax, Audit], Now).Events.Single();
        ((SavedSearchEvaluated)first).Alerted.ShouldBeFalse();
        var collected = Given(AlertFrequencies.Daily, SavedSearchKinds.Browse, first, second);
        collected.Pending.ShouldBe([Audit, Tax]);

        var digestId = Guid.NewGuid();
        var sent = SavedSearchDecisions.SendDigest(collected, digestId, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<SavedSearchDigestSent>();
        sent.JobIds.ShouldBe([Audit.JobId, Tax.JobId]);

        SavedSearchDecisions.SendDigest(Given(AlertFrequencies.Daily, SavedSearchKinds.Browse, first, second, sent), digestId, Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void a_deleted_search_is_gone_for_its_owner_and_erasing_it_again_changes_nothing()
    {
        var deleted = SavedSearchDecisions.Delete(Given(), Seeker, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<SavedSearchDeleted>();
        var gone = Given(AlertFrequencies.Instant, SavedSearchKinds.Browse, deleted);

        SavedSearchDecisions.Rename(gone, "Back", Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        SavedSearchDecisions.Erase(gone, Now).ShouldBe(Decision.Unchanged);
        SavedSearchDecisions.RecordEvaluation(gone, Guid.NewGuid(), [Audit], Now).ShouldBe(Decision.Unchanged);
    }
}
