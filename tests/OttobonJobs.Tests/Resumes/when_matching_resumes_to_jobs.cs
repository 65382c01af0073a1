using System.Net;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Resumes;

/// <summary>The real API with the local AI and embedding model, a few real jobs and three seekers with real resumes.</summary>
public class ApiWithSeekersAndJobs : ApiFixture
{
    public const string DataAnalystResume = """
        Ananya Iyer
        Pune, India | ananya@example.com

        Summary
        Statistics graduate who turns data into dashboards and insights with SQL, Python and Power BI.

        Experience
        Data analytics intern, Insight Labs (2024): wrote SQL queries on PostgreSQL, cleaned data with Python pandas,
        built Power BI dashboards and Excel reports for the sales team, and presented findings to managers.

        Skills
        SQL, Python, pandas, Power BI, Microsoft Excel, data analysis, data visualisation, statistics, communication

        Education
        B.Sc. Statistics, 2024
        """;

    public static readonly (string Title, string Description, string[] Skills)[] Jobs =
    [
        ("Junior Node.js Backend Developer", JobScenarios.NodeDescription + " You will design REST APIs and write SQL for PostgreSQL.", ["Node.js", "Express", "PostgreSQL", "REST APIs"]),
        ("Audit Associate", "Join our assurance team in Mumbai. Assist in statutory audits under Ind AS, perform vouching and bank reconciliations, prepare working papers in Excel and support GST compliance reviews. B.Com or CA Inter preferred.", ["Auditing", "Ind AS", "GST", "Microsoft Excel"]),
        ("Data Analyst", "Analyse sales data with SQL and Python, build Power BI dashboards, prepare Excel reports and present insights to business stakeholders. Freshers with statistics background welcome.", ["SQL", "Python", "Power BI", "Microsoft Excel"]),
        ("HR Recruitment Coordinator", "Schedule interviews, coordinate with hiring managers, screen candidates and manage campus recruitment drives across colleges.", ["Recruitment", "Communication"]),
    ];

    public Dictionary<string, Guid> JobIds { get; } = [];
    public Dictionary<string, SignedIn> Seekers { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var provider = await Host.SignedUpProvider();
        foreach (var (title, description, skills) in Jobs) JobIds[title] = await Host.PostedJob(provider, title, description, skills);

        foreach (var (name, text) in new[] { ("node", ResumeScenarios.NodeDeveloperResume), ("accountant", ResumeScenarios.AccountantResume), ("analyst", DataAnalystResume) })
        {
            Seekers[name] = await Host.SignedUpSeeker();
            await Host.UploadedResume(Seekers[name], ResumeFiles.OnePagePdf(text), $"{name}.pdf");
        }
    }
}

public class when_matching_resumes_to_jobs(ApiWithSeekersAndJobs api) : IClassFixture<ApiWithSeekersAndJobs>
{
    private async Task<System.Text.Json.JsonElement> Match(string seeker, string job) =>
        (await api.Host.Scenario(s =>
        {
            s.Post.Url($"/api/jobs/{api.JobIds[job]}/match");
            s.As(api.Seekers[seeker]);
        })).Json();

    // Through the API: every good fit above 0.7 and every poor fit below it (the calibration itself is Matching/fit_score_calibration).
    [Theory]
    [InlineData("node", "Junior Node.js Backend Developer", true)]
    [InlineData("accountant", "Audit Associate", true)]
    [InlineData("analyst", "Data Analyst", true)]
    [InlineData("accountant", "Junior Node.js Backend Developer", false)]
    [InlineData("node", "Audit Associate", false)]
    [InlineData("analyst", "HR Recruitment Coordinator", false)]
    [InlineData("node", "HR Recruitment Coordinator", false)]
    public async Task the_score_separates_good_fits_from_poor_ones(string seeker, string job, bool goodFit)
    {
        var match = await Match(seeker, job);
        var score = match.GetProperty("match_score").GetDouble();
        if (goodFit) score.ShouldBeGreaterThan(0.7, $"{seeker} → {job}");
        else score.ShouldBeLessThan(0.7, $"{seeker} → {job}");
        match.GetProperty("gap_detected").GetBoolean().ShouldBe(!goodFit);
        match.GetProperty("similarity_score").GetDouble().ShouldBeInRange(-1, 1);
    }

    [Fact]
    public async Task a_gap_names_the_missing_skills_with_resources_to_learn_them()
    {
        var match = await Match("accountant", "Junior Node.js Backend Developer");
        var missing = match.GetProperty("missing_skills").EnumerateArray().Select(s => s.GetString()).ToList();
        missing.ShouldContain("Node.js");
        var recommendations = match.GetProperty("learning_recommendations").EnumerateArray().ToList();
        var node = recommendations.Single(r => r.GetProperty("skill").GetString() == "Node.js");
        node.GetProperty("resources")[0].GetProperty("url").GetString()!.ShouldStartWith("https://");
        match.GetProperty("explanation").GetString()!.ShouldContain("gap");
    }

    [Fact]
    public async Task matched_skills_are_the_ones_the_resume_shows()
    {
        var match = await Match("node", "Junior Node.js Backend Developer");
        match.GetProperty("matched_skills").EnumerateArray().Select(s => s.GetString()).ShouldContain("PostgreSQL");
        match.GetProperty("job_id").GetGuid().ShouldBe(api.JobIds["Junior Node.js Backend Developer"]);
    }

    [Fact]
    public async Task recommendations_put_the_best_fitting_jobs_first()
    {
        var result = await api.Host.Scenario(s => { s.Get.Url("/api/jobs/recommended?limit=3"); s.As(api.Seekers["analyst"]); });
        result.Json().GetProperty("has_resume").GetBoolean().ShouldBeTrue();
        var items = result.Json().GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(3);
        items[0].GetProperty("job").GetProperty("id").GetGuid().ShouldBe(api.JobIds["Data Analyst"]);
        items[0].GetProperty("fit").GetProperty("label").GetString().ShouldBe("strong");
        var scores = items.Select(i => i.GetProperty("fit").GetProperty("score").GetDouble()).ToList();
        scores.ShouldBe(scores.OrderByDescending(x => x).ToList());
    }

    [Theory]
    [InlineData("analyst", "Data Analyst")]
    [InlineData("node", "Audit Associate")]
    public async Task the_same_score_on_recommendations_the_feed_and_the_fit_page(string seeker, string job)
    {
        var id = api.JobIds[job];
        var recommended = await api.Host.Scenario(s => { s.Get.Url("/api/jobs/recommended?limit=50"); s.As(api.Seekers[seeker]); });
        var feed = await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/fit?job_id={id}&job_id={api.JobIds["HR Recruitment Coordinator"]}"); s.As(api.Seekers[seeker]); });
        var match = await Match(seeker, job);

        var fromRecommended = recommended.Json().GetProperty("items").EnumerateArray().Single(r => r.GetProperty("job").GetProperty("id").GetGuid() == id).GetProperty("fit");
        var fromFeed = feed.Json().EnumerateArray().Single(r => r.GetProperty("job_id").GetGuid() == id).GetProperty("fit");
        var fromFitPage = match.GetProperty("fit");
        fromFitPage.GetProperty("score").GetDouble().ShouldBe(match.GetProperty("match_score").GetDouble());
        fromRecommended.GetProperty("score").GetDouble().ShouldBe(fromFitPage.GetProperty("score").GetDouble());
        fromFeed.GetProperty("score").GetDouble().ShouldBe(fromFitPage.GetProperty("score").GetDouble());
        fromRecommended.GetProperty("label").GetString().ShouldBe(fromFitPage.GetProperty("label").GetString());
        fromFeed.GetProperty("label").GetString().ShouldBe(fromFitPage.GetProperty("label").GetString());
    }

    [Fact]
    public async Task the_feed_fits_leave_out_unknown_jobs_are_empty_without_a_resume_and_need_a_job_id()
    {
        var fits = await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/fit?job_id={api.JobIds["Data Analyst"]}&job_id={Guid.NewGuid()}"); s.As(api.Seekers["analyst"]); });
        fits.Json().EnumerateArray().Select(f => f.GetProperty("job_id").GetGuid()).ShouldBe([api.JobIds["Data Analyst"]]);

        var newcomer = await api.Host.SignedUpSeeker();
        var none = await api.Host.Scenario(s => { s.Get.Url($"/api/jobs/fit?job_id={api.JobIds["Data Analyst"]}"); s.As(newcomer); });
        none.Json().GetArrayLength().ShouldBe(0);
        await api.Host.Scenario(s => { s.Get.Url("/api/jobs/fit"); s.As(api.Seekers["analyst"]); s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity); });
    }

    [Fact]
    public async Task without_a_resume_matching_is_422_recommendations_are_an_empty_list_and_unknown_jobs_are_404()
    {
        var newcomer = await api.Host.SignedUpSeeker();
        var noResume = await api.Host.Scenario(s =>
        {
            s.Post.Url($"/api/jobs/{api.JobIds["Data Analyst"]}/match");
            s.As(newcomer);
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        noResume.Detail().ShouldContain("resume");
        // No resume is a normal state of a new seeker, not an error: the feed's strip asks and gets an empty answer.
        var recommended = (await api.Host.Scenario(s => { s.Get.Url("/api/jobs/recommended"); s.As(newcomer); })).Json();
        recommended.GetProperty("has_resume").GetBoolean().ShouldBeFalse();
        recommended.GetProperty("items").GetArrayLength().ShouldBe(0);
        await api.Host.Scenario(s => { s.Post.Url($"/api/jobs/{Guid.NewGuid()}/match"); s.As(api.Seekers["node"]); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
    }

    [Fact]
    public async Task admins_curate_learning_resources()
    {
        var admin = await api.Host.SignedInAdmin();
        var catalogue = await api.Host.Scenario(s => { s.Get.Url("/api/admin/learning-resources"); s.As(admin); });
        catalogue.Json().EnumerateArray().ShouldContain(e => e.GetProperty("skill").GetString() == "Node.js");

        var put = await api.Host.Scenario(s =>
        {
            s.Put.Json(new { skill = "Recruitment", resources = new[] { new { title = "Recruiting basics", url = "https://example.org/recruiting", type = "course" } } })
                .ToUrl("/api/admin/learning-resources");
            s.As(admin);
        });
        (put.Json().GetProperty("id").GetString(), put.Json().GetProperty("skill").GetString()).ShouldBe(("recruitment", "Recruitment"));
        var match = await Match("analyst", "HR Recruitment Coordinator");
        var recruitment = match.GetProperty("learning_recommendations").EnumerateArray().Single(r => r.GetProperty("skill").GetString() == "Recruitment");
        recruitment.GetProperty("resources")[0].GetProperty("title").GetString().ShouldBe("Recruiting basics");

        await api.Host.Scenario(s =>
        {
            s.Put.Json(new { skill = "X", resources = new[] { new { title = "bad", url = "javascript:alert(1)", type = "course" } } }).ToUrl("/api/admin/learning-resources");
            s.As(admin);
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        await api.Host.Scenario(s => { s.Get.Url("/api/admin/learning-resources"); s.As(api.Seekers["node"]); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
    }
}
