namespace OttobonJobs.Domain.Skills;

public record Skill(string Name, SkillCategory Category, IReadOnlyList<string> Aliases);

/// <summary>A skill found in a text: how often and where first (a word index), for ranking.</summary>
public record SkillMention(string Name, SkillCategory Category, int Count, int FirstPosition);

/// <summary>
/// The curated skill vocabulary (<see cref="SkillCatalog"/>) and the matching over it: finding skills in job
/// descriptions and resumes, and mapping a free-text skill to its canonical name. Pure and fast: the text is split
/// once into words and each word is one dictionary lookup, so a five-page resume costs well under a millisecond.
/// </summary>
public static class SkillTaxonomy
{
    private enum Guard { None, ExactCase, ExactCaseInContext, InSkillList, CanonicaliseOnly }

    private sealed record Alias(Skill Skill, SkillToken[] Tokens, Guard Guard);

    public static IReadOnlyList<Skill> All { get; }

    private static readonly Dictionary<string, Skill> ByName;
    /// <summary>Every alias by its first word, longest first, so the longest alias wins ("Spring Boot" over "Spring").</summary>
    private static readonly Dictionary<string, Alias[]> ByFirstWord;
    /// <summary>Every alias by all its words, case-insensitively, for <see cref="Canonicalise"/>.</summary>
    private static readonly Dictionary<string, Skill> ByAliasKey;

    /// <summary>Words that make a guarded alias ("Go", "R") technical when they follow it.</summary>
    private static readonly HashSet<string> TechnicalFollowers =
        ["programming", "language", "languages", "lang", "developer", "developers", "development", "programmer", "code", "coding", "scripting", "scripts", "framework"];
    /// <summary>"experience in Go", "written in R".</summary>
    private static readonly HashSet<string> TechnicalLeadIns =
        ["experience", "expertise", "proficiency", "proficient", "skilled", "knowledge", "fluency", "fluent", "familiarity", "written", "coding", "programming", "development"];

    /// <summary>Words of a heading over a list of skills.</summary>
    private static readonly HashSet<string> SkillsHeadings =
        ["skills", "skill", "tools", "technologies", "competencies", "competences", "expertise", "strengths", "proficiencies", "languages", "stack", "toolkit"];
    /// <summary>Last words of the headings that end a skills section ("Work Experience", "Academic Projects").</summary>
    private static readonly HashSet<string> OtherHeadings =
        ["education", "experience", "projects", "project", "internship", "internships", "certifications", "certification", "certificates",
         "achievements", "awards", "summary", "objective", "profile", "responsibilities", "requirements", "qualifications", "qualification",
         "hobbies", "interests", "publications", "references", "declaration", "activities", "employment", "history", "about", "eligibility",
         "benefits", "perks", "overview", "duties", "contact"];
    private const int MaxSectionLines = 12;
    /// <summary>Lower-case words that make a capitalised word opening a sentence a verb ("Excel at", "Tally the").</summary>
    private static readonly HashSet<string> VerbFollowers = ["at", "in", "as", "the", "a", "an", "our", "your", "their", "beyond", "under", "through", "when"];

    static SkillTaxonomy()
    {
        var skills = new List<Skill>();
        var byFirstWord = new Dictionary<string, List<Alias>>();
        ByName = new Dictionary<string, Skill>(StringComparer.OrdinalIgnoreCase);
        ByAliasKey = new Dictionary<string, Skill>();
        foreach (var (name, category, rawAliases) in SkillCatalog.Entries)
        {
            // A guarded spelling ("=Tally") replaces the plain one, including the canonical name itself.
            var guarded = rawAliases.Where(a => a[0] is '=' or '~' or '^').Select(a => Key(SkillTokens.Split(a[1..]))).ToHashSet();
            var specs = rawAliases.Prepend(name).Distinct()
                .Where(a => a[0] is '=' or '~' or '^' or '?' || !guarded.Contains(Key(SkillTokens.Split(a))))
                .ToList();
            var skill = new Skill(name, category, rawAliases.Select(a => a.TrimStart('=', '~', '^', '?')).Where(a => a != name).Distinct().ToArray());
            if (!ByName.TryAdd(name, skill)) throw new InvalidOperationException($"Skill '{name}' is listed twice.");
            skills.Add(skill);

            var seen = new HashSet<string>();
            foreach (var spec in specs)
            {
                var guard = spec[0] switch
                {
                    '=' => Guard.ExactCase, '~' => Guard.ExactCaseInContext, '^' => Guard.InSkillList, '?' => Guard.CanonicaliseOnly, _ => Guard.None,
                };
                var tokens = SkillTokens.Split(guard == Guard.None ? spec : spec[1..]).ToArray();
                if (tokens.Length == 0) throw new InvalidOperationException($"Alias '{spec}' of '{name}' has no words.");
                var key = Key(tokens);
                if (ByAliasKey.TryGetValue(key, out var other) && other != skill)
                    throw new InvalidOperationException($"Alias '{spec}' belongs to both '{other.Name}' and '{name}'.");
                ByAliasKey[key] = skill;

                // "node.js" and "Node.js" are one alias; "=Excel" and "=EXCEL" are two.
                if (guard == Guard.CanonicaliseOnly || !seen.Add(guard == Guard.None ? key : spec)) continue;
                if (!byFirstWord.TryGetValue(tokens[0].Lower, out var list)) byFirstWord[tokens[0].Lower] = list = [];
                list.Add(new Alias(skill, tokens, guard));
            }
        }

        All = skills;
        ByFirstWord = byFirstWord.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(a => a.Tokens.Length).ToArray());
    }

    /// <summary>Canonical names of the skills in <paramref name="text"/>, most mentioned first, then by first mention.</summary>
    public static IReadOnlyList<string> Extract(string? text) => Mentions(text).Select(m => m.Name).ToList();

    /// <summary>The skills in <paramref name="text"/> with their counts, most mentioned first, then by first mention.</summary>
    public static IReadOnlyList<SkillMention> Mentions(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var tokens = SkillTokens.Split(text);
        var matchedAt = new Skill?[tokens.Count];
        var found = new List<(Skill Skill, int Position)>();
        var pending = new List<(Skill Skill, int Position, int Length, Guard Guard)>();

        for (var i = 0; i < tokens.Count;)
        {
            var alias = tokens[i].Kind == TokenKind.Word && ByFirstWord.TryGetValue(tokens[i].Lower, out var candidates)
                ? candidates.FirstOrDefault(a => Matches(tokens, i, a))
                : null;
            if (alias is null) { i++; continue; }

            if (alias.Guard is Guard.ExactCaseInContext or Guard.InSkillList) pending.Add((alias.Skill, i, alias.Tokens.Length, alias.Guard));
            else
            {
                for (var k = 0; k < alias.Tokens.Length; k++) matchedAt[i + k] = alias.Skill;
                found.Add((alias.Skill, i));
            }
            i += alias.Tokens.Length;
        }

        // Guarded words are accepted once a neighbour is known to be technical (or, for ordinary words, a skill); one
        // acceptance can enable the next ("Python, R, Go", "Excel, communication, teamwork"), so repeat until nothing changes.
        var skillsSection = pending.Any(p => p.Guard == Guard.InSkillList) ? SkillsSections(tokens) : null;
        for (var changed = true; changed && pending.Count > 0;)
        {
            changed = false;
            foreach (var p in pending.ToList())
            {
                var accepted = p.Guard == Guard.InSkillList
                    ? skillsSection![p.Position] || InSkillList(tokens, matchedAt, p.Position, p.Length)
                    : InTechnicalContext(tokens, matchedAt, p.Position, p.Length);
                if (!accepted) continue;
                for (var k = 0; k < p.Length; k++) matchedAt[p.Position + k] = p.Skill;
                found.Add((p.Skill, p.Position));
                pending.Remove(p);
                changed = true;
            }
        }

        return found
            .GroupBy(f => f.Skill)
            .Select(g => new SkillMention(g.Key.Name, g.Key.Category, g.Count(), g.Min(f => f.Position)))
            .OrderByDescending(m => m.Count).ThenBy(m => m.FirstPosition)
            .ToList();
    }

    /// <summary>
    /// The canonical name of a free-text skill ("nodejs" → "Node.js", "Golang" → "Go"), case-insensitively, or null
    /// when it is not in the taxonomy. A phrase that names exactly one skill ("strong SQL skills") also resolves.
    /// </summary>
    public static string? Canonicalise(string? skill)
    {
        if (string.IsNullOrWhiteSpace(skill)) return null;
        var tokens = SkillTokens.Split(skill.Trim());
        if (ByAliasKey.TryGetValue(Key(tokens), out var exact)) return exact.Name;
        var mentioned = Mentions(skill);
        return mentioned.Count == 1 ? mentioned[0].Name : null;
    }

    /// <summary>The category of a canonical name or alias, or null when the skill is unknown.</summary>
    public static SkillCategory? CategoryOf(string? skill) =>
        skill is not null && ByName.TryGetValue(skill, out var known) ? known.Category
        : Canonicalise(skill) is { } name ? ByName[name].Category
        : null;

    public static Skill? Find(string? skill) => Canonicalise(skill) is { } name ? ByName[name] : null;

    private static string Key(IEnumerable<SkillToken> tokens) => string.Join(' ', tokens.Select(t => t.Lower));

    private static bool Matches(List<SkillToken> tokens, int start, Alias alias)
    {
        if (start + alias.Tokens.Length > tokens.Count) return false;
        for (var k = 0; k < alias.Tokens.Length; k++)
        {
            var (text, wanted) = (tokens[start + k], alias.Tokens[k]);
            if (text.Lower != wanted.Lower) return false;
            if (alias.Guard is Guard.ExactCase or Guard.ExactCaseInContext && text.Original != wanted.Original) return false;
        }
        // "Excel at client service", "Tally the totals": a capitalised verb, not the product.
        if (alias.Guard != Guard.ExactCase || alias.Tokens.Length != 1 || start + 1 >= tokens.Count) return true;
        var next = tokens[start + 1].Original;
        return !(next == "at" || StartsSentence(tokens, start) && VerbFollowers.Contains(next));
    }

    private static bool StartsSentence(List<SkillToken> tokens, int index) =>
        index == 0 || tokens[index - 1].Kind == TokenKind.SentenceEnd || tokens[index - 1].Lower == "\n";

    /// <summary>
    /// An ordinary word ("forecasting", "communication", "leadership") counts as a skill where it is written as one:
    /// a whole item of a list next to another skill ("Excel, forecasting, SQL"), or right before "skills"
    /// ("communication and interpersonal skills"); never inside a sentence ("forecasting demand", "a collaborative team").
    /// </summary>
    private static bool InSkillList(List<SkillToken> tokens, Skill?[] matchedAt, int position, int length)
    {
        var after = position + length;
        if (IsSkillsWord(after) || (after + 2 < tokens.Count && (tokens[after].Lower is "and" or "or" || tokens[after].Kind == TokenKind.ListSeparator) && IsSkillsWord(after + 2)))
            return true;
        var startsItem = position == 0 || tokens[position - 1].Kind != TokenKind.Word || tokens[position - 1].Lower is "and" or "or";
        var endsItem = after >= tokens.Count || tokens[after].Kind != TokenKind.Word || tokens[after].Lower is "and" or "or";
        return startsItem && endsItem && (IsSkill(Neighbour(tokens, position - 1, -1)) || IsSkill(Neighbour(tokens, after, +1)));

        bool IsSkillsWord(int index) => index < tokens.Count && tokens[index].Lower is "skills" or "skill" or "abilities";
        bool IsSkill(int index) => index >= 0 && index < tokens.Count && matchedAt[index] is not null;
    }

    /// <summary>
    /// Which words stand under a skills heading: a short line such as "Skills", "Technical Skills", "Tools &amp;
    /// Technologies" (up to the next heading such as "Education", at most <see cref="MaxSectionLines"/> lines), or the
    /// rest of a line that starts "Key skills:".
    /// </summary>
    private static bool[] SkillsSections(List<SkillToken> tokens)
    {
        var inSection = new bool[tokens.Count];
        var linesLeft = 0;
        for (var start = 0; start < tokens.Count;)
        {
            var end = start;
            while (end < tokens.Count && tokens[end].Lower != "\n") end++;
            var colon = tokens.FindIndex(start, end - start, t => t.Original == ":");
            var leadEnd = colon < 0 ? end : colon;
            var lead = tokens.Skip(start).Take(leadEnd - start).ToList();
            var leadWords = lead.Where(t => t.Kind == TokenKind.Word).Select(t => t.Lower).ToList();
            var hasWords = tokens.Skip(start).Take(end - start).Any(t => t.Kind == TokenKind.Word);
            var headingLike = leadWords.Count is >= 1 and <= 5 && !lead.Any(t => t.Original is "," or ";" || t.Kind == TokenKind.SentenceEnd);
            var inlineContent = colon >= 0 && tokens.Skip(colon).Take(end - colon).Any(t => t.Kind == TokenKind.Word);
            var otherHeading = headingLike && leadWords.Count <= 4 && OtherHeadings.Contains(leadWords[^1]);
            if (headingLike && leadWords.Any(SkillsHeadings.Contains))
            {
                // "Skills" alone opens a section; "Soft skills: teamwork" is one line of skills, inside a section or not.
                if (inlineContent) for (var k = colon + 1; k < end; k++) inSection[k] = true;
                linesLeft = inlineContent ? Math.Max(linesLeft - 1, 0) : MaxSectionLines;
            }
            // "Education" or "Experience:" ends it; a labelled line inside it ("Frameworks: Spring Boot") does not.
            else if (otherHeading || headingLike && colon >= 0 && !inlineContent) linesLeft = 0;
            else if (linesLeft > 0 && hasWords)
            {
                for (var k = start; k < end; k++) inSection[k] = true;
                linesLeft--;
            }
            start = end + 1;
        }
        return inSection;
    }

    private static bool InTechnicalContext(List<SkillToken> tokens, Skill?[] matchedAt, int position, int length)
    {
        var after = position + length;
        if (after < tokens.Count && TechnicalFollowers.Contains(tokens[after].Lower)) return true;
        if (position >= 2 && tokens[position - 1].Lower is "in" or "using" or "with" && TechnicalLeadIns.Contains(tokens[position - 2].Lower)) return true;
        return IsTechnical(Neighbour(tokens, position - 1, -1)) || IsTechnical(Neighbour(tokens, after, +1));

        bool IsTechnical(int index) => index >= 0 && index < tokens.Count && matchedAt[index] is { } s && s.Category.IsTechnical();
    }

    /// <summary>The next word in a direction, stepping over one list separator or "and"/"or" ("Python, R", "C/C++", "Java or Go").</summary>
    private static int Neighbour(List<SkillToken> tokens, int index, int step)
    {
        if (index < 0 || index >= tokens.Count) return -1;
        var t = tokens[index];
        return t.Kind == TokenKind.ListSeparator || t.Lower is "and" or "or" ? index + step : index;
    }
}
