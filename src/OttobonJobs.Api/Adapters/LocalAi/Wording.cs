using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>Small grammar helpers so generated sentences read as if a person wrote them.</summary>
internal static class Wording
{
    /// <summary>"a" or "an" before a word, by its first letter ("an Associate", "a Staff Accountant").</summary>
    public static string Article(string word) =>
        word.Length > 0 && "AEIOUaeiou".Contains(word[0]) ? "an" : "a";

    /// <summary>
    /// A skill as it reads mid-sentence: practices go lower case ("statutory audit", "communication"), while names,
    /// products and acronyms keep their case ("Excel", "Ind AS", "GST", "IT audit").
    /// </summary>
    public static string InSentence(string skill)
    {
        if (IsTool(skill) || SkillTaxonomy.CategoryOf(skill) is null) return skill;
        var words = skill.Split(' ');
        var first = words[0];
        var plainFirst = first.Length > 1 && char.IsUpper(first[0]) && first[1..].All(c => !char.IsLetter(c) || char.IsLower(c));
        var restPlain = words.Skip(1).All(w => w.All(c => !char.IsLetter(c) || char.IsLower(c)));
        return plainFirst && restPlain ? char.ToLowerInvariant(first[0]) + skill[1..] : skill;
    }

    /// <summary>
    /// Something you work in (a language, framework, data or cloud tool, an accounting or security product), as
    /// opposed to a practice like "Statutory audit" or "Reconciliation".
    /// </summary>
    public static bool IsTool(string skill) =>
        SkillTaxonomy.CategoryOf(skill) is { } c && (c.IsTechnical() && c != SkillCategory.Engineering || c == SkillCategory.Tool)
        || ProductNames.Contains(skill);

    private static readonly HashSet<string> ProductNames =
        ["Tally", "SAP FICO", "Oracle Financials", "QuickBooks", "Xero", "Zoho Books", "CaseWare", "Splunk", "QRadar",
         "Microsoft Sentinel", "SailPoint", "Okta", "Wireshark", "Burp Suite", "Nmap", "Kali Linux"];

    /// <summary>
    /// Whether a skill is a name (a product, language or acronym: "Power BI", "SQL", "Node.js", "Excel") rather than a
    /// practice written in words ("Data visualisation", "Statutory audit"), which reads lower case and as "… work".
    /// </summary>
    public static bool IsName(string skill)
    {
        if (ProductNames.Contains(skill)) return true;
        var words = skill.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1) return true;
        return skill.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c) || c is '.' or '#' or '+');
    }

    /// <summary>A practice lower-cased for mid-sentence ("Data visualisation" → "data visualisation"); names stay as they are.</summary>
    public static string AsPractice(string skill) =>
        IsName(skill) ? skill : char.ToLowerInvariant(skill[0]) + skill[1..];

    /// <summary>A stable pick among phrasings for one job, so tips vary across jobs but a job always gets the same ones.</summary>
    public static T Pick<T>(string seed, int salt, IReadOnlyList<T> options)
    {
        var hash = 2166136261u;
        foreach (var c in seed) hash = (hash ^ c) * 16777619u;
        hash = (hash ^ (uint)salt) * 16777619u;
        return options[(int)(hash % (uint)options.Count)];
    }

    /// <summary>"A, B and C".</summary>
    public static string JoinAnd(IEnumerable<string> items) => Join(items, "and");

    /// <summary>"A, B or C".</summary>
    public static string JoinOr(IEnumerable<string> items) => Join(items, "or");

    private static string Join(IEnumerable<string> items, string last)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} {last} {list[^1]}",
        };
    }
}
