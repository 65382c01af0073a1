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
