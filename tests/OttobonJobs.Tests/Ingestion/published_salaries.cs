using OttobonJobs.Api.Adapters.Scrapers.Employers;

namespace OttobonJobs.Tests.Ingestion;

public class published_salaries
{
    [Theory]
    [InlineData("₹6,00,000 - ₹9,00,000", 600_000, 900_000, "year", "₹6L – ₹9L per year")]
    [InlineData("INR 6-9 LPA", 600_000, 900_000, "year", "₹6L – ₹9L per year")]
    [InlineData("₹4.5L – ₹7L per annum", 450_000, 700_000, "year", "₹4.5L – ₹7L per year")]
    [InlineData("6 LPA", 600_000, 600_000, "year", "₹6L per year")]
    [InlineData("Stipend: ₹25,000 per month", 25_000, 25_000, "month", "₹25,000 per month")]
    [InlineData("Rs. 30,000 - 40,000/month", 30_000, 40_000, "month", "₹30,000 – ₹40,000 per month")]
    [InlineData("CTC 12 lakhs", 1_200_000, 1_200_000, "year", "₹12L per year")]
    public void rupee_salaries_in_the_forms_indian_employers_write_are_read(string text, decimal min, decimal max, string period, string display)
    {
        var salary = PublishedSalary.Parse(text).ShouldNotBeNull();

        (salary.Currency, salary.Min, salary.Max, salary.Period, salary.Display).ShouldBe(("INR", min, max, period, display));
    }

    [Theory]
    [InlineData("$80,000 - $100,000")]
    [InlineData("USD 90k")]
    [InlineData("Competitive")]
    [InlineData("600000 - 900000")] // no currency named
    [InlineData("")]
    public void other_currencies_and_text_without_an_amount_in_rupees_are_not_read(string text) =>
        PublishedSalary.Parse(text).ShouldBeNull();

    [Fact]
    public void structured_amounts_are_kept_in_rupees_a_year_or_a_month_only()
    {
        PublishedSalary.FromAmounts("INR", 1_500_000m, 2_200_000m, "1 YEAR").ShouldNotBeNull().Period.ShouldBe("year");
        PublishedSalary.FromAmounts("INR", 30_000m, 40_000m, "per-month-salary").ShouldNotBeNull().Period.ShouldBe("month");
        PublishedSalary.FromAmounts("INR", 500m, 800m, "per-hour-wage").ShouldBeNull();
        PublishedSalary.FromAmounts("USD", 90_000m, 120_000m, "1 YEAR").ShouldBeNull();
    }
}
