using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Api.SavedSearches;
using OttobonJobs.Domain.SavedSearches;
using OttobonJobs.Projections.SavedSearches;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.SavedSearches;

public class when_saving_searches(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int Patience = 60_000;

    private static object Browse(string name = "Remote audit", string frequency = "instant") =>
        new { name, kind = "browse", filters = new { q = "audit", job_type = new[] { "full_time" }, work_mode = new[] { "remote" } }, frequency };

    [Fact]
    public async Task a_seeker_saves_a_browse_search_and_lists_it_with_its_filters()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var id = await api.Host.SavedSearch(seeker, Browse());

        var list = (await api.Host.SavedSearchCall(seeker, HttpMethod.Get, "/api/saved-searches", null, HttpStatusCode.OK)).Json();
        var saved = list.Only(id);
        saved.GetProperty("name").GetString().ShouldBe("Remote audit");
        saved.GetProperty("frequency").GetString().ShouldBe("instant");
        saved.GetProperty("filters").GetProperty("work_mode")[0].GetString().ShouldBe("remote");
        saved.GetProperty("new_matches").GetInt32().ShouldBe(0);
        saved.GetProperty("last_alert_at").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task a_smart_search_keeps_its_question()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var id = await api.Host.SavedSearch(seeker, new { name = "Pune audit", kind = "smart", question = "audit internships in Pune", frequency = "daily" });

        var saved = (await api.Host.SavedSearchCall(seeker, HttpMethod.Get, $"/api/saved-searches/{id}", null, HttpStatusCode.OK)).Json();
        (saved.GetProperty("kind").GetString(), saved.GetProperty("question").GetString(), saved.GetProperty("frequency").GetString())
            .ShouldBe(("smart", "audit internships in Pune", "daily"));
    }

    [Fact]
    public async Task a_bad_filter_is_a_400_with_the_feeds_own_detail()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var result = await api.Host.SavedSearchCall(seeker, HttpMethod.Post, "/api/saved-searches",
            new { name = "Gigs", kind = "browse", filters = new { job_type = new[] { "gig" } } }, HttpStatusCode.BadRequest);
        result.Detail().ShouldBe($"job_type 'gig' is not one of: {string.Join(", ", OttobonJobs.Domain.Jobs.JobTypes.All)}.");

        var salary = await api.Host.SavedSearchCall(seeker, HttpMethod.Post, "/api/saved-searches",
            new { name = "Paid", kind = "browse", filters = new { min_salary = 900_000, max_salary = 100_000 } }, HttpStatusCode.UnprocessableEntity);
        salary.Detail().ShouldBe("min_salary must not be above max_salary.");
    }

    [Fact]
    public async Task a_search_without_a_name_or_with_an_unknown_frequency_is_refused_naming_the_field()
    {
        var seeker = await api.Host.SignedUpSeeker();
        (await api.Host.SavedSearchCall(seeker, HttpMethod.Post, "/api/saved-searches", new { kind = "browse" }, HttpStatusCode.UnprocessableEntity))
            .Detail().ShouldBe("name is required.");
        (await api.Host.SavedSearchCall(seeker, HttpMethod.Post, "/api/saved-searches", new { name = "x", kind = "smart" }, HttpStatusCode.UnprocessableEntity))
            .Detail().ShouldBe("question is required for a smart search.");
    }

    [Fact]
    public async Task only_seekers_save_searches()
    {
        var provider = await api.Host.SignedUpProvider();
        await api.Host.SavedSearchCall(provider, HttpMethod.Post, "/api/saved-searches", Browse(), HttpStatusCode.Forbidden);
        await api.Host.SavedSearchCall(provider, HttpMethod.Get, "/api/saved-searches", null, HttpStatusCode.Forbidden);
        await api.Host.Scenario(s => { s.Get.Url("/api/saved-searches"); s.StatusCodeShouldBe(HttpStatusCode.Unauthorized); });
    }

    [Fact]
    public async Task another_seekers_search_is_not_found_and_stays_unchanged()
    {
        var owner = await api.Host.SignedUpSeeker();
        var stranger = await api.Host.SignedUpSeeker();
        var id = await api.Host.SavedSearch(owner, Browse());

        await api.Host.SavedSearchCall(stranger, HttpMethod.Get, $"/api/saved-searches/{id}", null, HttpStatusCode.NotFound);
        await api.Host.SavedSearchCall(stranger, HttpMethod.Put, $"/api/saved-searches/{id}/name", new { name = "Mine" }, HttpStatusCode.NotFound);
        await api.Host.SavedSearchCall(stranger, HttpMethod.Put, $"/api/saved-searches/{id}/alerts", new { frequency = "off" }, HttpStatusCode.NotFound);
        await api.Host.SavedSearchCall(stranger, HttpMethod.Delete, $"/api/saved-searches/{id}", null, HttpStatusCode.NotFound);
        (await api.Host.SavedSearchCall(stranger, HttpMethod.Get, "/api/saved-searches", null, HttpStatusCode.OK)).Json().GetArrayLength().ShouldBe(0);

        var mine = (await api.Host.SavedSearchCall(owner, HttpMethod.Get, $"/api/saved-searches/{id}", null, HttpStatusCode.OK)).Json();
        (mine.GetProperty("name").GetString(), mine.GetProperty("frequency").GetString()).ShouldBe(("Remote audit", "instant"));
    }

    [Fact]
    public async Task the_owner_renames_changes_the_frequency_and_deletes()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var id = await api.Host.SavedSearch(seeker, Browse());

        var renamed = (await api.Host.SavedSearchCall(seeker, HttpMethod.Put, $"/api/saved-searches/{id}/name", new { name = "Audit, remote" }, HttpStatusCode.OK)).Json();
        renamed.GetProperty("name").GetString().ShouldBe("Audit, remote");
        var daily = (await api.Host.SavedSearchCall(seeker, HttpMethod.Put, $"/api/saved-searches/{id}/alerts", new { frequency = "daily" }, HttpStatusCode.OK)).Json();
        daily.GetProperty("frequency").GetString().ShouldBe("daily");
        (await api.Host.SavedSearchCall(seeker, HttpMethod.Put, $"/api/saved-searches/{id}/alerts", new { frequency = "weekly" }, HttpStatusCode.UnprocessableEntity))
            .Detail().ShouldBe("frequency 'weekly' is not one of: instant, daily, off.");
        (await api.Host.SavedSearchCall(seeker, HttpMethod.Put, $"/api/saved-searches/{id}/alerts", new { min_fit = 80 }, HttpStatusCode.UnprocessableEntity))
            .Detail().ShouldBe("min_fit applies to the recommended alert only.");

        await api.Host.SavedSearchCall(seeker, HttpMethod.Delete, $"/api/saved-searches/{id}", null, HttpStatusCode.NoContent);
        await api.Host.SavedSearchCall(seeker, HttpMethod.Get, $"/api/saved-searches/{id}", null, HttpStatusCode.NotFound);
        await api.Host.SavedSearchCall(seeker, HttpMethod.Delete, $"/api/saved-searches/{id}", null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_seeker_has_one_recommended_alert_with_a_minimum_fit_they_choose()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var id = await api.Host.SavedSearch(seeker, new { kind = "recommended" });
        id.ShouldBe(SavedSearchIds.RecommendedFor(seeker.Id));
        await api.Host.SavedSearchCall(seeker, HttpMethod.Post, "/api/saved-searches", new { kind = "recommended" }, HttpStatusCode.Conflict);

        var changed = (await api.Host.SavedSearchCall(seeker, HttpMethod.Put, $"/api/saved-searches/{id}/alerts", new { min_fit = 85 }, HttpStatusCode.OK)).Json();
        (changed.GetProperty("name").GetString(), changed.GetProperty("min_fit").GetInt32()).ShouldBe((SavedSearchDecisions.RecommendedName, 85));
        (await api.Host.SavedSearchCall(seeker, HttpMethod.Put, $"/api/saved-searches/{id}/alerts", new { min_fit = 40 }, HttpStatusCode.UnprocessableEntity))
            .Detail().ShouldBe("min_fit must be between 60 and 90.");
    }

    [Fact]
    public async Task turning_alerts_off_from_an_unsubscribe_link_is_idempotent_and_only_for_the_owner()
    {
        var owner = await api.Host.SignedUpSeeker();
        var stranger = await api.Host.SignedUpSeeker();
        var id = await api.Host.SavedSearch(owner, Browse());

        await api.Host.InvokeMessageAndWaitAsync(new TurnOffSearchAlerts(stranger.Id, id, DateTimeOffset.UtcNow), Patience);
        (await api.Host.SavedSearchCall(owner, HttpMethod.Get, $"/api/saved-searches/{id}", null, HttpStatusCode.OK)).Json()
            .GetProperty("frequency").GetString().ShouldBe("instant");

        await api.Host.InvokeMessageAndWaitAsync(new TurnOffSearchAlerts(owner.Id, id, DateTimeOffset.UtcNow), Patience);
        await api.Host.InvokeMessageAndWaitAsync(new TurnOffSearchAlerts(owner.Id, id, DateTimeOffset.UtcNow), Patience);
        (await api.Host.SavedSearchCall(owner, HttpMethod.Get, $"/api/saved-searches/{id}", null, HttpStatusCode.OK)).Json()
            .GetProperty("frequency").GetString().ShouldBe("off");
        await using var session = api.Store.QuerySession();
        (await session.Events.FetchStreamAsync(id)).Count(e => e.Data is SavedSearchAlertsTurnedOff).ShouldBe(1);
    }

    [Fact]
    public async Task deleting_the_account_deletes_the_seekers_saved_searches_and_masks_their_names()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var id = await api.Host.SavedSearch(seeker, Browse("Jobs near my home in Koramangala"));

        await api.Host.ExecuteAndWaitAsync(() => api.Host.Scenario(s =>
        {
            s.Delete.Json(new { password = "correct-horse-1" }).ToUrl("/api/users/me");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        }), Patience);

        await using var session = api.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<SavedSearchView>(id)).ShouldBeNull();
        var events = await session.Events.FetchStreamAsync(id);
        events.Last().Data.ShouldBeOfType<SavedSearchDeleted>();
        events.First().Data.ShouldBeOfType<SavedSearchCreated>().Name.ShouldBe(SavedSearchStoreConfiguration.ErasedName);
    }
}
