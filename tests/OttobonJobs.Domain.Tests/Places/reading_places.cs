using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Places;

namespace OttobonJobs.Domain.Tests.Places;

public class reading_places
{
    /// <summary>Location texts as the career sites write them, and the one place each names ("" = unknown part).</summary>
    [Theory]
    [InlineData("Bengaluru, Karnataka, India", "Bengaluru", "Karnataka", "IN")]
    [InlineData("Bangalore", "Bengaluru", "Karnataka", "IN")]
    [InlineData("IN-KA-Bangalore", "Bengaluru", "Karnataka", "IN")]
    [InlineData("IN-MH-Mumbai", "Mumbai", "Maharashtra", "IN")]
    [InlineData("Bangalore Millenia", "Bengaluru", "Karnataka", "IN")]
    [InlineData("Bengaluru, KA, IN, 560016", "Bengaluru", "Karnataka", "IN")]
    [InlineData("Gurgaon, Haryana", "Gurugram", "Haryana", "IN")]
    [InlineData("Gurugram, HR, IN, 122002", "Gurugram", "Haryana", "IN")]
    [InlineData("Hyderabad, Telangana, IND", "Hyderabad", "Telangana", "IN")]
    [InlineData("Hyderabad, TS, India", "Hyderabad", "Telangana", "IN")]
    [InlineData("Bombay", "Mumbai", "Maharashtra", "IN")]
    [InlineData("Mumbai, Maharashtra, India", "Mumbai", "Maharashtra", "IN")]
    [InlineData("Madras", "Chennai", "Tamil Nadu", "IN")]
    [InlineData("Chennai, TN", "Chennai", "Tamil Nadu", "IN")]
    [InlineData("Calcutta", "Kolkata", "West Bengal", "IN")]
    [InlineData("Kolkata, WB, IN, 700091", "Kolkata", "West Bengal", "IN")]
    [InlineData("Cochin", "Kochi", "Kerala", "IN")]
    [InlineData("Trivandrum, Kerala", "Thiruvananthapuram", "Kerala", "IN")]
    [InlineData("Mysore", "Mysuru", "Karnataka", "IN")]
    [InlineData("Baroda, Gujarat", "Vadodara", "Gujarat", "IN")]
    [InlineData("Pondicherry", "Puducherry", "Puducherry", "IN")]
    [InlineData("Mangalore", "Mangaluru", "Karnataka", "IN")]
    [InlineData("Calicut", "Kozhikode", "Kerala", "IN")]
    [InlineData("Vizag", "Visakhapatnam", "Andhra Pradesh", "IN")]
    [InlineData("Poona", "Pune", "Maharashtra", "IN")]
    [InlineData("Pune, MH, IN", "Pune", "Maharashtra", "IN")]
    [InlineData("New Delhi, Delhi, India", "New Delhi", "Delhi", "IN")]
    [InlineData("Delhi NCR", "Delhi NCR", "Delhi", "IN")]
    [InlineData("Noida, Uttar Pradesh", "Noida", "Uttar Pradesh", "IN")]
    [InlineData("Jaipur, Rajasthan", "Jaipur", "Rajasthan", "IN")]
    [InlineData("Dehradun, UK", "Dehradun", "Uttarakhand", "IN")]
    [InlineData("Manesar, Haryana", "Manesar", "Haryana", "IN")]
    [InlineData("Sriperumbudur, Tamil Nadu, India", "Sriperumbudur", "Tamil Nadu", "IN")]
    [InlineData("Tamil Nadu", "", "Tamil Nadu", "IN")]
    [InlineData("Orissa", "", "Odisha", "IN")]
    [InlineData("India", "", "", "IN")]
    [InlineData("IN", "", "", "IN")]
    [InlineData("Remote - India", "", "", "IN")]
    [InlineData("New York, NY, United States", "New York", "New York", "US")]
    [InlineData("New York, NY", "New York", "New York", "US")]
    [InlineData("Austin, TX", "Austin", "Texas", "US")]
    [InlineData("Sunnyvale, CA", "Sunnyvale", "California", "US")]
    [InlineData("Indianapolis, IN", "Indianapolis", "Indiana", "US")]
    [InlineData("Memphis, TN, USA", "Memphis", "Tennessee", "US")]
    [InlineData("Chicago, Illinois, U.S.A.", "Chicago", "Illinois", "US")]
    [InlineData("United States", "", "", "US")]
    [InlineData("US", "", "", "US")]
    [InlineData("London, United Kingdom", "London", "", "GB")]
    [InlineData("Manchester, England", "Manchester", "", "GB")]
    [InlineData("Edinburgh, UK", "Edinburgh", "", "GB")]
    [InlineData("Toronto, ON, Canada", "Toronto", "", "CA")]
    [InlineData("Singapore", "", "", "SG")]
    [InlineData("Dubai, United Arab Emirates", "Dubai", "", "AE")]
    [InlineData("Abu Dhabi, UAE", "Abu Dhabi", "", "AE")]
    [InlineData("São Paulo, Brazil", "Sao Paulo", "", "BR")]
    [InlineData("Punekar Street, Lisbon", "Lisbon", "", "PT")]
    [InlineData("Colombo, Sri Lanka", "Colombo", "", "LK")]
    public void a_location_text_names_one_place(string text, string city, string state, string country)
    {
        var place = PlaceReader.Read(text).Places.ShouldHaveSingleItem();

        (place.City ?? "", place.State ?? "", place.CountryCode).ShouldBe((city, state, country));
    }

    [Theory]
    [InlineData("Mumbai | Pune", "Mumbai", "Pune")]
    [InlineData("Hyderabad, Telangana; Bengaluru, Karnataka", "Hyderabad", "Bengaluru")]
    [InlineData("Gurgaon / Noida", "Gurugram", "Noida")]
    [InlineData("Chennai & Coimbatore", "Chennai", "Coimbatore")]
    [InlineData("Kolkata, Bangalore, London", "Kolkata", "Bengaluru", "London")]
    public void a_text_that_lists_several_places_gives_each(string text, params string[] cities) =>
        PlaceReader.Read(text).Places.Select(p => p.City).ShouldBe(cities);

    [Theory]
    [InlineData("39 Locations")]
    [InlineData("2 Locations")]
    [InlineData("Multiple Locations")]
    [InlineData("various locations")]
    [InlineData("")]
    [InlineData(null)]
    public void a_count_of_places_or_nothing_names_no_place(string? text)
    {
        var reading = PlaceReader.Read(text);

        reading.Places.ShouldBeEmpty();
        reading.NamesNoPlace.ShouldBeTrue();
        reading.Text.ShouldBe(text);
    }

    [Fact]
    public void the_original_text_is_kept_and_the_card_shows_city_and_state()
    {
        var reading = PlaceReader.Read("IN-KA-Bangalore");

        reading.Text.ShouldBe("IN-KA-Bangalore");
        reading.Label.ShouldBe("Bengaluru, Karnataka");
        reading.Primary!.Country.ShouldBe("India");
        PlaceReader.Read("New York, NY, United States").Primary!.Named.ShouldBe("New York, United States");
    }

    [Fact]
    public void remote_is_read_with_or_without_a_country()
    {
        PlaceReader.Read("Remote").Remote.ShouldBeTrue();
        PlaceReader.Read("Remote").Places.ShouldBeEmpty();
        PlaceReader.Read("Work from home").Remote.ShouldBeTrue();
        var india = PlaceReader.Read("Remote - India");
        (india.Remote, india.Primary!.CountryCode).ShouldBe((true, "IN"));
    }

    [Fact]
    public void a_text_that_is_no_known_place_is_unrecognised_not_empty()
    {
        var reading = PlaceReader.Read("Springfield");

        reading.IsUnrecognised.ShouldBeTrue();
        reading.NamesNoPlace.ShouldBeFalse();
        reading.Label.ShouldBe("Springfield");
    }

    [Theory]
    [InlineData("Bangalore", "Bengaluru")]
    [InlineData("bengaluru", "Bengaluru")]
    [InlineData("Gurgaon", "Gurugram")]
    [InlineData("Trivandrum", "Thiruvananthapuram")]
    [InlineData("Karnataka", null)]
    [InlineData("Bangalore office", null)]
    public void a_city_spelling_has_one_canonical_name(string text, string? canonical) =>
        PlaceReader.CanonicalCity(text).ShouldBe(canonical);
}

public class the_location_filter
{
    private readonly PostingFilter _filter = new();

    [Theory]
    [InlineData("Bengaluru, Karnataka, India")]
    [InlineData("Bangalore Millenia")]
    [InlineData("Gurugram, HR, IN, 122002")]
    [InlineData("Kolkata, WB, IN, 700091")]
    [InlineData("Delhi NCR")]
    [InlineData("Tamil Nadu")]
    [InlineData("India")]
    [InlineData("Remote")]
    [InlineData("Remote - India")]
    [InlineData("Work from home")]
    [InlineData("London | Pune")]
    public void keeps_india_and_remote(string location) => _filter.IsWantedLocation(location).ShouldBeTrue();

    [Theory]
    [InlineData("London, United Kingdom")]
    [InlineData("Singapore")]
    [InlineData("New York, NY, United States")]
    [InlineData("Dubai, United Arab Emirates")]
    [InlineData("Indianapolis, IN")]
    [InlineData("Punekar Street, Lisbon")]
    [InlineData("Remote - United States")]
    public void leaves_out_places_abroad(string location) => _filter.IsWantedLocation(location).ShouldBeFalse();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("39 Locations")]
    public void keeps_an_unknown_location_by_default_but_asks_the_detail_page(string? location)
    {
        _filter.IsWantedLocation(location).ShouldBeTrue();
        _filter.NeedsDetail(location).ShouldBeTrue();
    }

    [Fact]
    public void a_known_place_needs_no_detail_page()
    {
        _filter.NeedsDetail("Pune").ShouldBeFalse();
        _filter.NeedsDetail("London").ShouldBeFalse();
        _filter.NeedsDetail("Springfield").ShouldBeTrue();
    }

    [Fact]
    public void remote_and_unknown_can_be_turned_off()
    {
        var strict = new PostingFilter(new PostingFilterOptions { KeepRemote = false, KeepUnknownLocation = false });

        strict.IsWantedLocation("Remote").ShouldBeFalse();
        strict.IsWantedLocation(null).ShouldBeFalse();
        strict.IsWantedLocation("Remote - Bengaluru").ShouldBeTrue();
        strict.ReasonToSkip("Analyst", "39 Locations", PostingFilter.FromDetail)
            .ShouldBe("the detail page names no place (\"39 Locations\"), and unknown locations are not kept");
    }

    [Fact]
    public void configured_countries_replace_india()
    {
        var filter = new PostingFilter(new PostingFilterOptions { AcceptedCountries = ["Sri Lanka", "IN"] });

        filter.IsWantedLocation("Colombo, Sri Lanka").ShouldBeTrue();
        filter.IsWantedLocation("Mumbai").ShouldBeTrue();
        filter.ReasonToSkip("Analyst", "London").ShouldBe("the listing places it in London, United Kingdom, outside Sri Lanka and India");
        new PostingFilter(new PostingFilterOptions { AcceptedCountries = ["LK"] }).IsWantedLocation("Mumbai").ShouldBeFalse();
    }

    [Fact]
    public void the_reason_to_skip_names_the_place_and_where_it_was_read()
    {
        _filter.ReasonToSkip("Audit Associate", "Pune").ShouldBeNull();
        _filter.ReasonToSkip("Senior Analyst", "Pune").ShouldBe("title says \"senior\"");
        _filter.ReasonToSkip("Audit Associate", "London").ShouldBe("the listing places it in London, United Kingdom, outside India");
        _filter.ReasonToSkip("Audit Associate", "New York, NY, United States", PostingFilter.FromDetail)
            .ShouldBe("the detail page places it in New York, United States, outside India");
        _filter.ReasonToSkip("Audit Associate", "Springfield").ShouldBe("the listing says \"Springfield\", not a place known in India");
    }
}
