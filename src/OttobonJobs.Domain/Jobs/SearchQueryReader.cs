using System.Text.RegularExpressions;
using OttobonJobs.Domain.Places;

namespace OttobonJobs.Domain.Jobs;

/// <summary>
/// A search as understood: the words left to match by keyword and meaning, and the filters read out of it.
/// <see cref="WithoutPlace"/> and <see cref="WithoutJobType"/> are the query as typed minus that part, which reads
/// back without the filter: what "search everywhere" and "any job type" send.
/// </summary>
public sealed record SearchQuery(
    string Query, string Text, Place? Place, string? JobType, string? WorkMode, string? WithoutPlace, string? WithoutJobType)
{
    public bool HasFilters => Place is not null || JobType is not null || WorkMode is not null;
}

/// <summary>
/// Reads a smart-search query: a place named in it (city, state or country through <see cref="PlaceReader"/>, any
/// spelling: "in Bangalore", "Gurgaon", "Karnataka") and a job type or way of working ("internship", "intern",
/// "full time", "remote", "hybrid") become filters, and their words (with a leading "in", "at", "near") leave the text,
/// so "entry level audit role in Bengaluru" searches "entry level audit role" among jobs in Bengaluru. Pure.
/// </summary>
public static partial class SearchQueryReader
{
    private sealed record Cut(int Start, int Length);

    public static SearchQuery Read(string query)
    {
        query = query.Trim();
        Cut? typeCut = null, modeCut = null;
        string? jobType = null, workMode = null;

        if (JobTypeWords().Match(query) is { Success: true } type)
        {
            jobType = type.Groups["intern"].Success ? JobTypes.Internship
                : type.Groups["full"].Success ? JobTypes.FullTime : JobTypes.PartTime;
            typeCut = new Cut(type.Index, type.Length);
        }
        if (WorkModeWords().Match(query) is { Success: true } mode)
        {
            workMode = mode.Groups["remote"].Success ? WorkModes.Remote
                : mode.Groups["hybrid"].Success ? WorkModes.Hybrid : WorkModes.OnSite;
            modeCut = new Cut(mode.Index, mode.Length);
        }

        // The first city or state named wins; a country only when nothing narrower is named.
        var mentions = PlaceReader.Mentions(query).Where(m => !Overlaps(m, typeCut) && !Overlaps(m, modeCut)).ToList();
        var mention = mentions.FirstOrDefault(m => m.Place.City is not null || m.Place.State is not null) ?? mentions.FirstOrDefault();
        Cut? placeCut = mention is null ? null : WithPreposition(query, mention);

        var text = Without(query, placeCut, typeCut, modeCut);
        // "jobs in Pune", "any openings for interns": nothing left to match but the filters.
        if (mentions.Count + (typeCut is null ? 0 : 1) + (modeCut is null ? 0 : 1) > 0 && OnlyFiller().IsMatch(text)) text = "";
        return new SearchQuery(
            query, text, mention?.Place, jobType, workMode,
            placeCut is null ? null : Without(query, placeCut),
            typeCut is null && modeCut is null ? null : Without(query, typeCut, modeCut));
    }

    private static bool Overlaps(PlaceMention mention, Cut? cut) =>
        cut is not null && mention.Start < cut.Start + cut.Length && cut.Start < mention.Start + mention.Length;

    /// <summary>"… role in Bengaluru": the preposition goes with the place.</summary>
    private static Cut WithPreposition(string query, PlaceMention mention)
    {
        var before = Preposition().Match(query[..mention.Start]);
        var start = before.Success ? before.Index : mention.Start;
        return new Cut(start, mention.Start + mention.Length - start);
    }

    private static string Without(string query, params Cut?[] cuts)
    {
        var text = query;
        foreach (var cut in cuts.OfType<Cut>().OrderByDescending(c => c.Start))
            text = text.Remove(cut.Start, cut.Length).Insert(cut.Start, " ");
        return Loose().Replace(Spaces().Replace(text, " "), "").Trim();
    }

    [GeneratedRegex(@"\b(?:(?<intern>internships?|interns?)|(?<full>full[\s-]?time)|(?<part>part[\s-]?time))\b", RegexOptions.IgnoreCase)]
    private static partial Regex JobTypeWords();

    [GeneratedRegex(@"\b(?:(?<remote>remote(?:ly)?|work(?:ing)? from home|wfh)|(?<hybrid>hybrid)|(?<onsite>on[\s-]?site|in[\s-]office))\b", RegexOptions.IgnoreCase)]
    private static partial Regex WorkModeWords();

    [GeneratedRegex(@"\b(?:based\s+in|located\s+in|in|at|near|around|from|within)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Preposition();

    [GeneratedRegex(@"^(?:\s*\b(?:any|all|show|me|find|for|the|a|an|and|of|jobs?|roles?|openings?|positions?|vacanc(?:y|ies)|opportunit(?:y|ies)|work)\b)*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyFiller();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>What a cut leaves dangling at either end: "audit role ," → "audit role".</summary>
    [GeneratedRegex(@"^[\s,;:|/\-–]+|[\s,;:|/\-–]+$|\s+(?=[,;])")]
    private static partial Regex Loose();
}
