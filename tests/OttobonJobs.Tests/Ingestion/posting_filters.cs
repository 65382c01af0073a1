using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Tests.Ingestion;

public class the_entry_level_title_filter
{
    private readonly PostingFilter _filter = new();

    [Theory]
    [InlineData("Senior Consultant – Risk Advisory")]
    [InlineData("Sr. Data Engineer")]
    [InlineData("Sr/Analyst")]
    [InlineData("Manager – Direct Tax")]
    [InlineData("Assistant Manager - Audit")]
    [InlineData("Director, Cyber Security")]
    [InlineData("Associate Director – Deals")]
    [InlineData("Team Lead – SAP Technology")]
    [InlineData("Lead Analyst")]
    [InlineData("Head of Learning & Development")]
    [InlineData("Principal Architect")]
    [InlineData("Solution Architect")]
    [InlineData("Partner – Tax")]
    [InlineData("VP, Strategy")]
    [InlineData("Chief of Staff")]
    [InlineData("Staff Engineer")]
    [InlineData("Staff Software Engineer - Platform")]
    [InlineData("SENIOR ASSOCIATE")]
    public void rejects_senior_titles(string title) => _filter.IsEntryLevelTitle(title).ShouldBeFalse();

    [Theory]
    [InlineData("Audit Associate")]
    [InlineData("Analyst – Internal Audit")]
    [InlineData("Tax Intern")]
    [InlineData("Graduate Trainee – Audit & Assurance")]
    [InlineData("Trainee Consultant")]
    [InlineData("Consultant – Strategy & Operations")]
    [InlineData("Associate Software Engineer")]
    [InlineData("Leadership Development Program – Analyst")]
    [InlineData("Headquarters Operations Associate")]
    [InlineData("Partnerships Analyst")]
    [InlineData("Assurance Staff")]
    [InlineData("Staff Accountant")]
    public void accepts_entry_level_titles(string title) => _filter.IsEntryLevelTitle(title).ShouldBeTrue();

    [Fact]
    public void leadership_is_not_lead_but_team_lead_is()
    {
        _filter.IsEntryLevelTitle("Leadership Associate").ShouldBeTrue();
        _filter.IsEntryLevelTitle("Team Lead").ShouldBeFalse();
    }

    [Fact]
    public void a_phrase_matches_only_as_consecutive_words()
    {
        var filter = new PostingFilter(new PostingFilterOptions { RejectedTitleWords = ["associate director"] });

        filter.IsEntryLevelTitle("Associate Director, Audit").ShouldBeFalse();
        filter.IsEntryLevelTitle("Associate to the Director's office").ShouldBeTrue();
        filter.IsEntryLevelTitle("Associate").ShouldBeTrue();
    }

    [Fact]
    public void the_reason_to_skip_names_the_word_found()
    {
        _filter.ReasonToSkip("Senior Analyst", "Pune").ShouldBe("title says \"senior\"");
        _filter.ReasonToSkip("Analyst", "Pune").ShouldBeNull();
    }
}

public class the_location_filter
{
    private readonly PostingFilter _filter = new();

    [Theory]
    [InlineData("Bengaluru, Karnataka, India")]
    [InlineData("Bangalore Millenia")]
    [InlineData("Mumbai")]
    [InlineData("Gurugram, HR, IN, 122002")]
    [InlineData("Gurgaon")]
    [InlineData("Hyderabad")]
    [InlineData("Pune")]
    [InlineData("Chennai")]
    [InlineData("Kolkata, WB, IN, 700091")]
    [InlineData("New Delhi")]
    [InlineData("Delhi NCR")]
    [InlineData("Noida")]
    [InlineData("Kochi")]
    [InlineData("Ahmedabad")]
    [InlineData("Jaipur, Rajasthan")]
    [InlineData("Tamil Nadu")]
    [InlineData("India")]
    [InlineData("Remote")]
    [InlineData("Remote - India")]
    [InlineData("Work from home")]
    public void keeps_india_and_remote(string location) => _filter.IsWantedLocation(location).ShouldBeTrue();

    [Theory]
    [InlineData("London, United Kingdom")]
    [InlineData("Singapore")]
    [InlineData("New York, NY, United States")]
    [InlineData("Dubai, United Arab Emirates")]
    [InlineData("Indianapolis, IN")]
    [InlineData("Punekar Street, Lisbon")]
    public void leaves_out_places_abroad(string location) => _filter.IsWantedLocation(location).ShouldBeFalse();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void keeps_an_unknown_location_by_default(string? location) => _filter.IsWantedLocation(location).ShouldBeTrue();

    [Fact]
    public void remote_and_unknown_can_be_turned_off()
    {
        var strict = new PostingFilter(new PostingFilterOptions { KeepRemote = false, KeepUnknownLocation = false });

        strict.IsWantedLocation("Remote").ShouldBeFalse();
        strict.IsWantedLocation(null).ShouldBeFalse();
        strict.IsWantedLocation("Remote - Bengaluru").ShouldBeTrue();
    }

    [Fact]
    public void configured_places_replace_the_default_ones()
    {
        var filter = new PostingFilter(new PostingFilterOptions { AcceptedLocations = ["Colombo"] });

        filter.IsWantedLocation("Colombo, Sri Lanka").ShouldBeTrue();
        filter.IsWantedLocation("Mumbai").ShouldBeFalse();
    }

    [Fact]
    public void a_posting_is_kept_only_when_both_title_and_place_fit()
    {
        _filter.Keeps("Audit Associate", "Pune").ShouldBeTrue();
        _filter.Keeps("Audit Associate", "London").ShouldBeFalse();
        _filter.Keeps("Audit Manager", "Pune").ShouldBeFalse();
        _filter.ReasonToSkip("Audit Associate", "London").ShouldBe("location \"London\" is outside India");
    }
}
