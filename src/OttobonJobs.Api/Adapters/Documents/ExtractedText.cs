using System.Text;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// Tidies text read from a document without changing its words: one kind of line break, no trailing spaces,
/// at most one blank line in a row, no control characters. Every script is kept as it is (no Unicode
/// normalisation either, so Devanagari, Tamil or CJK come out exactly as the document holds them).
/// </summary>
public static class ExtractedText
{
    public static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var result = new StringBuilder(text.Length);
        var blankLines = 0;

        foreach (var raw in lines)
        {
            var line = WithoutControlCharacters(raw).TrimEnd();
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (result.Length > 0) result.Append(blankLines > 0 ? "\n\n" : "\n");
            result.Append(line);
            blankLines = 0;
        }
        return result.ToString();
    }

    /// <summary>Drops C0/C1 controls (tabs become spaces) and byte-order marks; keeps joiners such as ZWJ/ZWNJ, which Indic text needs.</summary>
    private static string WithoutControlCharacters(string line)
    {
        if (!line.Any(c => char.IsControl(c) || c == '\uFEFF')) return line;

        var kept = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c == '\t') kept.Append(' ');
            else if (!char.IsControl(c) && c != '\uFEFF') kept.Append(c);
        }
        return kept.ToString();
    }
}
