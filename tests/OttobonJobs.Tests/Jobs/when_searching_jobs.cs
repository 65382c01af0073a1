using System.Net;
using System.Text.Json;
using Npgsql;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Jobs;

/// <summary>A small catalogue of unrelated roles, posted once for the class and embedded by the real local model.</summary>
public class ApiWithJobCatalogue : ApiWithScriptedAi
{
    public Dictionary<string, Guid> Jobs { get; } = [];

    public static readonly (string Title, string Description, string[] Skills)[] Catalogue =
    [
        ("Junior Node.js Backend Developer", JobScenarios.NodeDescription, ["Node.js", "Express", "PostgreSQL"]),
        ("Audit Associate", "Assist in statutory audits of listed companies under Ind AS. Perform vouching, reconciliations and prepare working papers for the audit file.", ["Statutory audit", "Ind AS"]),
        ("Tax Analyst", "Prepare GST returns, reconcile input tax credit and support direct tax assessments for corporate clients.", ["GST", "Direct tax"]),
        ("Cyber Security Analyst", "Monitor SIEM alerts in our security operations centre, triage incidents and run vulnerability assessments.", ["SIEM", "Vulnerability assessment"]),
        ("HR Recruitment Coordinator", "Schedule interviews, coordinate with hiring managers and manage campus recruitment drives.", ["Recruitment", "Communication"]),
        ("Business Analyst - Banking", "Gather requirements from banking stakeholders, write user stories and map processes for a core banking upgrade.", ["Business analysis", "Process mapping"]),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var provider = await Host.SignedUpProvider();
        foreach (var (title, description, skills) in Catalogue)
            Jobs[title] = await Host.PostedJob(provider, title, description, skills);
    }
}

public class when_searching_jobs(ApiWithJobCatalogue api) : IClassFixture<ApiWithJobCatalogue>
{
    [Fact]
    public async Task a_question_about_rest_apis_in_node_finds_the_node_backend_job_first()
    {
        var result = await api.Host.Scenario(s => s.Get.Url("/api/jobs/search?q=building%20REST%20APIs%20in%20Node&limit=5"));
        var hits = result.Json().GetProperty("items").EnumerateArray().ToList();
        hits[0].GetProperty("job").GetProperty("id").GetGuid().ShouldBe(api.Jobs["Junior Node.js Backend Developer"]);
        hits[0].GetProperty("score").GetDouble().ShouldBeGreaterThan(0);
        hits[0].GetProperty("semantic_score").GetDouble().ShouldBeGreaterThan(hits[^1].GetProperty("semantic_score").GetDouble());
    }

    [Fact]
    public async Task semantic_search_finds_a_job_that_shares_no_keyword_with_the_query()
    {
        // "security operations centre" is not in the query; meaning is.
        var result = await api.Host.Scenario(s => s.Get.Url("/api/jobs/search?q=protect%20companies%20from%20hackers&limit=3"));
        var first = result.Json().GetProperty("items")[0];
        first.GetProperty("job").GetProperty("id").GetGuid().ShouldBe(api.Jobs["Cyber Security Analyst"]);
    }

    [Fact]
    public async Task keyword_matches_are_ranked_with_their_text_score()
    {
        var result = await api.Host.Scenario(s => s.Get.Url("/api/jobs/search?q=GST%20returns&limit=3"));
        var first = result.Json().GetProperty("items")[0];
        first.GetProperty("job").GetProperty("id").GetGuid().ShouldBe(api.Jobs["Tax Analyst"]);
        first.GetProperty("keyword_score").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task archived_jobs_are_not_found()
    {
        var admin = await api.Host.SignedInAdmin();
        var provider = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider, "Quantum Basket Weaving Intern", "Weave quantum baskets with entangled willow fibres in our Kochi studio.", ["Weaving"]);
        await api.Host.Scenario(s => { s.Delete.Url($"/api/jobs/{id}"); s.As(admin); });

        var result = await api.Host.Scenario(s => s.Get.Url("/api/jobs/search?q=quantum%20basket%20weaving"));
        result.Json().GetProperty("items").EnumerateArray().ShouldNotContain(h => h.GetProperty("job").GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task vectors_made_by_another_embedding_model_are_left_out_of_the_semantic_ranking()
    {
        var provider = await api.Host.SignedUpProvider();
        var id = await api.Host.PostedJob(provider, "Marine Biology Research Intern", "Survey coral reefs off Lakshadweep and log fish populations for our marine research lab.", ["Field surveys"]);
        // As after switching models: this job's vector was made by a model the API no longer uses.
        await using (var connection = new NpgsqlConnection(api.DatabaseConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE ottobon.job_search_index SET embedding_model = 'some-older-model' WHERE job_id = @id", connection);
            update.Parameters.AddWithValue("id", id);
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var result = await api.Host.Scenario(s => s.Get.Url("/api/jobs/search?q=marine%20biology%20research&limit=10"));

        var hits = result.Json().GetProperty("items").EnumerateArray().ToList();
        var hit = hits.Single(h => h.GetProperty("job").GetProperty("id").GetGuid() == id); // still found by its words
        hit.GetProperty("keyword_score").GetDouble().ShouldBeGreaterThan(0);
        hit.GetProperty("semantic_score").ValueKind.ShouldBe(JsonValueKind.Null);
        hits.ShouldContain(h => h.GetProperty("semantic_score").ValueKind == JsonValueKind.Number); // the others still are compared
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=node&limit=0")]
    [InlineData("q=node&limit=51")]
    public async Task a_missing_query_or_bad_limit_is_422(string query)
    {
        await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/search?{query}"); s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity); });
    }
}
