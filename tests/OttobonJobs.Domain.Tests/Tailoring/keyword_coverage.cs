using OttobonJobs.Domain.Matching;
using OttobonJobs.Domain.Skills;
using OttobonJobs.Domain.Tailoring;
using static OttobonJobs.Domain.Tests.Tailoring.TailoringSamples;

namespace OttobonJobs.Domain.Tests.Tailoring;

public class keyword_coverage
{
    private static CoverageReport Report(double? cosine = null) =>
        KeywordCoverage.Report(new CoverageInput(JobSkills, Description, SkillTaxonomy.Extract(Resume), Resume, cosine));

    [Fact]
    public void the_job_skills_the_resume_names_are_present_with_the_lines_that_name_them()
    {
        var report = Report();

        var java = report.Present.Single(p => p.Keyword == "Java");
        java.Source.ShouldBe(KeywordSource.JobSkills);
        java.FoundAt.Select(l => l.Section).ShouldBe(["Experience", "Skills"]);
        java.FoundAt[0].Text.ShouldBe("Built REST APIs in Java and Spring Boot for the seller dashboard");
        java.FoundAt[0].Line.ShouldBe(8);
        report.Present.Single(p => p.Keyword == "Spring Boot").FoundAt.Count.ShouldBe(2);
    }

    [Fact]
    public void the_missing_job_skills_are_the_ones_the_fit_score_counts_as_missing()
    {
        var report = Report();
        var fit = FitScore.Compare(JobSkills, SkillTaxonomy.Extract(Resume), Resume);

        report.Missing.Where(m => m.Source == KeywordSource.JobSkills).Select(m => m.Keyword).ShouldBe(fit.Missing);
        fit.Missing.ShouldBe(["SQL", "Docker", "AWS"]);
    }

    [Fact]
    public void skills_only_the_description_names_are_reported_apart_and_do_not_move_the_score()
    {
        var report = Report();

        var kafka = report.Missing.Single(m => m.Keyword == "Apache Kafka");
        kafka.Source.ShouldBe(KeywordSource.Description);
        kafka.ScoreGain.ShouldBe(0);
        report.Present.Where(p => p.Source == KeywordSource.Description).Select(p => p.Keyword).ShouldContain("REST APIs");
    }

    [Fact]
    public void each_missing_job_skill_is_worth_what_the_fit_formula_gives_one_more_matched_skill()
    {
        var report = Report(0.55);

        var expected = Math.Round(FitScore.Combine(0.55, 3, 2, FitScore.MiniLm) - FitScore.Combine(0.55, 2, 3, FitScore.MiniLm), 4);
        report.Missing.Where(m => m.Source == KeywordSource.JobSkills).ShouldAllBe(m => m.ScoreGain == expected);
        report.FitScore.ShouldBe(FitScore.Score(0.55, JobSkills, SkillTaxonomy.Extract(Resume), Resume).MatchScore);
        report.FitScoreWithAll!.Value.ShouldBeGreaterThan(report.FitScore!.Value);
    }

    [Fact]
    public void the_lines_that_can_carry_the_most_missing_skills_come_first()
    {
        var report = Report();

        report.Strengthen.ShouldNotBeEmpty();
        report.Strengthen.Select(s => s.ScoreGain).ShouldBeInOrder(SortDirection.Descending);
        // The Spring Boot bullet is backend work: where SQL (data) does not belong, but the skills list takes every missing skill.
        var skillsLine = report.Strengthen.First();
        skillsLine.Section.ShouldBe("Skills");
        skillsLine.Keywords.ShouldContain("Docker");
        skillsLine.ScoreGain.ShouldBeGreaterThan(report.Strengthen.Last().ScoreGain - 1e-9);
    }

    [Fact]
    public void a_missing_skill_of_the_same_kind_as_a_bullet_points_at_that_bullet()
    {
        // Pandas is data work, as SQL is: the expense tracker line is where SQL would go if the seeker used it.
        var report = Report();

        var pandasLine = report.Strengthen.Single(s => s.Text.StartsWith("Expense tracker"));
        pandasLine.Keywords.ShouldContain("SQL");
        pandasLine.Section.ShouldBe("Projects");
        pandasLine.ScoreGain.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void an_empty_resume_has_everything_missing_and_nothing_to_strengthen()
    {
        var report = KeywordCoverage.Report(new CoverageInput(JobSkills, Description, [], "", null));

        report.Present.ShouldBeEmpty();
        report.Missing.Count(m => m.Source == KeywordSource.JobSkills).ShouldBe(5);
        report.Strengthen.ShouldBeEmpty();
        report.FitScore.ShouldBeNull();
    }

    [Fact]
    public void resume_lines_know_their_section_and_bullets()
    {
        var lines = ResumeLines.Read(Resume);

        lines.First().ShouldBe(new ResumeLine(1, "", "Ananya Iyer", false, false));
        lines.Where(l => l.IsHeading).Select(l => l.Section).ShouldBe(["Education", "Experience", "Projects", "Skills"]);
        lines.Single(l => l.Text.StartsWith("Wrote unit tests")).ShouldBe(new ResumeLine(7, "Experience", "Wrote unit tests for the checkout service and fixed 14 bugs", false, true));
    }
}
