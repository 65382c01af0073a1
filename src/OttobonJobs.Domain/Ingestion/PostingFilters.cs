using OttobonJobs.Domain.Places;

namespace OttobonJobs.Domain.Ingestion;

/// <summary>
/// What the ingestion keeps from a career site: entry-level titles in India (or the configured countries), remote,
/// or somewhere unknown. Title words and phrases match whole words only, case-insensitively: "Lead" rejects "Team
/// Lead" but not "Leadership Development Program". Locations are read by <see cref="PlaceReader"/>. A list given in
/// configuration replaces the default one.
/// </summary>
public record PostingFilterOptions
{
    /// <summary>
    /// Words or phrases that mark a title as senior. "Staff" alone is not one: EY and others use it as their
    /// entry-level rank ("Assurance Staff", "Staff Accountant"); only the engineering ladder's "Staff Engineer" is.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultRejectedTitleWords =
    [
        "senior", "sr", "snr", "manager", "managing", "director", "associate director", "lead", "head", "principal",
        "partner", "architect", "vp", "avp", "svp", "evp", "vice president", "chief", "president",
        "staff engineer", "staff software engineer", "staff data scientist", "expert", "executive director",
    ];

    /// <summary>The countries whose postings are kept, by name or ISO code: India by default.</summary>
    public static readonly IReadOnlyList<string> DefaultAcceptedCountries = ["India"];

    public IReadOnlyList<string> RejectedTitleWords { get; init; } = DefaultRejectedTitleWords;
    public IReadOnlyList<string> AcceptedCountries { get; init; } = DefaultAcceptedCountries;

    /// <summary>Keep postings whose location says remote / work from home.</summary>
    public bool KeepRemote { get; init; } = true;

    /// <summary>Keep postings with no location at all: better to show them than to lose an Indian role.</summary>
    public bool KeepUnknownLocation { get; init; } = true;
}

/// <summary>
/// Decides whether a posting is worth keeping, from its title and where it is. Pure and thread-safe. A listing that
/// names no place ("39 Locations", nothing) or none this filter knows is undecided: <see cref="NeedsDetail"/> says so, and
/// the location is judged again on what the detail page says.
/// </summary>
public sealed class PostingFilter
{
    /// <summary>Where the location being judged came from, for the reason to skip.</summary>
    public const string FromListing = "the listing";
    public const string FromDetail = "the detail page";

    private readonly PostingFilterOptions _options;
    private readonly WordMatcher _seniorWords;
    private readonly HashSet<string> _countries;
    private readonly string _accepted;

    public PostingFilter(PostingFilterOptions options)
    {
        _options = options;
        _seniorWords = new WordMatcher(options.RejectedTitleWords);
        var countries = options.AcceptedCountries
            .Select(c => PlaceReader.Country(c) ?? (c.Trim().ToUpperInvariant(), c.Trim()))
            .ToList();
        _countries = countries.Select(c => c.Code).ToHashSet();
        _accepted = string.Join(" and ", countries.Select(c => c.Name).Distinct());
    }

    public PostingFilter() : this(new PostingFilterOptions()) { }

    /// <summary>Null when the posting is kept; otherwise why it is left out, naming where the location was read.</summary>
    public string? ReasonToSkip(string title, string? location, string from = FromListing) =>
        TitleReason(title) ?? LocationReason(PlaceReader.Read(location), from);

    public bool Keeps(string title, string? location) => ReasonToSkip(title, location) is null;

    /// <summary>Why the title is left out ("title says \"senior\""); null for an entry-level title.</summary>
    public string? TitleReason(string title) => _seniorWords.FirstMatch(title) is { } word ? $"title says \"{word}\"" : null;

    public bool IsEntryLevelTitle(string title) => TitleReason(title) is null;

    public bool IsWantedLocation(string? location) => LocationReason(PlaceReader.Read(location), FromListing) is null;

    /// <summary>The location says nothing the filter can judge: the detail page must say where the posting is.</summary>
    public bool NeedsDetail(string? location) => PlaceReader.Read(location) is { } reading && (reading.NamesNoPlace || reading.IsUnrecognised);

    /// <summary>Why a posting at <paramref name="place"/> is left out; null when it is kept.</summary>
    public string? LocationReason(PlaceReading place, string from)
    {
        if (place.Places.Count > 0)
        {
            return place.Places.Any(p => p.CountryCode is { } code && _countries.Contains(code))
                ? null
                : $"{from} places it in {string.Join(" and ", place.Places.Select(p => p.Named))}, outside {_accepted}";
        }
        if (place.Remote) return _options.KeepRemote ? null : $"{from} says remote (\"{place.Text}\"), and remote roles are not kept";
        if (place.NamesNoPlace)
        {
            return _options.KeepUnknownLocation ? null
                : $"{from} names no place{(string.IsNullOrWhiteSpace(place.Text) ? "" : $" (\"{place.Text}\")")}, and unknown locations are not kept";
        }
        return $"{from} says \"{place.Text}\", not a place known in {_accepted}";
    }
}

/// <summary>Finds whole words or phrases in text: "lead" is in "Team Lead", not in "Leadership".</summary>
internal sealed class WordMatcher(IEnumerable<string> phrases)
{
    private readonly (string Phrase, string[] Words)[] _phrases = phrases
        .Select(p => (Phrase: p, Words: Words(p)))
        .Where(p => p.Words.Length > 0)
        .ToArray();

    /// <summary>The first configured phrase found in <paramref name="text"/>, or null.</summary>
    public string? FirstMatch(string text)
    {
        var words = Words(text);
        foreach (var (phrase, phraseWords) in _phrases)
        {
            for (var start = 0; start + phraseWords.Length <= words.Length; start++)
            {
                if (phraseWords.AsSpan().SequenceEqual(words.AsSpan(start, phraseWords.Length))) return phrase;
            }
        }
        return null;
    }

    /// <summary>Lower-case runs of letters and digits: "Sr.Analyst/Team-Lead" → sr, analyst, team, lead.</summary>
    private static string[] Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return [.. words];
    }
}
