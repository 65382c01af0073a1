using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Domain.Tests.Jobs;

public class job_salary
{
    private static readonly SalaryRange Published = new("INR", 550_000m, 750_000m, "year", "₹5.5L – ₹7.5L per year");
    private static readonly SalaryRange Estimated = new("INR", 400_000m, 700_000m, "year", "₹4L – ₹7L per year");

    [Fact]
    public void a_published_salary_is_shown_instead_of_the_estimate() => JobSalary.Shown(Published, Estimated).ShouldBe(Published);

    [Fact]
    public void without_a_published_salary_the_estimate_is_shown() => JobSalary.Shown(null, Estimated).ShouldBe(Estimated);

    [Fact]
    public void a_published_salary_is_shown_before_any_estimate_exists() => JobSalary.Shown(Published, null).ShouldBe(Published);
}
