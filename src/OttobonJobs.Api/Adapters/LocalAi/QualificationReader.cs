using System.Text.RegularExpressions;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// The qualification a posting asks for, in the form Indian students recognise: "B.Com, CA Inter or CA",
/// "Bachelor's degree in Computer Science or a related field (B.Tech/B.E., MCA)". Falls back to the family's usual one.
/// </summary>
internal static partial class QualificationReader
{
    public static string Read(string text, RoleFamily family)
    {
        var found = Degrees
            .SelectMany(d => d.Pattern.Matches(text).Select(m => (d.Label, m.Index)))
            .OrderBy(d => d.Index)
            .Select(d => d.Label)
            .Distinct()
            .ToList();
        if (found.Contains("CA Inter") && found.Contains("CA")) // "CA Inter or CA Final": keep both, in that order
            found = found.Where(l => l != "CA").Append("CA").ToList();

        var degrees = found.Where(l => !Certifications.Contains(l)).ToList();
        var certifications = found.Where(Certifications.Contains).ToList();

        var phrase = DegreePhrase().Match(text) is { Success: true } m ? CleanPhrase(m) : null;
        if (phrase is null && AnyGraduate().IsMatch(text)) phrase = "Any graduate";

        var main = (phrase, degrees.Count) switch
        {
            (null, 0) => null,
            (null, _) => Wording.JoinOr(degrees) + SubjectAfterDegree(text),
            (_, 0) => phrase,
            _ => $"{phrase} ({string.Join(", ", degrees)})",
        };
        if (certifications.Count == 0) return main ?? family.DefaultQualification();
        return main is null
            ? $"{Wording.JoinOr(certifications)} (degree not stated)"
            : $"{main}, plus {Wording.JoinOr(certifications)}";
    }

    /// <summary>" in Computer Science or a related field" from "B.Tech/B.E. or MCA in Computer Science or a related field".</summary>
    private static string SubjectAfterDegree(string text) =>
        DegreeSubject().Match(text) is { Success: true } m
            ? " in " + PhraseEnd().Split(m.Groups["subject"].Value)[0].Trim().TrimEnd(',', ' ', '(')
            : "";

    private static readonly HashSet<string> Certifications = ["CISA", "CEH", "CISSP", "CompTIA Security+"];

    private static string CleanPhrase(Match m)
    {
        var level = m.Groups["level"].Value.ToLowerInvariant() switch
        {
            var l when l.StartsWith("bachelor") => "Bachelor's degree",
            var l when l.StartsWith("master") => "Master's degree",
            var l when l.StartsWith("post") => "Postgraduate degree",
            _ => "Degree",
        };
        var subject = PhraseEnd().Split(m.Groups["subject"].Value)[0].Trim().TrimEnd(',', ' ', '(');
        return JobText.Shorten($"{level} in {subject}", 110);
    }

    private static readonly (string Label, Regex Pattern)[] Degrees =
    [
        ("B.Tech/B.E.", BTech()), ("M.Tech/M.E.", MTech()), ("BCA", Bca()), ("MCA", Mca()),
        ("B.Sc", BSc()), ("M.Sc", MSc()), ("B.Com", BCom()), ("M.Com", MCom()), ("BBA", Bba()), ("MBA/PGDM", Mba()),
        ("CA Inter", CaInter()), ("CA", Ca()), ("ACCA", Acca()), ("CMA", Cma()), ("CPA", Cpa()), ("CFA", Cfa()),
        ("CS", CompanySecretary()), ("LLB", Llb()), ("CISA", Cisa()), ("CEH", Ceh()), ("CISSP", Cissp()),
        ("CompTIA Security+", SecurityPlus()),
    ];

    [GeneratedRegex(@"\bB\.?\s?Tech\b|(?-i:\bB\.E\b)|(?-i:\bBE\b)(?=\s*(/|,|or\b|in\b))|\bbachelor\s+of\s+(engineering|technology)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BTech();

    [GeneratedRegex(@"\bM\.?\s?Tech\b|(?-i:\bM\.E\b)|\bmaster\s+of\s+(engineering|technology)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MTech();

    [GeneratedRegex(@"\bBCA\b|\bbachelor\s+of\s+computer\s+applications?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Bca();

    [GeneratedRegex(@"\bMCA\b|\bmaster\s+of\s+computer\s+applications?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Mca();

    [GeneratedRegex(@"\bB\.?\s?Sc\b|\bbachelor\s+of\s+science\b", RegexOptions.IgnoreCase)]
    private static partial Regex BSc();

    [GeneratedRegex(@"\bM\.?\s?Sc\b|\bmaster\s+of\s+science\b", RegexOptions.IgnoreCase)]
    private static partial Regex MSc();

    [GeneratedRegex(@"\bB\.?\s?Com\b|\bbachelor\s+of\s+commerce\b", RegexOptions.IgnoreCase)]
    private static partial Regex BCom();

    [GeneratedRegex(@"\bM\.?\s?Com\b|\bmaster\s+of\s+commerce\b", RegexOptions.IgnoreCase)]
    private static partial Regex MCom();

    [GeneratedRegex(@"\bBBA\b|\bbachelor\s+of\s+business\s+administration\b", RegexOptions.IgnoreCase)]
    private static partial Regex Bba();

    [GeneratedRegex(@"\b(MBA|PGDM|PGDBM)\b|\bmaster\s+of\s+business\s+administration\b", RegexOptions.IgnoreCase)]
    private static partial Regex Mba();

    [GeneratedRegex(@"(?-i:\bCA\b)[\s-]*(inter(mediate)?|ipcc)\b|\bsemi[\s-]*qualified\s+(CA|chartered\s+accountant)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex CaInter();

    /// <summary>"CA" alone is also a US state, so it counts only beside other qualification words.</summary>
    [GeneratedRegex(@"\bchartered\s+accountants?\b|\b(qualified|pursuing|cleared|completed|newly\s+qualified)\s+(?-i:CA)\b|(?-i:\bCA\b)\s*(final|qualified|/|or\b|and\b)|(/|\bor|\band)\s*(?-i:CA\b)(?![\s-]*(inter|ipcc))", RegexOptions.IgnoreCase)]
    private static partial Regex Ca();

    [GeneratedRegex(@"\bACCA\b")]
    private static partial Regex Acca();

    [GeneratedRegex(@"\b(CMA|ICWA|ICWAI)\b|\bcost\s+(and|&)\s+management\s+accountant", RegexOptions.IgnoreCase)]
    private static partial Regex Cma();

    [GeneratedRegex(@"\bCPA\b|\bcertified\s+public\s+accountant", RegexOptions.IgnoreCase)]
    private static partial Regex Cpa();

    [GeneratedRegex(@"(?-i:\bCFA\b)")]
    private static partial Regex Cfa();

    [GeneratedRegex(@"\bcompany\s+secretary\b", RegexOptions.IgnoreCase)]
    private static partial Regex CompanySecretary();

    [GeneratedRegex(@"\bLL\.?B\b", RegexOptions.IgnoreCase)]
    private static partial Regex Llb();

    [GeneratedRegex(@"(?-i:\bCISA\b)")]
    private static partial Regex Cisa();

    [GeneratedRegex(@"(?-i:\bCEH\b)|\bcertified\s+ethical\s+hacker\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ceh();

    [GeneratedRegex(@"(?-i:\bCISSP\b)")]
    private static partial Regex Cissp();

    [GeneratedRegex(@"\bsecurity\s*\+|\bcomptia\s+security\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityPlus();

    [GeneratedRegex(@"\b(?<level>bachelor('|’)?s?|master('|’)?s?|post[\s-]?graduate|graduate)('|’)?\s*(degree)?\s+(degree\s+)?in\s+(?<subject>[A-Za-z][^.;:\n]{2,120})", RegexOptions.IgnoreCase)]
    private static partial Regex DegreePhrase();

    /// <summary>Where the subject of "degree in …" ends: "… with 60% marks", "… and 1 year of experience".</summary>
    [GeneratedRegex(@"\s+(with|having|and\s+(at\s+least|minimum|\d)|from|\(|preferably\s+with)\b|\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex PhraseEnd();

    [GeneratedRegex(@"\b(B\.?\s?Tech|B\.E\.?|BE|M\.?\s?Tech|MCA|BCA|B\.?\s?Sc|M\.?\s?Sc|B\.?\s?Com|M\.?\s?Com|BBA|MBA)\b[^\n;]{0,40}?\bin\s+(?<subject>[A-Z][^.;:\n]{1,80})")]
    private static partial Regex DegreeSubject();

    [GeneratedRegex(@"\bany\s+graduate\b|\bgraduates?\s+from\s+any\s+(discipline|stream)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyGraduate();
}
