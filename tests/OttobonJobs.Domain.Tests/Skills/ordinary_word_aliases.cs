using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Domain.Tests.Skills;

/// <summary>
/// Aliases that are ordinary English words count only where they are written as skills: a whole item of a list of
/// skills, under a skills heading, or before "skills". Each false positive seen on real postings and resumes has its
/// true positive beside it.
/// </summary>
public class ordinary_word_aliases
{
    [Theory]
    [InlineData("You will support forecasting demand for our retail clients.", "FP&A")]
    [InlineData("Work in a collaborative environment with global teams.", "Teamwork")]
    [InlineData("Our team builds payment reconciliation services in Java for the bank's ledger.", "Reconciliation")]
    [InlineData("Candidates who Excel at client service will thrive.", "Excel")]
    [InlineData("Excel in a fast-paced environment and grow with us.", "Excel")]
    [InlineData("Tally the attendance at each event.", "Tally")]
    [InlineData("Good communication with the client team is expected of every intern.", "Communication")]
    [InlineData("You will report to the leadership team of the practice.", "Leadership")]
    [InlineData("Supports the presentation of financial statements under Ind AS.", "Presentation")]
    [InlineData("Budgeting for the annual offsite is handled by the office manager.", "FP&A")]
    [InlineData("Costing of the event is done by the admin team.", "Cost accounting")]
    [InlineData("The warehouse ships containers to ports across India.", "Docker")]
    [InlineData("Consolidation of vendors is planned for next year.", "Consolidation")]
    [InlineData("Our Go to market team is hiring.", "Go")]
    [InlineData("R&D teams in the Spring cohort.", "R")]
    [InlineData("Grade C or above in mathematics.", "C")]
    [InlineData("A Swift response to client queries is expected.", "Swift")]
    public void an_ordinary_word_in_a_sentence_is_not_a_skill(string text, string skill) =>
        SkillTaxonomy.Extract(text).ShouldNotContain(skill);

    [Theory]
    [InlineData("Experience in FP&A for a consumer company.", "FP&A")]
    [InlineData("Support financial planning and analysis and month-end close.", "FP&A")]
    [InlineData("Own budgeting and forecasting for two business units.", "FP&A")]
    [InlineData("Skills: Excel, forecasting, SQL", "FP&A")]
    [InlineData("Tools: Power BI, Excel, budgeting", "FP&A")]
    [InlineData("Teamwork, communication, Excel", "Teamwork")]
    [InlineData("Soft skills: team player, leadership", "Teamwork")]
    [InlineData("Perform bank reconciliations and vendor reconciliation.", "Reconciliation")]
    [InlineData("GST, TDS, reconciliation, Tally", "Reconciliation")]
    [InlineData("Advanced Excel and PowerPoint.", "Excel")]
    [InlineData("Excel, SQL and Power BI", "Excel")]
    [InlineData("Proficiency in Excel is a must.", "Excel")]
    [InlineData("Excellent communication and interpersonal skills.", "Communication")]
    [InlineData("Strong written and verbal communication.", "Communication")]
    [InlineData("Leadership skills shown as class representative.", "Leadership")]
    [InlineData("SQL, Python, pandas, communication, leadership", "Leadership")]
    [InlineData("Strong presentation skills.", "Presentation")]
    [InlineData("Docker, containers, Kubernetes", "Docker")]
    [InlineData("Build REST APIs with Node and Express.", "Node.js")]
    [InlineData("Skills: Python, R, SQL", "R")]
    [InlineData("Languages: C, C++, Java", "C")]
    [InlineData("iOS apps in Swift and SwiftUI", "Swift")]
    public void the_same_skill_written_as_one_is_found(string text, string skill) =>
        SkillTaxonomy.Extract(text).ShouldContain(skill);

    [Fact]
    public void words_under_a_skills_heading_are_skills_until_the_next_heading()
    {
        const string resume = """
            Priya Sharma
            Summary
            Commerce graduate who enjoys forecasting demand and working in a collaborative environment.

            Key Skills
            Forecasting
            Teamwork
            Leadership

            Experience
            Led the leadership team of the college fest and handled communication with sponsors.
            """;

        var skills = SkillTaxonomy.Extract(resume);

        skills.ShouldContain("FP&A");
        skills.ShouldContain("Teamwork");
        skills.ShouldContain("Leadership");
        skills.ShouldNotContain("Communication");
    }

    [Fact]
    public void labelled_lines_inside_a_skills_section_keep_it_open()
    {
        const string resume = """
            TECHNICAL SKILLS
            Languages: Java, C++
            Frameworks: Spring Boot
            Interpersonal: leadership, collaboration
            EDUCATION
            B.Tech, 2025. Member of the leadership council.
            """;

        var skills = SkillTaxonomy.Extract(resume);

        skills.ShouldContain("Leadership");
        skills.ShouldContain("Teamwork");
        SkillTaxonomy.Mentions(resume).Single(m => m.Name == "Leadership").Count.ShouldBe(1);
    }

    [Fact]
    public void a_sentence_that_only_follows_a_skills_heading_far_below_is_not_in_it()
    {
        var text = "Technical Skills\n" + string.Join('\n', Enumerable.Range(1, 13).Select(i => $"Line {i} of projects")) + "\nForecasting the budget.";

        SkillTaxonomy.Extract(text).ShouldNotContain("FP&A");
    }

    [Fact]
    public void a_poster_s_hint_of_an_ordinary_word_still_names_its_skill()
    {
        SkillTaxonomy.Canonicalise("Forecasting").ShouldBe("FP&A");
        SkillTaxonomy.Canonicalise("team player").ShouldBe("Teamwork");
        SkillTaxonomy.Canonicalise("communication").ShouldBe("Communication");
        SkillTaxonomy.Canonicalise("collaborative").ShouldBeNull();
    }
}
