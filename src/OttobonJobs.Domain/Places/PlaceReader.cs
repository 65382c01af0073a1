using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OttobonJobs.Domain.Places;

/// <summary>
/// Reads a location text as career sites write it — "Bengaluru, Karnataka, India", "IN-KA-Bangalore", "Gurgaon, HR, IN,
/// 122002", "Mumbai | Pune", "Remote - India", "New York, NY, United States", "39 Locations" — into normalised places.
/// Pure and thread-safe.
/// <para>
/// How: the text is cut into pieces at commas, hyphens, bars, slashes, semicolons and brackets. An upper-case piece of two
/// or three letters is a code (ISO country, Indian state, US state), read in the context of the rest: "IN" is India
/// beside an Indian name or alone, Indiana after a US or unknown city. Every other piece is scanned word by word for the
/// longest known name (city, state, country, remote). Each city found is a place (with its own state and country
/// when the text gives none); without a city, each state, then each country, is one. An unknown piece before a known
/// state or country is taken as its city ("Manesar, Haryana").
/// </para>
/// </summary>
public static partial class PlaceReader
{
    private const int LongestName = 6;

    private static readonly string[] RemotePhrases = ["remote", "work from home", "wfh", "anywhere", "fully remote", "home based"];

    /// <summary>Words that make a piece something other than a town's name.</summary>
    private static readonly HashSet<string> NotTownWords =
    [
        "remote", "hybrid", "onsite", "on", "site", "office", "home", "campus", "hq", "headquarters", "any", "other", "locations",
        "location", "multiple", "various", "several", "flexible", "work", "from", "wfh", "anywhere", "virtual", "region",
    ];

    private abstract record Name;
    private sealed record CityName(Gazetteer.City City) : Name;
    private sealed record StateName(Gazetteer.State State) : Name;
    private sealed record CountryName(Gazetteer.Country Country) : Name;
    private sealed record RemoteName : Name;

    private static readonly Dictionary<string, Name> Names = BuildNames();

    /// <summary>Reads <paramref name="text"/>; null or blank reads as <see cref="PlaceReading.Empty"/> (keeping the text).</summary>
    public static PlaceReading Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return PlaceReading.Empty with { Text = text };
        if (CountOfPlaces().IsMatch(text)) return new PlaceReading(text, [], false, true);

        var cities = new List<Gazetteer.City>();
        var states = new List<Gazetteer.State>();
        var countries = new List<Gazetteer.Country>();
        var codes = new List<(string Code, int Position)>();
        var unknown = new List<(string Text, int Position)>();
        var remote = false;

        var pieces = Pieces().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        for (var position = 0; position < pieces.Count; position++)
        {
            var piece = Undotted(pieces[position]);
            if (piece.All(char.IsDigit)) continue; // a postal code
            if (piece.Length is 2 or 3 && piece.All(c => c is >= 'A' and <= 'Z'))
            {
                codes.Add((piece, position));
                continue;
            }

            var found = false;
            foreach (var name in NamesIn(piece))
            {
                found = true;
                switch (name)
                {
                    case CityName city: AddOnce(cities, city.City); break;
                    case StateName state: AddOnce(states, state.State); break;
                    case CountryName country: AddOnce(countries, country.Country); break;
                    case RemoteName: remote = true; break;
                }
            }
            if (!found) unknown.Add((pieces[position], position));
        }

        ResolveCodes(codes, unknown, cities, states, countries);
        var places = PlacesOf(cities, states, countries, unknown);
        return new PlaceReading(text, places, remote, false);
    }

    /// <summary>The canonical city name for a spelling ("Bangalore" → "Bengaluru"); null for a text that is not one city.</summary>
    public static string? CanonicalCity(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Names.GetValueOrDefault(Key(Words(text))) is CityName city ? city.City.Name : null;

    /// <summary>
    /// The places named inside free text ("audit role in Bangalore" → Bengaluru at 14..23), longest name first at each
    /// word, with where each name stands in <paramref name="text"/> so a caller can cut it out. Codes are not read here
    /// ("IT", "US" are words in a sentence), nor remote.
    /// </summary>
    public static IReadOnlyList<PlaceMention> Mentions(string text)
    {
        var words = WordSpans().Matches(text).Select(m => (m.Index, m.Length, Word: string.Concat(Words(m.Value)))).ToList();
        var mentions = new List<PlaceMention>();
        for (var start = 0; start < words.Count;)
        {
            var matched = 0;
            for (var length = Math.Min(LongestName, words.Count - start); length > 0; length--)
            {
                if (!Names.TryGetValue(Key(words.Skip(start).Take(length).Select(w => w.Word)), out var name)) continue;
                var place = name switch
                {
                    CityName city => new Place(city.City.Name, city.City.State, Gazetteer.CountryOf(city.City.CountryCode).Name, city.City.CountryCode),
                    StateName state => new Place(null, state.State.Name, Gazetteer.CountryOf(state.State.CountryCode).Name, state.State.CountryCode),
                    CountryName country => new Place(null, null, country.Country.Name, country.Country.Alpha2),
                    _ => null,
                };
                if (place is null) continue;
                var last = words[start + length - 1];
                mentions.Add(new PlaceMention(place, words[start].Index, last.Index + last.Length - words[start].Index));
                matched = length;
                break;
            }
            start += Math.Max(1, matched);
        }
        return mentions;
    }

    /// <summary>The country for a name or ISO code ("India", "IN", "IND"), as its alpha-2 code and name; null if unknown.</summary>
    public static (string Code, string Name)? Country(string? nameOrCode)
    {
        if (string.IsNullOrWhiteSpace(nameOrCode)) return null;
        var text = nameOrCode.Trim();
        var country = Gazetteer.CountryByCode(text)
            ?? (Names.GetValueOrDefault(Key(Words(text))) as CountryName)?.Country;
        return country is null ? null : (country.Alpha2, country.Name);
    }

    private static void ResolveCodes(
        List<(string Code, int Position)> codes, List<(string Text, int Position)> unknown,
        List<Gazetteer.City> cities, List<Gazetteer.State> states, List<Gazetteer.Country> countries)
    {
        var indian = cities.Any(c => c.CountryCode == Gazetteer.India) || states.Any(s => s.CountryCode == Gazetteer.India)
            || countries.Any(c => c.Alpha2 == Gazetteer.India) || codes.Any(c => c.Code is "IN" or "IND" && c.Position == 0);
        // A US city, or an unknown town with no country named, makes a later two-letter code a US state ("Austin, TX").
        var american = !indian && countries.Count == 0 &&
            (cities.Any(c => c.CountryCode == Gazetteer.UnitedStates) || unknown.Count > 0);

        foreach (var (code, position) in codes)
        {
            if (indian && Gazetteer.IndianStateByCodeOrNull(code) is { } indianState)
                AddOnce(states, indianState);
            else if (american && position > 0 && Gazetteer.UsStateByCode(code) is { } usState)
                AddOnce(states, usState);
            else if (Gazetteer.CountryByCode(code) is { } country)
                AddOnce(countries, country);
            else if (Gazetteer.UsStateByCode(code) is { } state && position > 0)
                AddOnce(states, state);
        }
    }

    private static List<Place> PlacesOf(
        List<Gazetteer.City> cities, List<Gazetteer.State> states, List<Gazetteer.Country> countries, List<(string Text, int Position)> unknown)
    {
        // "New Delhi, Delhi": a city that shares its name with its state (Delhi, Chandigarh, Puducherry) is the state there.
        cities.RemoveAll(c => c.Name == c.State && cities.Any(other => other != c && other.State == c.State));
        if (cities.Count > 0)
        {
            return cities.Select(city =>
            {
                var country = Gazetteer.CountryOf(city.CountryCode);
                // The text's own state counts for a single city when it is in the city's country ("Hyderabad, Telangana").
                var state = cities.Count == 1 && states.FirstOrDefault(s => s.CountryCode == city.CountryCode) is { } given
                    ? given.Name : city.State;
                return new Place(city.Name, state, country.Name, country.Alpha2);
            }).Distinct().ToList();
        }

        if (states.Count > 0)
        {
            var town = states.Count == 1 ? Town(unknown) : null;
            return states.Select(state =>
            {
                var country = Gazetteer.CountryOf(state.CountryCode);
                return new Place(town, state.Name, country.Name, country.Alpha2);
            }).ToList();
        }

        if (countries.Count > 0)
        {
            var town = countries.Count == 1 ? Town(unknown) : null;
            return countries.Select(c => new Place(town, null, c.Name, c.Alpha2)).ToList();
        }
        return [];
    }

    /// <summary>The first unknown piece that reads as a town's name (a few words, none of them "office", "hybrid"…).</summary>
    private static string? Town(List<(string Text, int Position)> unknown) =>
        unknown.Select(u => u.Text)
            .FirstOrDefault(t => Words(t) is { Count: > 0 and <= 3 } words && !words.Any(NotTownWords.Contains) && t.Any(char.IsLetter));

    /// <summary>The known names in a piece, longest first at each word: "Bangalore Millenia" → Bengaluru.</summary>
    private static IEnumerable<Name> NamesIn(string piece)
    {
        var words = Words(piece);
        for (var start = 0; start < words.Count;)
        {
            var matched = 0;
            for (var length = Math.Min(LongestName, words.Count - start); length > 0; length--)
            {
                if (Names.TryGetValue(Key(words.Skip(start).Take(length)), out var name))
                {
                    yield return name;
                    matched = length;
                    break;
                }
            }
            start += Math.Max(1, matched);
        }
    }

    private static Dictionary<string, Name> BuildNames()
    {
        var names = new Dictionary<string, Name>();
        // Earlier entries win: an Indian city over a state of the same name (Delhi, Puducherry), a country over a US state (Georgia).
        void Add(string text, Name name) => names.TryAdd(Key(Words(text)), name);
        foreach (var city in Gazetteer.Cities.Where(c => c.CountryCode == Gazetteer.India))
            foreach (var alias in city.Aliases) Add(alias, new CityName(city));
        foreach (var state in Gazetteer.IndianStates)
            foreach (var alias in state.Aliases) Add(alias, new StateName(state));
        foreach (var country in Gazetteer.Countries)
            foreach (var alias in country.Aliases) Add(alias, new CountryName(country));
        foreach (var city in Gazetteer.Cities.Where(c => c.CountryCode != Gazetteer.India))
            foreach (var alias in city.Aliases) Add(alias, new CityName(city));
        foreach (var state in Gazetteer.UsStates) Add(state.Name, new StateName(state));
        foreach (var phrase in RemotePhrases) Add(phrase, new RemoteName());
        return names;
    }

    private static void AddOnce<T>(List<T> list, T item)
    {
        if (!list.Contains(item)) list.Add(item);
    }

    private static string Key(IEnumerable<string> words) => string.Join(' ', words);

    /// <summary>Lower-case runs of letters and digits, accents removed: "São Paulo" → sao, paulo.</summary>
    private static List<string> Words(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(c);
        }
        var words = new List<string>();
        var start = -1;
        var s = plain.ToString();
        for (var i = 0; i <= s.Length; i++)
        {
            var inWord = i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '&' && start >= 0 && i + 1 < s.Length && char.IsLetter(s[i + 1]));
            if (inWord && start < 0) start = i;
            if (!inWord && start >= 0)
            {
                words.Add(s[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    /// <summary>"U.S.A." → "USA", so dotted codes read as codes.</summary>
    private static string Undotted(string piece) => DottedCode().IsMatch(piece) ? piece.Replace(".", "") : piece;

    [GeneratedRegex(@"^\s*(\d+|multiple|several|various|many|all|other)\s+(locations?|cities|places|offices|sites)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CountOfPlaces();

    [GeneratedRegex(@"\s*[,|;/()\[\]\n–—]\s*|\s+-\s+|(?<=\b[A-Z]{2,3})-|-(?=[A-Z]{2,3}\b)")]
    private static partial Regex Pieces();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(&[\p{L}]+)*")]
    private static partial Regex WordSpans();

    [GeneratedRegex(@"^([A-Za-z]\.){2,3}$")]
    private static partial Regex DottedCode();
}
