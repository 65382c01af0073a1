using System.Text.RegularExpressions;
using OttobonJobs.Projections.Jobs;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// A job description as plain lines, and the responsibilities found in it. Scraped descriptions arrive as HTML or as
/// text with bullets; both become one line per paragraph or bullet.
/// </summary>
internal sealed partial class JobText
{
    public string Plain { get; }
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Duties in the posting's own words, e.g. "prepare bank reconciliations for client entities".</summary>
    public IReadOnlyList<string> Responsibilities { get; }

    public JobText(string? description)
    {
        Plain = ToPlainText(description ?? "");
        Lines = Plain.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Responsibilities = FindResponsibilities(Lines);
    }

    // HTML through the parser every description goes through (no attribute or script reaches the text).
    private static string ToPlainText(string text) =>
        ExtraSpace().Replace(DescriptionHtml.ToPlainText(text).Replace("\r", ""), " ");

    private static List<string> FindResponsibilities(IReadOnlyList<string> lines)
    {
        // Best: bullets under a responsibilities heading. Next: lines anywhere else (outside requirements and
        // "about us") that start with a duty verb. Last resort: such lines even under other headings.
        var underHeading = new List<string>();
        var elsewhere = new List<string>();
        var underOtherHeadings = new List<string>();
        var section = Section.None;
        foreach (var line in lines)
        {
            var heading = HeadingOf(line);
            if (heading != Section.NotAHeading) { section = heading; continue; }

            foreach (var sentence in SplitSentences(StripBullet(line)))
            {
                var content = sentence;
                // "Eligibility: B.Com students…" or "Your key responsibilities: Develop…" is a heading and its content in one.
                if (InlineHeading().Match(sentence) is { Success: true } inline && InlineSection(inline.Groups["heading"].Value) is { } inlineSection)
                {
                    section = inlineSection;
                    content = inline.Groups["rest"].Value;
                }

                var duty = AsDuty(content, lenient: section == Section.Responsibilities);
                if (duty is null) continue;
                (section switch { Section.Responsibilities => underHeading, Section.None => elsewhere, _ => underOtherHeadings }).Add(duty);
            }
        }
        var best = underHeading.Count > 0 ? underHeading : elsewhere.Count > 0 ? elsewhere : underOtherHeadings;
        return best.Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList();
    }

    private enum Section { None, NotAHeading, Responsibilities, Other }

    private static Section HeadingOf(string line)
    {
        if (Bullet().IsMatch(line)) return Section.NotAHeading;
        var text = line.TrimEnd(':', ' ').Trim();
        var looksLikeHeading = line.TrimEnd().EndsWith(':') || (text.Length <= 40 && !text.EndsWith('.') && text.Split(' ').Length <= 5);
        if (!looksLikeHeading || StartsWithDutyVerb(text) && !line.TrimEnd().EndsWith(':')) return Section.NotAHeading;
        if (ResponsibilityHeading().IsMatch(text)) return Section.Responsibilities;
        if (OtherHeading().IsMatch(text)) return Section.Other;
        return line.TrimEnd().EndsWith(':') ? Section.Other : Section.NotAHeading;
    }

    private static Section? InlineSection(string prefix) =>
        ResponsibilityHeading().IsMatch(prefix) ? Section.Responsibilities
        : OtherHeading().IsMatch(prefix) ? Section.Other
        : null;

    private static string StripBullet(string line) => Bullet().Replace(line, "").Trim();

    private static IEnumerable<string> SplitSentences(string line) =>
        SentenceBreak().Split(line).Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>"You will be responsible for preparing…" → "preparing…"; null when the sentence is not a duty.</summary>
    private static string? AsDuty(string sentence, bool lenient)
    {
        var text = DutyLeadIn().Replace(sentence, "").Trim().TrimEnd('.', ';', ',', ':').Trim();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3) return null;
        if (!StartsWithDutyVerb(text) && !(lenient && words.Length >= 4 && !NotADuty().IsMatch(text))) return null;
        return Shorten(LowerFirst(text), 140);
    }

    private static bool StartsWithDutyVerb(string text)
    {
        var first = text.Split(' ', 2)[0].TrimEnd(',', ':').ToLowerInvariant();
        return DutyVerbs.Contains(first);
    }

    /// <summary>Lower-cases "Prepare" but leaves "SQL" and "IT" alone.</summary>
    internal static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(',', ';', ' ') + "…";
    }

    private static readonly HashSet<string> DutyVerbs = BuildVerbs(
        "assist", "support", "develop", "build", "design", "perform", "prepare", "conduct", "review", "analyse", "analyze",
        "execute", "manage", "coordinate", "maintain", "implement", "write", "test", "participate", "collaborate", "work",
        "monitor", "identify", "document", "evaluate", "assess", "reconcile", "draft", "liaise", "ensure", "create",
        "deliver", "help", "drive", "communicate", "research", "compute", "file", "audit", "investigate", "configure",
        "deploy", "optimise", "optimize", "troubleshoot", "debug", "automate", "integrate", "migrate", "own", "lead",
        "contribute", "partner", "track", "report", "present", "calculate", "verify", "validate", "vouch", "examine",
        "plan", "organise", "organize", "handle", "process", "update", "respond", "resolve", "triage", "detect", "scan",
        "undertake", "carry", "apply", "interact", "engage", "gather", "map", "translate", "model", "forecast",
        "budget", "record", "post", "book", "close", "consolidate", "extract", "clean", "transform", "visualise", "visualize",
        "query", "train", "mentor", "facilitate", "recommend", "advise", "use", "leverage", "keep", "stay", "learn", "take");

    private static HashSet<string> BuildVerbs(params string[] bases)
    {
        var forms = new HashSet<string>();
        foreach (var v in bases)
        {
            forms.Add(v);
            forms.Add(v.EndsWith('s') || v.EndsWith("sh") || v.EndsWith("ch") ? v + "es" : v.EndsWith('y') && !v.EndsWith("ay") ? v[..^1] + "ies" : v + "s");
            forms.Add(v.EndsWith('e') && !v.EndsWith("ee") ? v[..^1] + "ing" : v + "ing");
        }
        forms.UnionWith(["running", "planning", "mapping", "auditing", "writing", "debugging", "carrying", "modelling", "budgeting", "taking"]);
        return forms;
    }

    [GeneratedRegex(@"^(?<heading>[A-Za-z][A-Za-z'’&/ ]{2,40}):\s*(?<rest>\S.*)$")]
    private static partial Regex InlineHeading();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex ExtraSpace();

    [GeneratedRegex(@"^\s*([-•·*●▪◦–—>]|\d{1,2}[.)])\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(?<=[.;!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^(you\s+will|you'll|you\s+would|you\s+shall|the\s+(candidate|role|incumbent|associate|analyst|intern)\s+will|will|to)\s+(be\s+(responsible|accountable)\s+for\s+|(also\s+)?(be\s+)?(expected\s+to\s+|required\s+to\s+|able\s+to\s+)?)|^(responsible|accountable)\s+for\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DutyLeadIn();

    [GeneratedRegex(@"\b(responsibilit|accountabilit|deliverables|what\s+you('|’)?ll\s+do|what\s+you\s+will\s+(do|be\s+doing)|in\s+this\s+role|duties|day\s+to\s+day|day-to-day|key\s+tasks|your\s+impact)", RegexOptions.IgnoreCase)]
    private static partial Regex ResponsibilityHeading();

    [GeneratedRegex(@"\b(requirement|qualification|eligibility|skills|who\s+you\s+are|what\s+you('|’)?ll\s+(need|bring)|what\s+we('|’)?re\s+looking|what\s+we\s+are\s+looking|you\s+have|must\s+have|good\s+to\s+have|nice\s+to\s+have|preferred|benefit|perks|about\s+(us|the\s+(company|firm|team))|why\s+join|who\s+we\s+are|our\s+team|experience|education)", RegexOptions.IgnoreCase)]
    private static partial Regex OtherHeading();

    /// <summary>Lines under a responsibilities heading that are still not duties.</summary>
    [GeneratedRegex(@"^(strong|good|excellent|basic|sound|working|solid|proven|knowledge|experience|proficien|familiar|ability|bachelor|master|degree|graduate|minimum|must|should|preferred|candidates?|we\s|our\s|this\s+role|the\s+role|about)", RegexOptions.IgnoreCase)]
    private static partial Regex NotADuty();
}
