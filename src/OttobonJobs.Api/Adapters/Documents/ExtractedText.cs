using System.Text;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// Tidies text read from a document (PDF or Word) so the same word reads the same however it was set: Unicode
/// compatibility normalisation (NFKC) folds ligatures ("ﬁ" → "fi", so "Ofﬁce" matches "Office"), full-width forms and
/// non-breaking spaces; soft hyphens, zero-width spaces and private-use characters (icon glyphs) go; a word hyphenated
/// across a line break is rejoined where that is safe. Then one kind of line break, no trailing spaces, at most one blank
/// line in a row, no control characters. Scripts keep their letters: NFKC leaves Devanagari, Tamil or Cyrillic words
/// as they read (at most a precomposed nukta letter becomes letter + nukta), and ZWJ/ZWNJ, which Indic text needs, stay.
/// </summary>
public static class ExtractedText
{
    private const char SoftHyphen = '\u00AD';

    /// <summary>Invisible characters that only break or join words for layout; ZWJ and ZWNJ are not among them.</summary>
    private static readonly char[] ZeroWidth = ['\u200B', '\u2060', '\u180E', '\uFEFF'];

    /// <summary>
    /// First parts that make real hyphenated compounds ("self-motivated", "cross-functional"): a line break after them
    /// keeps the hyphen. Any other lower-case word broken as "manage-" / "ment" is rejoined without it.
    /// </summary>
    private static readonly HashSet<string> CompoundPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "self", "well", "full", "part", "cross", "non", "co", "ex", "multi", "end", "high", "low", "long", "short",
        "real", "hands", "state", "user", "team", "detail", "results", "data", "cloud", "cost", "time", "goal",
        "fast", "client", "customer", "front", "back", "open", "first", "second", "third", "mid", "semi", "pre", "post",
    };

    public static string Normalise(string text)
    {
        var folded = Folded(text.Replace("\r\n", "\n").Replace('\r', '\n'));
        var lines = folded.Split('\n');
        var result = new List<string>(lines.Length);
        var blankLines = 0;

        foreach (var raw in lines)
        {
            var line = WithoutControlCharacters(raw).TrimEnd();
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (blankLines == 0 && result.Count > 0 && TryRejoin(result[^1], line, out var joined, out var rest))
            {
                result[^1] = joined;
                if (rest.Length == 0) continue;
                line = rest;
            }
            else if (result.Count > 0 && blankLines > 0)
            {
                result.Add("");
            }

            result.Add(line);
            blankLines = 0;
        }
        return string.Join("\n", result);
    }

    /// <summary>Soft hyphens at a line's end join the word; others, zero-width and private-use characters go; then NFKC.</summary>
    private static string Folded(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == SoftHyphen)
            {
                // "manage\u00AD\nment": the soft hyphen marks where the word was broken.
                var next = i + 1;
                while (next < text.Length && text[next] is ' ' or '\t') next++;
                if (next < text.Length && text[next] == '\n')
                {
                    next++;
                    while (next < text.Length && text[next] is ' ' or '\t') next++;
                    i = next - 1;
                }
                continue;
            }
            if (Array.IndexOf(ZeroWidth, c) >= 0) continue;
            if (c is >= '\uE000' and <= '\uF8FF') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (char.ConvertToUtf32(c, text[i + 1]) < 0xF0000) kept.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            kept.Append(c);
        }
        return kept.ToString().Normalize(NormalizationForm.FormKC);
    }

    /// <summary>
    /// "Responsible for manage-" + "ment of accounts" → "Responsible for management" + "of accounts": only when the
    /// broken part is two or more lower-case letters after a letter and the next line starts in lower case, so dashes
    /// ("2023 -"), capitalised words and "e-" stay as they are. Known compound prefixes keep their hyphen.
    /// </summary>
    private static bool TryRejoin(string previous, string line, out string joined, out string rest)
    {
        joined = rest = "";
        if (previous.Length < 3 || previous[^1] != '-' || line.Length == 0 || !char.IsLower(line[0])) return false;

        var start = previous.Length - 1;
        while (start > 0 && char.IsLetter(previous[start - 1])) start--;
        var part = previous[start..^1];
        if (part.Length < 2 || !part.All(char.IsLower) || (start > 0 && previous[start - 1] is not (' ' or '(' or '/'))) return false;

        var end = line.IndexOf(' ');
        var first = end < 0 ? line : line[..end];
        joined = (CompoundPrefixes.Contains(part) ? previous : previous[..^1]) + first;
        rest = end < 0 ? "" : line[(end + 1)..].TrimStart();
        return true;
    }

    /// <summary>Drops C0/C1 controls (tabs become spaces); keeps joiners such as ZWJ/ZWNJ, which Indic text needs.</summary>
    private static string WithoutControlCharacters(string line)
    {
        if (!line.Any(char.IsControl)) return line;

        var kept = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c == '\t') kept.Append(' ');
            else if (!char.IsControl(c)) kept.Append(c);
        }
        return kept.ToString();
    }
}
