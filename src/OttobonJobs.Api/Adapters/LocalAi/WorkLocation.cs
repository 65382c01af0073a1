using System.Text.RegularExpressions;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Api.Adapters.LocalAi;

internal enum IndianCityTier { Tier1, Other, Remote }

/// <summary>Where a job is, as far as pay is concerned: an Indian city tier, or a country outside India.</summary>
/// <param name="Country">"IN" for India (also when the location is unknown: our jobs are Indian by default), else an ISO-like code.</param>
internal sealed partial record WorkLocation(string Country, IndianCityTier Tier)
{
    public bool InIndia => Country == "IN";

    public static WorkLocation Of(string? location)
    {
        var text = location ?? "";
        foreach (var (country, pattern) in Countries)
            if (pattern.IsMatch(text) && !Tier1().IsMatch(text) && !IndiaWord().IsMatch(text))
                return new WorkLocation(country, IndianCityTier.Other);

        if (Tier1().IsMatch(text)) return new WorkLocation("IN", IndianCityTier.Tier1);
        if (JobKinds.IsRemote(text)) return new WorkLocation("IN", IndianCityTier.Remote);
        return new WorkLocation("IN", IndianCityTier.Other);
    }

    private static readonly (string Country, Regex Pattern)[] Countries =
    [
        ("US", UnitedStates()), ("GB", UnitedKingdom()), ("EU", Eurozone()), ("SG", Singapore()),
        ("AE", Uae()), ("AU", Australia()), ("CA", Canada()),
    ];

    /// <summary>The Tier-1 metros as this product defines them (Kolkata and Ahmedabad count as "other" here).</summary>
    [GeneratedRegex(@"\b(bengaluru|bangalore|mumbai|bombay|navi\s+mumbai|thane|gurugram|gurgaon|hyderabad|secunderabad|pune|chennai|madras|delhi|ncr|noida|ghaziabad|faridabad)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tier1();

    [GeneratedRegex(@"\bindia\b", RegexOptions.IgnoreCase)]
    private static partial Regex IndiaWord();

    [GeneratedRegex(@"(?<!\w)u\.s\.(a\.?)?(?!\w)|\b(united\s+states|usa|new\s+york|san\s+francisco|seattle|chicago|boston|dallas|atlanta|los\s+angeles|austin|houston|philadelphia|washington,?\s+d\.?c|san\s+jose|denver|miami)\b|(?-i:,\s*(NY|CA|TX|WA|IL|MA|GA|NJ|VA|NC|FL|PA|OH|MI|MN|CO|AZ)\b|\bUS\b)", RegexOptions.IgnoreCase)]
    private static partial Regex UnitedStates();

    [GeneratedRegex(@"\b(united\s+kingdom|england|scotland|wales|london|manchester|birmingham|leeds|edinburgh|glasgow|belfast|bristol|reading)\b|(?-i:\bUK\b)", RegexOptions.IgnoreCase)]
    private static partial Regex UnitedKingdom();

    [GeneratedRegex(@"\b(germany|france|netherlands|ireland|spain|italy|belgium|portugal|dublin|berlin|munich|frankfurt|amsterdam|paris|madrid|milan|brussels|lisbon)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Eurozone();

    [GeneratedRegex(@"\bsingapore\b", RegexOptions.IgnoreCase)]
    private static partial Regex Singapore();

    [GeneratedRegex(@"\b(uae|united\s+arab\s+emirates|dubai|abu\s+dhabi|sharjah)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Uae();

    [GeneratedRegex(@"\b(australia|sydney|melbourne|brisbane|perth)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Australia();

    [GeneratedRegex(@"\b(canada|toronto|vancouver|montreal|calgary)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Canada();
}
