using System.Net;
using System.Text.Json;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Jobs;

/// <summary>The same kind of audit job in several cities, an audit internship, a remote tax job and unrelated roles.</summary>
public class ApiWithJobsInPlaces : ApiWithScriptedAi
{
    public Dictionary<string, Guid> Jobs { get; } = [];

    private const string Audit = "Assist in statutory audits of listed companies under Ind AS. Perform vouching, reconciliations and prepare working papers for the audit file.";

    public static readonly (string Key, string Title, string Description, string Location)[] Catalogue =
    [
        ("kochi", "Audit Associate", Audit + " Kochi office.", "Kochi, Kerala"),
        ("pune", "Audit Associate", Audit + " Pune office.", "Pune"),
        ("bengaluru", "Audit Associate", Audit + " Bengaluru office.", "Bangalore, Karnataka"),
        ("mysuru", "Junior Auditor", Audit + " Mysuru office.", "Mysore"),
        ("gurugram", "Audit Associate", Audit + " Gurugram office.", "Gurgaon, Haryana"),
        ("intern", "Audit Intern", Audit + " A six month internship for CA students.", "Mumbai"),
        ("remote-tax", "Tax Analyst (Remote)", "Prepare GST returns, reconcile input tax credit and support direct tax assessments for corporate clients.", "Remote - India"),
        ("security", "Cyber Security Analyst", "Monitor SIEM alerts in our security operations centre, triage incidents and run vulnerability assessments.", "Hyderabad"),
        ("nurse", "Staff Nurse", "Care for patients on a surgical ward: dressings, medication rounds and discharge notes.", "Bengaluru"),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var provider = await Host.SignedUpProvider();
        foreach (var (key, title, description, location) in Catalogue)
            Jobs[key] = await Host.PostedJob(provider, title, description, ["Statutory audit"], company: $"Firm {key}", location: location);
    }
}

public class when_searching_with_a_place_or_job_type(ApiWithJobsInPlaces api) : IClassFixture<ApiWithJobsInPlaces>
{
    [Fact]
    public async Task smart_search_with_a_city_in_the_query_returns_jobs_in_that_city_first()
    {
        var result = await Search("entry level audit role in Bengaluru");

        Ids(result)[0].ShouldBe(api.Jobs["bengaluru"]);
        Ids(result).ShouldNotContain(api.Jobs["kochi"]);
        Ids(result).ShouldNotContain(api.Jobs["pune"]);
        var understood = result.GetProperty("understood");
        understood.GetProperty("place").GetString().ShouldBe("Bengaluru");
        understood.GetProperty("text").GetString().ShouldBe("entry level audit role");
        understood.GetProperty("without_place").GetString().ShouldBe("entry level audit role");
    }

    [Fact]
    public async Task a_spelling_variant_of_the_city_finds_the_same_jobs()
    {
        var result = await Search("audit associate Gurgaon");

        Ids(result).ShouldBe([api.Jobs["gurugram"]]);
        result.GetProperty("understood").GetProperty("place").GetString().ShouldBe("Gurugram");
    }

    [Fact]
    public async Task a_state_in_the_query_finds_the_jobs_in_its_cities()
    {
        var result = await Search("audit jobs in Karnataka");

        // The two audit jobs in Karnataka's cities first; the nurse in Bengaluru is in Karnataka too, but far behind.
        Ids(result).Take(2).ToList().ShouldBe([api.Jobs["bengaluru"], api.Jobs["mysuru"]], ignoreOrder: true);
        Ids(result).ShouldNotContain(api.Jobs["kochi"]);
        result.GetProperty("understood").GetProperty("place").GetString().ShouldBe("Karnataka");
    }

    [Fact]
    public async Task a_job_type_in_the_query_filters()
    {
        var result = await Search("audit internship");

        Ids(result).ShouldBe([api.Jobs["intern"]]);
        result.GetProperty("understood").GetProperty("job_type").GetString().ShouldBe("internship");
        result.GetProperty("understood").GetProperty("without_job_type").GetString().ShouldBe("audit");
    }

    [Fact]
    public async Task remote_in_the_query_keeps_the_remote_jobs()
    {
        var result = await Search("remote GST returns");

        Ids(result).ShouldBe([api.Jobs["remote-tax"]]);
        result.GetProperty("understood").GetProperty("work_mode").GetString().ShouldBe("remote");
    }

    [Fact]
    public async Task a_query_of_filters_only_lists_the_jobs_that_pass_them()
    {
        var result = await Search("jobs in Bengaluru");

        Ids(result).ShouldBe([api.Jobs["bengaluru"], api.Jobs["nurse"]], ignoreOrder: true);
    }

    [Fact]
    public async Task each_result_carries_a_plain_relevance_label_and_the_described_job_is_a_strong_match()
    {
        var result = await Search("statutory audit of listed companies");

        var hits = result.GetProperty("items").EnumerateArray().ToList();
        hits[0].GetProperty("relevance").GetString().ShouldBe("strong");
        hits.Single(h => Id(h) == api.Jobs["nurse"]).GetProperty("relevance").GetString().ShouldBe("related");
        hits.Single(h => Id(h) == api.Jobs["security"]).GetProperty("relevance").GetString().ShouldBe("related");
        result.GetProperty("nothing_fits_well").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task a_vague_query_still_finds_its_best_match_a_good_one()
    {
        var result = await Search("protect companies from hackers");

        var first = result.GetProperty("items")[0];
        Id(first).ShouldBe(api.Jobs["security"]);
        first.GetProperty("relevance").GetString().ShouldBeOneOf("good", "strong");
        result.GetProperty("items").EnumerateArray().Skip(1).ShouldAllBe(h => h.GetProperty("relevance").GetString() == "related");
    }

    [Fact]
    public async Task when_nothing_fits_well_the_search_says_so_and_offers_to_drop_the_place()
    {
        var result = await Search("ward nurse in Pune");

        result.GetProperty("nothing_fits_well").GetBoolean().ShouldBeTrue();
        result.GetProperty("items").EnumerateArray().ShouldAllBe(h => h.GetProperty("relevance").GetString() == "related");
        var widened = await Search(result.GetProperty("understood").GetProperty("without_place").GetString()!);
        Ids(widened)[0].ShouldBe(api.Jobs["nurse"]);
        widened.GetProperty("nothing_fits_well").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task results_come_in_pages()
    {
        var first = await Search("audit", "&limit=3");
        var second = await Search("audit", "&limit=3&page=2");

        Ids(first).Count.ShouldBe(3);
        first.GetProperty("has_more").GetBoolean().ShouldBeTrue();
        second.GetProperty("page").GetInt32().ShouldBe(2);
        Ids(second).ShouldNotBeEmpty();
        Ids(second).Intersect(Ids(first)).ShouldBeEmpty();
        var all = await Search("audit", "&limit=50");
        Ids(all).Take(6).ShouldBe(Ids(first).Concat(Ids(second)).Take(6));
        all.GetProperty("has_more").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("q=audit&page=0")]
    [InlineData("q=audit&page=11")]
    public async Task a_bad_page_is_422(string query)
    {
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/search?{query}"); s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity); });
    }

    [Fact]
    public async Task similar_jobs_are_shown_to_anyone_and_leave_out_the_job_itself_and_archived_jobs()
    {
        var provider = await api.Host.SignedUpProvider();
        var archived = await api.Host.PostedJob(provider, "Audit Senior", "Lead statutory audits of listed companies under Ind AS and review working papers for the audit file.",
            ["Statutory audit"], company: "Closed Firm", location: "Chennai");
        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{archived}"); s.As(provider); });

        var similar = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/{api.Jobs["bengaluru"]}/similar?limit=5"))).Json();

        var ids = similar.EnumerateArray().Select(Id).ToList();
        ids.Count.ShouldBe(5);
        ids.ShouldNotContain(api.Jobs["bengaluru"]);
        ids.ShouldNotContain(archived);
        ids.Take(4).ToList().ShouldBe([api.Jobs["kochi"], api.Jobs["pune"], api.Jobs["gurugram"], api.Jobs["mysuru"]], ignoreOrder: true);
        similar[0].GetProperty("similarity").GetDouble().ShouldBeGreaterThan(similar[4].GetProperty("similarity").GetDouble());
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/{archived}/similar"); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
    }

    [Fact]
    public async Task one_company_posting_a_role_in_many_cities_does_not_fill_the_similar_jobs()
    {
        var provider = await api.Host.SignedUpProvider();
        var copies = new List<Guid>();
        foreach (var city in new[] { "Chennai", "Kolkata", "Jaipur" })
            copies.Add(await api.Host.PostedJob(provider, "Audit Associate", $"Assist in statutory audits of listed companies under Ind AS. Perform vouching, reconciliations and prepare working papers for the audit file. {city} office.",
                ["Statutory audit"], company: "Big Four LLP", location: city));

        var similar = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/{api.Jobs["pune"]}/similar?limit=4"))).Json();

        similar.EnumerateArray().Count(h => copies.Contains(Id(h))).ShouldBeLessThanOrEqualTo(1);
        foreach (var copy in copies) await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{copy}"); s.As(provider); });
    }

    private async Task<JsonElement> Search(string query, string more = "") =>
        (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/search?q={Uri.EscapeDataString(query)}{more}"))).Json();

    private static Guid Id(JsonElement hit) => hit.GetProperty("job").GetProperty("id").GetGuid();

    private static List<Guid> Ids(JsonElement result) => result.GetProperty("items").EnumerateArray().Select(Id).ToList();
}
