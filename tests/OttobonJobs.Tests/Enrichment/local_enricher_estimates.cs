using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Tests.Enrichment;

/// <summary>Salary, experience level and qualification: the parts of the enrichment read or looked up, not written.</summary>
public class local_enricher_estimates
{
    private readonly LocalJobEnricher enricher = new();

    private SalaryRange SalaryOf(JobToEnrich job) => enricher.Enrich(job).Salary;

    private static JobToEnrich Job(string title, string location, string description = "Freshers welcome.") =>
        new(title, "Deloitte", location, description, []);

    [Fact]
    public void an_entry_level_software_engineer_in_bengaluru_is_four_to_eight_lakh_a_year()
    {
        var salary = SalaryOf(JobFixtures.NodeBackend);

        salary.ShouldBe(new SalaryRange("INR", 400_000m, 800_000m, "year", "₹4L – ₹8L per year"));
    }

    [Fact]
    public void an_audit_associate_earns_less_outside_the_tier_1_metros()
    {
        var kolkata = SalaryOf(JobFixtures.AuditAssociate);
        var mumbai = SalaryOf(JobFixtures.AuditAssociate with { Location = "Mumbai, Maharashtra, India" });

        kolkata.Display.ShouldBe("₹3L – ₹5L per year");
        mumbai.Display.ShouldBe("₹3.5L – ₹6L per year");
    }

    [Theory]
    [InlineData("Gurugram")]
    [InlineData("Gurgaon, Haryana")]
    [InlineData("Bangalore")]
    [InlineData("Hyderabad / Pune")]
    [InlineData("New Delhi")]
    [InlineData("Noida, Uttar Pradesh, India")]
    [InlineData("Chennai")]
    public void tier_1_cities_pay_about_a_fifth_more_than_other_cities(string city)
    {
        var metro = SalaryOf(Job("Data Analyst", city));
        var other = SalaryOf(Job("Data Analyst", "Indore, Madhya Pradesh"));

        (metro.Min / other.Min).ShouldBeInRange(1.1m, 1.3m);
        (metro.Max / other.Max).ShouldBeInRange(1.1m, 1.3m);
    }

    [Fact]
    public void remote_roles_sit_between_metro_and_other_cities()
    {
        var remote = SalaryOf(Job("Software Engineer", "Remote, India"));

        remote.Min.ShouldBeGreaterThan(SalaryOf(Job("Software Engineer", "Jaipur")).Min);
        remote.Max.ShouldBeLessThan(SalaryOf(Job("Software Engineer", "Pune")).Max);
    }

    [Fact]
    public void an_internship_is_a_monthly_stipend()
    {
        var salary = SalaryOf(JobFixtures.TaxIntern);

        salary.ShouldBe(new SalaryRange("INR", 10_000m, 18_000m, "month", "₹10,000 – ₹18,000 per month"));
    }

    [Fact]
    public void pay_rises_with_seniority_and_differs_by_family()
    {
        var entry = SalaryOf(Job("Consultant", "Pune", "0-1 years of experience"));
        var early = SalaryOf(Job("Consultant", "Pune", "3-5 years of experience"));
        var experienced = SalaryOf(Job("Consultant", "Pune", "Minimum 7 years of relevant experience"));
        var financeOps = SalaryOf(Job("Accounts Payable Associate", "Pune"));

        early.Min.ShouldBeGreaterThan(entry.Max - 1);
        experienced.Min.ShouldBeGreaterThan(early.Min);
        financeOps.Max.ShouldBeLessThan(entry.Max);
    }

    [Theory]
    [InlineData("Chicago, IL, USA", "USD", "$")]
    [InlineData("New York, NY", "USD", "$")]
    [InlineData("London, United Kingdom", "GBP", "£")]
    [InlineData("Dublin, Ireland", "EUR", "€")]
    [InlineData("Singapore", "SGD", "S$")]
    [InlineData("Dubai, UAE", "AED", "AED ")]
    public void outside_india_the_estimate_is_in_local_currency(string location, string currency, string symbol)
    {
        var salary = SalaryOf(JobFixtures.UsStaffAccountant with { Location = location });

        salary.Currency.ShouldBe(currency);
        salary.Period.ShouldBe("year");
        salary.Display.ShouldStartWith(symbol);
    }

    [Fact]
    public void a_us_staff_accountant_is_in_dollars_and_tech_roles_abroad_pay_more()
    {
        var accountant = SalaryOf(JobFixtures.UsStaffAccountant);
        var engineer = SalaryOf(Job("Software Engineer", "Seattle, WA, USA"));

        accountant.ShouldBe(new SalaryRange("USD", 55_000m, 75_000m, "year", "$55,000 – $75,000 per year"));
        engineer.Min.ShouldBeGreaterThan(accountant.Min);
    }

    [Theory]
    [InlineData("Software Engineer", "0-2 years of experience in backend development", "Entry level (0–2 years)")]
    [InlineData("Software Engineer", "Freshers welcome; graduating 2025 batch.", "Entry level (0–2 years)")]
    [InlineData("Analyst", "1+ years of experience with SQL", "Entry level (0–2 years)")]
    [InlineData("Analyst", "Prior internship experience is a plus.", "Entry level (0–2 years)")]
    [InlineData("Consultant", "Minimum 3 years of relevant experience in risk advisory", "Early career (2–5 years)")]
    [InlineData("Consultant", "B.Tech (4 years) with 2-4 years of experience", "Early career (2–5 years)")]
    [InlineData("Engineer", "5+ yrs experience building APIs", "Experienced (5+ years)")]
    [InlineData("Summer Intern – Consulting", "Work with our teams.", "Internship")]
    [InlineData("Analyst", "This is a 6-month internship with a monthly stipend.", "Internship")]
    [InlineData("Article Assistant", "Articleship with our audit team.", "Internship")]
    [InlineData("Senior Consultant – Tax", "Join our team.", "Early career (2–5 years)")]
    [InlineData("Assistant Manager – Audit", "Join our team.", "Early career (2–5 years)")]
    [InlineData("Manager – Transfer Pricing", "Join our team.", "Experienced (5+ years)")]
    [InlineData("Associate", "Join our team.", "Entry level (0–2 years)")]
    public void the_experience_level_is_read_from_the_title_and_text(string title, string description, string level) =>
        enricher.Enrich(new JobToEnrich(title, "EY", "Pune", description, [])).ExperienceLevel.ShouldBe(level);

    [Theory]
    [InlineData("B.Com graduate with CA Inter cleared.", "B.Com or CA Inter")]
    [InlineData("Bachelor's degree in Computer Science or a related field.", "Bachelor's degree in Computer Science or a related field")]
    [InlineData("BCA/MCA with good coding skills.", "BCA or MCA")]
    [InlineData("BE/B.Tech in Electronics or Computer Science.", "B.Tech/B.E. in Electronics or Computer Science")]
    [InlineData("MBA from a premier institute.", "MBA/PGDM")]
    [InlineData("Qualified Chartered Accountant with Big-4 exposure.", "CA")]
    [InlineData("CA Inter or CA Final candidates.", "CA Inter or CA")]
    [InlineData("Any graduate can apply.", "Any graduate")]
    [InlineData("B.Tech in IT; CISA or CEH preferred.", "B.Tech/B.E. in IT, plus CISA or CEH")]
    public void the_qualification_is_read_from_the_text(string description, string qualification) =>
        enricher.Enrich(new JobToEnrich("Associate", "EY", "Pune", description, [])).Qualification.ShouldBe(qualification);

    [Theory]
    [InlineData("Audit Associate", "Typically a B.Com or M.Com with CA Inter, CA or ACCA (pursuing or qualified)")]
    [InlineData("Software Engineer", "Typically a B.Tech/B.E., BCA or MCA in Computer Science, IT or a related field")]
    public void without_a_stated_qualification_the_familys_usual_one_is_given(string title, string qualification) =>
        enricher.Enrich(new JobToEnrich(title, "EY", "San Jose, CA", "Join our team in San Jose, CA.", [])).Qualification.ShouldBe(qualification);
}
