using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Domain.Tests.Jobs;

public class job_kinds
{
    [Theory]
    [InlineData("Audit Intern", "")]
    [InlineData("Summer Internship 2026 - Data", "")]
    [InlineData("Data Analyst", "This is a 6 month paid internship with a monthly stipend.")]
    public void an_intern_title_or_internship_wording_reads_as_an_internship(string title, string description) =>
        JobKinds.TypeOf(title, description).ShouldBe(JobTypes.Internship);

    [Theory]
    [InlineData("Graduate Trainee - Audit", "")]
    [InlineData("Software Engineer", "Prior internship experience is a plus.")]
    [InlineData("Contract Manager", "You will draft and review vendor contracts.")]
    public void a_trainee_or_a_job_about_contracts_is_full_time(string title, string description) =>
        JobKinds.TypeOf(title, description).ShouldBe(JobTypes.FullTime);

    [Theory]
    [InlineData("Java Developer (Contract)", "")]
    [InlineData("Java Developer", "This is a 6 month contract role with our client.")]
    [InlineData("Content Writer", "Employment type: Contract")]
    public void contract_wording_reads_as_a_contract(string title, string description) =>
        JobKinds.TypeOf(title, description).ShouldBe(JobTypes.Contract);

    [Theory]
    [InlineData("Part-time Tutor", "")]
    [InlineData("Tutor", "A part time role, 20 hours a week.")]
    public void part_time_wording_reads_as_part_time(string title, string description) =>
        JobKinds.TypeOf(title, description).ShouldBe(JobTypes.PartTime);

    [Fact]
    public void a_part_time_mba_in_the_requirements_does_not_make_the_job_part_time() =>
        JobKinds.TypeOf("Analyst", "A full-time or part-time MBA is preferred.").ShouldBe(JobTypes.FullTime);

    [Theory]
    [InlineData("Remote - India", "")]
    [InlineData("Work from home", "")]
    [InlineData("Bengaluru", "This is a fully remote role.")]
    [InlineData(null, "You will work from home with a laptop we send you.")]
    public void remote_in_the_location_or_the_text_reads_as_remote(string? location, string description) =>
        JobKinds.WorkModeOf(location, description).ShouldBe(WorkModes.Remote);

    [Theory]
    [InlineData("Hybrid - Pune", "")]
    [InlineData("Pune", "We follow a hybrid working model.")]
    public void hybrid_in_the_location_or_the_text_reads_as_hybrid(string location, string description) =>
        JobKinds.WorkModeOf(location, description).ShouldBe(WorkModes.Hybrid);

    [Theory]
    [InlineData("Bangalore, Karnataka", "You will build hybrid cloud platforms and remote sensing pipelines.")]
    [InlineData("Gurgaon, HR, IN", "")]
    public void a_city_without_remote_or_hybrid_wording_is_on_site(string location, string description) =>
        JobKinds.WorkModeOf(location, description).ShouldBe(WorkModes.OnSite);

    [Theory]
    [InlineData(null)]
    [InlineData("India")]
    [InlineData("39 Locations")]
    public void without_a_city_or_any_wording_the_work_mode_is_unknown(string? location) =>
        JobKinds.WorkModeOf(location, "Audit associate for our tax practice.").ShouldBeNull();

    [Theory]
    [InlineData("Internship", ExperienceBands.Internship)]
    [InlineData("Entry level (0–2 years)", ExperienceBands.Entry)]
    [InlineData("Early career (2–5 years)", ExperienceBands.Early)]
    [InlineData("Experienced (5+ years)", ExperienceBands.Experienced)]
    public void the_enrichments_level_decides_the_experience(string level, string band) =>
        JobKinds.ExperienceOf("Senior Manager", "10 years of experience", level).ShouldBe(band);

    [Theory]
    [InlineData("Analyst", "Experience: 0-2 years", ExperienceBands.Entry)]
    [InlineData("Analyst", "3 to 5 years of experience in audit", ExperienceBands.Early)]
    [InlineData("Analyst", "Minimum 7 years in consulting", ExperienceBands.Experienced)]
    [InlineData("Analyst", "B.Tech (4 years) from a recognised university", ExperienceBands.Entry)]
    [InlineData("Tax Intern", "", ExperienceBands.Internship)]
    [InlineData("Director, Strategy", "", ExperienceBands.Experienced)]
    public void without_an_enrichment_the_experience_is_read_from_the_years_and_title(string title, string description, string band) =>
        JobKinds.ExperienceOf(title, description, null).ShouldBe(band);

    [Fact]
    public void every_constant_is_in_its_list()
    {
        JobTypes.All.ShouldBe(["internship", "full_time", "part_time", "contract"]);
        WorkModes.All.ShouldBe(["remote", "hybrid", "on_site"]);
        ExperienceBands.All.ShouldBe(["internship", "entry", "early", "experienced"]);
    }
}
