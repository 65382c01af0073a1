namespace OttobonJobs.Domain.Ingestion;

/// <summary>
/// What the ingestion keeps from a career site: entry-level titles in India, remote, or somewhere unknown.
/// Words and phrases match whole words only, case-insensitively: "Lead" rejects "Team Lead" but not "Leadership
/// Development Program". A list given in configuration replaces the default one.
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

    /// <summary>India and its states, union territories and cities where these firms hire, with older spellings.</summary>
    public static readonly IReadOnlyList<string> DefaultAcceptedLocations =
    [
        "India",
        // States and union territories
        "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat", "Haryana",
        "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh", "Maharashtra", "Manipur", "Meghalaya",
        "Mizoram", "Nagaland", "Odisha", "Orissa", "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura",
        "Uttar Pradesh", "Uttarakhand", "West Bengal", "Jammu", "Kashmir", "Ladakh", "Puducherry", "Pondicherry",
        "Andaman", "Lakshadweep", "Delhi", "NCR",
        // Cities
        "Bengaluru", "Bangalore", "Mumbai", "Bombay", "Navi Mumbai", "Thane", "Gurugram", "Gurgaon", "Hyderabad",
        "Secunderabad", "Pune", "Chennai", "Madras", "Kolkata", "Calcutta", "New Delhi", "Noida", "Greater Noida",
        "Ghaziabad", "Faridabad", "Kochi", "Cochin", "Ahmedabad", "Gandhinagar", "Jaipur", "Chandigarh", "Mohali",
        "Lucknow", "Indore", "Bhopal", "Nagpur", "Nashik", "Coimbatore", "Madurai", "Thiruvananthapuram", "Trivandrum",
        "Visakhapatnam", "Vizag", "Vijayawada", "Vadodara", "Baroda", "Surat", "Bhubaneswar", "Mysuru", "Mysore",
        "Mangaluru", "Mangalore", "Kanpur", "Patna", "Ranchi", "Raipur", "Guwahati", "Dehradun", "Amritsar",
        "Ludhiana", "Jamshedpur", "Kozhikode", "Calicut", "Siliguri", "Aurangabad",
    ];

    public static readonly IReadOnlyList<string> RemoteWords = ["remote", "work from home", "wfh", "anywhere"];

    public IReadOnlyList<string> RejectedTitleWords { get; init; } = DefaultRejectedTitleWords;
    public IReadOnlyList<string> AcceptedLocations { get; init; } = DefaultAcceptedLocations;

    /// <summary>Keep postings whose location says remote / work from home.</summary>
    public bool KeepRemote { get; init; } = true;

    /// <summary>Keep postings with no location at all: better to show them than to lose an Indian role.</summary>
    public bool KeepUnknownLocation { get; init; } = true;
}

/// <summary>Decides, from the listing alone, whether a posting is worth fetching. Pure and thread-safe.</summary>
public sealed class PostingFilter(PostingFilterOptions options)
{
    private readonly WordMatcher _seniorWords = new(options.RejectedTitleWords);
    private readonly WordMatcher _places = new(options.AcceptedLocations);
    private readonly WordMatcher _remote = new(PostingFilterOptions.RemoteWords);

    public PostingFilter() : this(new PostingFilterOptions()) { }

    /// <summary>Null when the posting is kept; otherwise why it is left out (for logs).</summary>
    public string? ReasonToSkip(string title, string? location)
    {
        if (_seniorWords.FirstMatch(title) is { } word) return $"title says \"{word}\"";
        return IsWantedLocation(location) ? null : $"location \"{location}\" is outside India";
    }

    public bool Keeps(string title, string? location) => ReasonToSkip(title, location) is null;

    public bool IsEntryLevelTitle(string title) => _seniorWords.FirstMatch(title) is null;

    public bool IsWantedLocation(string? location)
    {
        if (string.IsNullOrWhiteSpace(location)) return options.KeepUnknownLocation;
        if (_places.FirstMatch(location) is not null) return true;
        return options.KeepRemote && _remote.FirstMatch(location) is not null;
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
