using System.Diagnostics;
using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Tests.Enrichment;

public class skill_taxonomy
{
    [Fact]
    public void it_holds_about_two_hundred_skills_across_every_category()
    {
        SkillTaxonomy.All.Count.ShouldBeGreaterThanOrEqualTo(180);
        SkillTaxonomy.All.Select(s => s.Category).Distinct().Count().ShouldBe(Enum.GetValues<SkillCategory>().Length);
        SkillTaxonomy.All.Select(s => s.Name).ShouldBeUnique();
    }

    [Theory]
    [InlineData("We use C# and .NET 8 with ASP.NET Core.", new[] { "C#", ".NET", "ASP.NET Core" })]
    [InlineData("Strong C++ and C/C++ debugging skills", new[] { "C++", "C", "Debugging" })]
    [InlineData("Experience with Node.js, Express and MongoDB.", new[] { "Node.js", "Express.js", "MongoDB" })]
    [InlineData("Set up CI/CD pipelines in GitHub Actions", new[] { "CI/CD", "GitHub Actions" })]
    [InlineData("Knowledge of IFRS / Ind AS and U.S. GAAP", new[] { "IFRS", "Ind AS", "US GAAP" })]
    [InlineData("Prepare FP&A packs and P&L reviews", new[] { "FP&A", "Financial statements" })]
    [InlineData("Hands-on with SAP FI/CO and Tally ERP 9", new[] { "SAP FICO", "Tally" })]
    [InlineData("ISO/IEC 27001, SIEM (Splunk) and IAM", new[] { "ISO 27001", "SIEM", "Splunk", "IAM" })]
    public void it_finds_skills_written_with_symbols(string text, string[] expected) =>
        SkillTaxonomy.Extract(text).ShouldBe(expected, ignoreOrder: true);

    [Theory]
    [InlineData("nodejs", "Node.js")]
    [InlineData("node js", "Node.js")]
    [InlineData("NODE", "Node.js")]
    [InlineData("js", "JavaScript")]
    [InlineData("ECMAScript", "JavaScript")]
    [InlineData("csharp", "C#")]
    [InlineData("restful", "REST APIs")]
    [InlineData("rest api", "REST APIs")]
    [InlineData("golang", "Go")]
    [InlineData("Go", "Go")]
    [InlineData("powerbi", "Power BI")]
    [InlineData("python pandas", "pandas")]
    [InlineData("sarbanes-oxley", "SOX")]
    [InlineData("Goods and Services Tax", "GST")]
    [InlineData("  excel ", "Excel")]
    [InlineData("Strong communication skills", "Communication")]
    public void canonicalise_maps_aliases_to_the_canonical_name(string skill, string canonical) =>
        SkillTaxonomy.Canonicalise(skill).ShouldBe(canonical);

    [Theory]
    [InlineData("lead")]
    [InlineData("team lead")]
    [InlineData("go to market")]
    [InlineData("R&D")]
    [InlineData("underwater basket weaving")]
    [InlineData("Java and Python")] // two skills, not one
    [InlineData("")]
    public void canonicalise_returns_null_for_what_is_not_one_known_skill(string skill) =>
        SkillTaxonomy.Canonicalise(skill).ShouldBeNull();

    [Theory]
    [InlineData("You will lead the go-to-market plan and help us go to market faster.")]
    [InlineData("Lead R&D initiatives and support the rest of the team.")]
    [InlineData("Go beyond expectations. Let's go!")]
    [InlineData("Candidates who excel in fast-paced teams; express your ideas and react to feedback.")]
    [InlineData("Join our Spring internship cohort. Grade C or above.")]
    [InlineData("Please tally the invoices so far, and spark new ideas.")]
    public void it_does_not_mistake_ordinary_words_for_skills(string text) =>
        SkillTaxonomy.Extract(text).ShouldBeEmpty();

    [Theory]
    [InlineData("Skills: Python, R, SQL", "R")]
    [InlineData("Statistical analysis in R programming", "R")]
    [InlineData("Backend services written in Go", "Go")]
    [InlineData("Languages: Java, Go or Rust", "Go")]
    [InlineData("Microservices in Golang on Kubernetes", "Go")]
    [InlineData("Build APIs with Java and Spring", "Spring Boot")]
    public void it_accepts_short_language_names_only_in_a_programming_context(string text, string skill) =>
        SkillTaxonomy.Extract(text).ShouldContain(skill);

    [Fact]
    public void r_and_go_need_their_exact_case()
    {
        SkillTaxonomy.Extract("python, r, sql").ShouldNotContain("R");
        SkillTaxonomy.Extract("java, go, python").ShouldNotContain("Go");
    }

    [Fact]
    public void skills_are_ordered_by_frequency_then_first_mention()
    {
        var text = "Excel first. Then SQL. SQL again, and Power BI. Power BI dashboards in Power BI.";

        SkillTaxonomy.Extract(text).Take(3).ShouldBe(["Power BI", "SQL", "Excel"]);
    }

    [Fact]
    public void the_longest_alias_wins()
    {
        SkillTaxonomy.Extract("Spring Boot microservices").ShouldBe(["Spring Boot", "Microservices"], ignoreOrder: true);
        SkillTaxonomy.Extract("JavaScript, not Java").ShouldBe(["JavaScript", "Java"], ignoreOrder: true);
        SkillTaxonomy.Extract("internal audit support").ShouldBe(["Internal audit"]);
        SkillTaxonomy.Extract("Azure DevOps boards").ShouldBe(["Azure DevOps"]);
    }

    [Fact]
    public void multi_word_skills_do_not_span_sentences_or_list_items()
    {
        SkillTaxonomy.Extract("We use Power. BI is separate").ShouldNotContain("Power BI");
        SkillTaxonomy.Extract("risk, assessment").ShouldNotContain("Risk assessment");
    }

    [Fact]
    public void category_of_knows_canonical_names_and_aliases()
    {
        SkillTaxonomy.CategoryOf("Node.js").ShouldBe(SkillCategory.Framework);
        SkillTaxonomy.CategoryOf("GST").ShouldBe(SkillCategory.Tax);
        SkillTaxonomy.CategoryOf("sox").ShouldBe(SkillCategory.Audit);
        SkillTaxonomy.CategoryOf("teamwork").ShouldBe(SkillCategory.SoftSkill);
        SkillTaxonomy.CategoryOf("Juggling").ShouldBeNull();
        SkillCategory.SoftSkill.Display().ShouldBe("Soft skill");
    }

    [Fact]
    public void a_five_page_resume_is_read_in_milliseconds()
    {
        var page = string.Join('\n', JobFixtures.All.Select(j => j.Description));
        var resume = string.Concat(Enumerable.Repeat(page, 5));
        SkillTaxonomy.Extract(resume); // warm up

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++) SkillTaxonomy.Extract(resume);
        watch.Stop();

        (watch.Elapsed.TotalMilliseconds / 20).ShouldBeLessThan(50);
    }
}
