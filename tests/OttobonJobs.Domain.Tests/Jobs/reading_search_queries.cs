using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Domain.Tests.Jobs;

public class reading_search_queries
{
    [Theory]
    [InlineData("entry level audit role in Bengaluru", "entry level audit role", "Bengaluru", null)]
    [InlineData("entry level audit role in Bangalore", "entry level audit role", "Bengaluru", null)]
    [InlineData("data analyst Gurgaon", "data analyst", "Gurugram", null)]
    [InlineData("in Mumbai: tax analyst", "tax analyst", "Mumbai", null)]
    [InlineData("tax jobs based in Karnataka", "tax jobs", null, "Karnataka")]
    public void a_city_or_state_named_in_the_query_becomes_the_place_and_leaves_the_text(string query, string text, string? city, string? state)
    {
        var read = SearchQueryReader.Read(query);

        read.Text.ShouldBe(text);
        read.Place.ShouldNotBeNull();
        read.Place.City.ShouldBe(city);
        read.Place.State.ShouldBe(state ?? read.Place.State);
        read.WithoutPlace.ShouldBe(text);
    }

    [Theory]
    [InlineData("backend internship", "backend", JobTypes.Internship, null)]
    [InlineData("Intern for marketing", "for marketing", JobTypes.Internship, null)]
    [InlineData("full-time accountant", "accountant", JobTypes.FullTime, null)]
    [InlineData("part time tutor", "tutor", JobTypes.PartTime, null)]
    [InlineData("remote react developer", "react developer", null, WorkModes.Remote)]
    [InlineData("hybrid analyst internship", "analyst", JobTypes.Internship, WorkModes.Hybrid)]
    public void a_job_type_or_way_of_working_becomes_a_filter(string query, string text, string? jobType, string? workMode)
    {
        var read = SearchQueryReader.Read(query);

        read.Text.ShouldBe(text);
        read.JobType.ShouldBe(jobType);
        read.WorkMode.ShouldBe(workMode);
        read.Place.ShouldBeNull();
        read.WithoutJobType.ShouldBe(text);
    }

    [Fact]
    public void place_and_job_type_together_can_each_be_dropped()
    {
        var read = SearchQueryReader.Read("audit internship in Pune");

        (read.Text, read.Place?.City, read.JobType).ShouldBe(("audit", "Pune", JobTypes.Internship));
        read.WithoutPlace.ShouldBe("audit internship");
        read.WithoutJobType.ShouldBe("audit in Pune");
        SearchQueryReader.Read(read.WithoutPlace!).Place.ShouldBeNull();
    }

    [Theory]
    [InlineData("internal audit")]
    [InlineData("IT support engineer")]
    [InlineData("US GAAP accountant")]
    [InlineData("building REST APIs in Node")]
    public void words_that_only_look_like_filters_stay_in_the_text(string query)
    {
        var read = SearchQueryReader.Read(query);

        read.Text.ShouldBe(query);
        read.HasFilters.ShouldBeFalse();
    }

    [Theory]
    [InlineData("internships in Bengaluru")]
    [InlineData("jobs in Bangalore for interns")]
    [InlineData("any internship openings in Bengaluru")]
    public void a_query_that_is_only_filters_leaves_no_text(string query)
    {
        var read = SearchQueryReader.Read(query);

        read.Text.ShouldBe("");
        (read.Place?.City, read.JobType).ShouldBe(("Bengaluru", JobTypes.Internship));
    }
}
