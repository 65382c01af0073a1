using System.Text.Json;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Tests.Enrichment;

public class local_enricher
{
    private readonly LocalJobEnricher enricher = new();

    public static TheoryData<string> FixtureNames => new(JobFixtures.All.Select(j => j.Title));

    private static JobToEnrich Fixture(string title) => JobFixtures.All.Single(j => j.Title == title);

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void every_job_gets_exactly_five_questions_five_tips_and_at_most_fifteen_skills(string title)
    {
        var result = enricher.Enrich(Fixture(title));

        JobEnrichmentRules.Problem(result).ShouldBeNull();
        result.PrepQuestions.Count.ShouldBe(5);
        result.ResumeTips.Count.ShouldBe(5);
        result.Skills.Count.ShouldBeLessThanOrEqualTo(15);
        result.PrepQuestions.Select(q => q.Question).ShouldBeUnique();
        result.ResumeTips.ShouldBeUnique();
    }

    [Fact]
    public void odd_and_mixed_up_inputs_still_satisfy_the_rules()
    {
        var random = new Random(20250101);
        var pieces = JobFixtures.All.SelectMany(j => j.Description.Split('\n')).ToArray();
        string[] titles = ["", "Intern", "Senior Manager – Tax", "Go Developer", "R&D Analyst", "<b>Audit</b>", new string('x', 500), "Associate (Remote) | India"];
        string?[] locations = [null, "", "Remote", "Mumbai / London", "Toronto, Canada", "Sydney", "Lucknow", "Anywhere"];

        for (var i = 0; i < 200; i++)
        {
            var description = string.Join(random.Next(2) == 0 ? "\n" : " ", Enumerable.Range(0, random.Next(0, 25)).Select(_ => pieces[random.Next(pieces.Length)]));
            var hints = Enumerable.Range(0, random.Next(0, 20)).Select(_ => pieces[random.Next(pieces.Length)].Trim()).ToArray();
            var job = new JobToEnrich(titles[random.Next(titles.Length)], random.Next(3) == 0 ? "" : "PwC", locations[random.Next(locations.Length)], description, hints);

            JobEnrichmentRules.Problem(enricher.Enrich(job)).ShouldBeNull($"case {i}");
        }
    }

    [Fact]
    public async Task it_is_the_offline_model_and_answers_the_same_through_the_port()
    {
        IJobEnricher port = enricher;

        var viaPort = await port.EnrichAsync(JobFixtures.NodeBackend, CancellationToken.None);

        port.ModelName.ShouldBe("ottobon-local-enricher/1");
        Json(viaPort).ShouldBe(Json(enricher.Enrich(JobFixtures.NodeBackend)));
    }

    [Fact]
    public void the_same_job_always_gets_the_same_enrichment() =>
        Json(enricher.Enrich(JobFixtures.AuditAssociate)).ShouldBe(Json(new LocalJobEnricher().Enrich(JobFixtures.AuditAssociate)));

    [Fact]
    public void a_node_backend_job_and_an_audit_job_get_content_about_their_own_skills()
    {
        var node = enricher.Enrich(JobFixtures.NodeBackend);
        var audit = enricher.Enrich(JobFixtures.AuditAssociate);

        node.Skills.Take(3).ShouldBe(["Node.js", "REST APIs", "PostgreSQL"]);
        node.Skills.ShouldContain("Docker");
        audit.Skills.ShouldContain("Statutory audit");
        audit.Skills.ShouldContain("Ind AS");
        audit.Skills.ShouldContain("Excel");
        node.Skills.Intersect(audit.Skills).ShouldBeEmpty();

        node.PrepQuestions.Select(q => q.Question).Intersect(audit.PrepQuestions.Select(q => q.Question)).ShouldBeEmpty();
        node.PrepQuestions[0].Question.ShouldContain("Node.js");
        audit.PrepQuestions.ShouldContain(q => q.Question.Contains("statutory audit"));

        node.ResumeTips[0].ShouldContain("Node.js");
        audit.ResumeTips[0].ShouldContain("statutory audit");
        node.ResumeTips.ShouldAllBe(t => !t.Contains("Ind AS"));
        audit.ResumeTips.ShouldAllBe(t => !t.Contains("Node.js"));
    }

    [Fact]
    public void every_job_gets_its_own_set_of_questions()
    {
        var questionSets = JobFixtures.All.Select(j => string.Join("|", enricher.Enrich(j).PrepQuestions.Select(q => q.Question))).ToList();

        questionSets.ShouldBeUnique();
    }

    [Fact]
    public void questions_mix_top_skills_a_responsibility_from_the_posting_and_a_behavioural_question_last()
    {
        var questions = enricher.Enrich(JobFixtures.DataAnalyst).PrepQuestions;

        questions[0].Question.ShouldContain("SQL");
        questions[1].Question.ShouldContain("Power BI");
        questions.ShouldContain(q => q.Question.Contains("This role involves \"perform data analysis to identify trends, anomalies and exceptions\""));
        questions[^1].Question.ShouldStartWith("Why do you want to join EY as an Analyst");
        questions[^1].AnswerStrategy.ShouldContain("STAR");
    }

    [Fact]
    public void answer_strategies_point_back_to_the_postings_own_lines()
    {
        var questions = enricher.Enrich(JobFixtures.CyberAnalyst).PrepQuestions;

        questions.ShouldContain(q => q.Question.Contains("SIEM")
            && q.AnswerStrategy.Contains("\"monitor and triage alerts in SIEM tools such as Splunk and Microsoft Sentinel\""));
    }

    [Fact]
    public void the_same_role_at_another_company_gets_a_question_about_that_company()
    {
        var atKpmg = enricher.Enrich(JobFixtures.AuditAssociate with { CompanyName = "KPMG" });

        atKpmg.PrepQuestions[^1].Question.ShouldContain("KPMG");
        atKpmg.PrepQuestions.ShouldAllBe(q => !q.Question.Contains("PwC"));
    }

    [Fact]
    public void resume_tips_name_the_jobs_skills_duties_and_qualification()
    {
        var tips = enricher.Enrich(JobFixtures.DataAnalyst).ResumeTips;

        tips[0].ShouldContain("a project or internship where you used SQL and Power BI");
        tips[1].ShouldContain("\"build Power BI dashboards and DAX measures for engagement teams\"");
        tips[2].ShouldStartWith("Quantify");
        tips[3].ShouldContain("Bachelor's degree in Statistics, Computer Science, Economics or a related field");
        tips[4].ShouldContain("Python");
        tips[4].ShouldContain("pandas");
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void the_quantify_tip_asks_for_the_seekers_own_numbers_and_never_invents_any(string title)
    {
        var result = enricher.Enrich(Fixture(title));
        var quantify = result.ResumeTips.Single(t => t.StartsWith("Quantify"));

        quantify.ShouldContain("e.g. how many");
        var withoutSkillNames = result.Skills.Aggregate(quantify, (text, skill) => text.Replace(skill, ""));
        System.Text.RegularExpressions.Regex.IsMatch(withoutSkillNames, @"\d").ShouldBeFalse(quantify); // no "50,000 rows", "40%" or "₹3.2 crore"
    }

    [Fact]
    public void a_practice_named_as_a_skill_reads_as_work_not_as_a_tool()
    {
        var job = JobFixtures.DataAnalyst with { SkillsHint = ["Data visualisation", "Tableau"] };

        var tips = enricher.Enrich(job).ResumeTips;

        tips.ShouldAllBe(t => !t.Contains("in Data visualisation") && !t.Contains("used Data visualisation") && !t.Contains("your Data visualisation"));
        tips.Take(3).ShouldAllBe(t => !t.Contains(" Data visualisation"));
    }

    [Fact]
    public void tips_are_worded_differently_across_jobs_not_one_template()
    {
        var openings = JobFixtures.All.Select(j => enricher.Enrich(j).ResumeTips[0].Split(' ').Take(3)).Select(w => string.Join(' ', w)).ToList();
        var closings = JobFixtures.All.Select(j => enricher.Enrich(j).ResumeTips.Single(t => t.StartsWith("Quantify")).Split(". ")[^1]).ToList();

        openings.Distinct().Count().ShouldBeGreaterThan(1);
        closings.Distinct().Count().ShouldBeGreaterThan(1);
        JobFixtures.All.Select(j => string.Join("|", enricher.Enrich(j).ResumeTips)).ShouldBeUnique();
    }

    [Fact]
    public void an_internship_and_an_experienced_role_are_told_to_count_from_different_places()
    {
        var intern = enricher.Enrich(JobFixtures.TaxIntern).ResumeTips.Single(t => t.StartsWith("Quantify"));
        var experienced = enricher.Enrich(JobFixtures.DataAnalyst with
        {
            Title = "Data Analytics Manager",
            Description = "Minimum 8 years of experience in SQL and Power BI reporting. Lead a team of analysts and review their dashboards.",
        }).ResumeTips.Single(t => t.StartsWith("Quantify"));

        intern.ShouldContain("a project, course or internship");
        experienced.ShouldContain("your recent roles");
    }

    [Fact]
    public void skills_union_the_canonicalised_hint_with_the_text_and_keep_a_posters_own_skill()
    {
        var job = JobFixtures.NodeBackend with { SkillsHint = ["nodejs", "golang", "Bloomberg Terminal"] };

        var skills = enricher.Enrich(job).Skills;

        skills[0].ShouldBe("Node.js");
        skills.ShouldContain("Go");
        skills.ShouldContain("Bloomberg Terminal");
        skills.ShouldNotContain("nodejs");
    }

    [Fact]
    public void skills_are_capped_at_fifteen_most_relevant_first()
    {
        var job = new JobToEnrich("Python Developer", "Deloitte", "Pune",
            "Python, Python and more Python. " + string.Join(", ", "Java C# C++ JavaScript TypeScript React Angular Django Flask SQL MySQL MongoDB Docker Kubernetes AWS Azure GCP Jenkins Git Linux Kafka Spark Tableau".Split(' ')),
            []);

        var skills = enricher.Enrich(job).Skills;

        skills.Count.ShouldBe(15);
        skills[0].ShouldBe("Python");
    }

    [Fact]
    public void a_nearly_empty_posting_still_gets_complete_family_level_content()
    {
        var result = enricher.Enrich(JobFixtures.NearlyEmpty);

        JobEnrichmentRules.Problem(result).ShouldBeNull();
        result.Skills.ShouldBeEmpty();
        result.ExperienceLevel.ShouldBe("Entry level (0–2 years)");
        result.Qualification.ShouldStartWith("Typically");
        result.PrepQuestions[^1].Question.ShouldContain("KPMG");
    }

    [Theory]
    [InlineData("Audit Associate", "AuditAssurance")]
    [InlineData("Tax Analyst – Transfer Pricing", "Tax")]
    [InlineData("Data Engineer", "DataAnalytics")]
    [InlineData("Associate Software Engineer", "SoftwareEngineering")]
    [InlineData("Risk Advisory Associate", "ConsultingAdvisory")]
    [InlineData("Cyber Security Analyst", "Cybersecurity")]
    [InlineData("Accounts Payable Executive", "FinanceAccounting")]
    [InlineData("HR Recruiter", "Other")]
    public void the_role_family_comes_from_the_title(string title, string family) =>
        RoleFamilies.Classify(title, []).ToString().ShouldBe(family);

    [Fact]
    public void without_a_telling_title_the_skills_decide_the_family()
    {
        RoleFamilies.Classify("Associate", ["Python", "Django", "PostgreSQL"]).ShouldBe(RoleFamily.SoftwareEngineering);
        RoleFamilies.Classify("Associate", ["GST", "Income tax", "Excel"]).ShouldBe(RoleFamily.Tax);
        RoleFamilies.Classify("Associate", []).ShouldBe(RoleFamily.Other);
    }

    [Fact]
    public void inputs_with_missing_parts_do_not_break_it()
    {
        var job = new JobToEnrich("", "", null, null!, null!);

        var result = enricher.Enrich(job);

        JobEnrichmentRules.Problem(result).ShouldBeNull();
        result.PrepQuestions[^1].Question.ShouldContain("the company");
    }

    [Fact]
    public void html_descriptions_are_read_as_text_and_requirements_are_not_taken_for_duties()
    {
        var duties = JobProfile.Of(JobFixtures.AuditAssociate).Text.Responsibilities;

        duties.Count.ShouldBe(5);
        duties[0].ShouldBe("assist in planning and executing statutory audits of listed and unlisted companies under the Companies Act, 2013");
        duties.ShouldAllBe(d => !d.Contains('<') && !d.Contains("Tally") && !d.Contains("CA Inter"));
    }

    [Fact]
    public void duties_are_found_without_a_heading_too()
    {
        var text = new JobText("We are hiring. You will be responsible for preparing tax computations for corporate clients. Strong Excel skills are required.");

        text.Responsibilities.ShouldBe(["preparing tax computations for corporate clients"]);
    }

    [Fact]
    public void duties_are_found_in_one_paragraph_with_inline_headings()
    {
        var text = new JobText(
            "At EY, you'll build a career as unique as you are. Your key responsibilities: Develop applications in Java and Spring Boot; " +
            "Write SQL queries; Participate in agile ceremonies. Requirements: B.E/B.Tech with 60% throughout. Excellent communication skills.");

        text.Responsibilities.ShouldBe(["develop applications in Java and Spring Boot", "write SQL queries", "participate in agile ceremonies"]);
    }

    private static string Json(JobEnrichment e) => JsonSerializer.Serialize(e);
}
