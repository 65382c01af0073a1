using OttobonJobs.Domain.Matching;

namespace OttobonJobs.Domain.Tests.Matching;

public class fit_score
{
    private static readonly FitConstants Constants = FitScore.MiniLm;

    [Fact]
    public void a_job_that_names_no_known_skill_is_scored_by_meaning_alone()
    {
        FitScore.Combine(0.30, 0, 0, Constants).ShouldBe(0);
        FitScore.Combine(0.65, 0, 0, Constants).ShouldBe(1);
        FitScore.Combine(0.475, 0, 0, Constants).ShouldBe(0.5, 1e-9);
    }

    [Fact]
    public void the_skills_weigh_more_the_more_of_them_the_job_names()
    {
        // Every skill held, the texts unrelated: the score is the skills' weight.
        var two = FitScore.Combine(0.1, 2, 0, Constants);
        var twelve = FitScore.Combine(0.1, 12, 0, Constants);

        two.ShouldBe(0.25, 1e-9);
        twelve.ShouldBeGreaterThan(two);
        twelve.ShouldBeLessThan(Constants.SkillWeight);
    }

    [Fact]
    public void the_score_stays_between_zero_and_one()
    {
        FitScore.Combine(-1, 0, 10, Constants).ShouldBe(0);
        FitScore.Combine(1, 10, 0, Constants).ShouldBe(1, 1e-9);
    }

    [Fact]
    public void a_score_below_the_strong_match_mark_is_a_gap()
    {
        var strong = FitScore.Score(0.70, ["SQL", "Python"], ["SQL", "Python"], "SQL and Python");
        var weak = FitScore.Score(0.35, ["SQL", "Python"], ["SQL"], "SQL");

        (strong.MatchScore, strong.GapDetected).ShouldBe((1.0, false));
        weak.GapDetected.ShouldBeTrue();
        weak.Skills.Missing.ShouldBe(["Python"]);
    }
}
