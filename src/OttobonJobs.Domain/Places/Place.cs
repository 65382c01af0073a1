namespace OttobonJobs.Domain.Places;

/// <summary>
/// A place as normalised from a location text: canonical city, state and country names ("Bengaluru", "Karnataka",
/// "India"), any of which may be unknown, and the country's ISO 3166 alpha-2 code ("IN").
/// </summary>
public sealed record Place(string? City, string? State, string? Country, string? CountryCode)
{
    /// <summary>What a job card shows: "Bengaluru, Karnataka"; a country alone when nothing narrower is known.</summary>
    public string Label => Join(City, State) ?? Join(State, Country) ?? Country ?? "";

    /// <summary>Enough to say where it is: "New York, United States", "Karnataka, India".</summary>
    public string Named => Join(City ?? State, Country) ?? Label;

    public override string ToString() => Named;

    private static string? Join(string? first, string? second) =>
        first is null ? null : second is null || second == first ? first : $"{first}, {second}";
}

/// <summary>
/// A location text as read: the places it names (several when the text lists several), whether it says remote,
/// and whether it only counts places without naming them ("39 Locations", "Multiple Locations"). The original text is kept.
/// </summary>
public sealed record PlaceReading(string? Text, IReadOnlyList<Place> Places, bool Remote, bool OnlyCountsPlaces)
{
    public static readonly PlaceReading Empty = new(null, [], false, false);

    /// <summary>The text says nothing about where: missing, blank, or a count of places.</summary>
    public bool NamesNoPlace => Places.Count == 0 && !Remote && (OnlyCountsPlaces || string.IsNullOrWhiteSpace(Text));

    /// <summary>The text names no place this reader knows, nor remote: a town missing from its lists, or not a place at all.</summary>
    public bool IsUnrecognised => Places.Count == 0 && !Remote && !NamesNoPlace;

    /// <summary>The first place, which read models show.</summary>
    public Place? Primary => Places.Count > 0 ? Places[0] : null;

    /// <summary>What a card shows: the first place's "City, State", "Remote" when that is all, else the text as written.</summary>
    public string? Label => Primary?.Label ?? (Remote ? "Remote" : Text);
}

/// <summary>A place named inside free text, and where its name stands: <paramref name="Length"/> characters from <paramref name="Start"/>.</summary>
public sealed record PlaceMention(Place Place, int Start, int Length);
