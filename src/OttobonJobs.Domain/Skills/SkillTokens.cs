namespace OttobonJobs.Domain.Skills;

internal enum TokenKind
{
    Word,
    /// <summary>Separates items of a list: , ; / | ( ) and line breaks. Multi-word skills never span one, except "/" written inside an alias (CI/CD).</summary>
    ListSeparator,
    /// <summary>Ends a sentence or clause: . ! ? :</summary>
    SentenceEnd,
}

internal readonly record struct SkillToken(string Lower, string Original, TokenKind Kind);

/// <summary>
/// Splits text into words that keep the symbols skills are written with (C#, C++, .NET, Node.js, R&amp;D, FP&amp;A),
/// so matching is a dictionary lookup per word instead of hundreds of regexes. Aliases are split by the same
/// rules, which is what makes "CI/CD", "ci / cd" and "Node.JS," all compare equal to their alias.
/// Hyphens are treated as spaces ("front-end" = "front end"); a lone "&amp;" becomes the word "and".
/// </summary>
internal static class SkillTokens
{
    public static List<SkillToken> Split(string text)
    {
        var tokens = new List<SkillToken>(text.Length / 5 + 4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || (c == '.' && StartsDotWord(text, i)))
            {
                var end = WordEnd(text, i);
                var word = text[i..end];
                tokens.Add(new SkillToken(word.ToLowerInvariant(), word, TokenKind.Word));
                i = end;
                continue;
            }
            switch (c)
            {
                case ',' or ';' or '/' or '|' or '(' or ')' or '[' or ']' or '•' or '·' or '\n':
                    tokens.Add(new SkillToken(c == '\n' ? "\n" : c.ToString(), c.ToString(), TokenKind.ListSeparator));
                    break;
                case '.' or '!' or '?' or ':':
                    tokens.Add(new SkillToken(".", c.ToString(), TokenKind.SentenceEnd));
                    break;
                case '&':
                    tokens.Add(new SkillToken("and", "&", TokenKind.Word));
                    break;
            }
            i++;
        }
        return tokens;
    }

    /// <summary>".NET" starts a word; the dot in "end. Next" does not.</summary>
    private static bool StartsDotWord(string text, int i) =>
        i + 1 < text.Length && char.IsLetter(text[i + 1]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]));

    private static int WordEnd(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (char.IsLetterOrDigit(c)) { i++; continue; }
            // Inner dots, ampersands and apostrophes: node.js, asp.net, r&d, m&a, bachelor's.
            if (c is '.' or '&' or '\'' or '’' && char.IsLetterOrDigit(next)) { i++; continue; }
            // Trailing + and # belong to the word (c++, c#, notepad++), but "python+sql" splits.
            if (c is '+' or '#')
            {
                var j = i;
                while (j < text.Length && text[j] is '+' or '#') j++;
                if (j < text.Length && char.IsLetterOrDigit(text[j])) return i;
                return j;
            }
            return i;
        }
        return i;
    }
}
