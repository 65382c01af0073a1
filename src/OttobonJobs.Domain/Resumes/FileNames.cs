using System.Globalization;
using System.Text;

namespace OttobonJobs.Domain.Resumes;

/// <summary>
/// Turns the name a browser sent with an upload into one that is safe to show and to put in a download header.
/// The name is never used as a storage path (files are keyed by user and content hash); this only keeps it tidy.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 120;
    private const int MaxExtensionLength = 10;
    private const int MaxMarksInARow = 4;
    private const string FallbackStem = "resume";

    /// <summary>
    /// Keeps the last path segment (after / or \), letters of any script with their combining marks, digits,
    /// spaces and <c>. _ - ( )</c>; drops control and formatting characters (including right-to-left overrides)
    /// and anything else; collapses whitespace; trims dots and spaces; keeps the result within <see cref="MaxLength"/>
    /// characters with its extension. When nothing usable is left the name is "resume" plus the extension.
    /// </summary>
    /// <param name="name">The name as uploaded, possibly null or hostile.</param>
    /// <param name="extension">When given (for example "pdf"), the result ends with it whatever the upload said.</param>
    public static string Sanitise(string? name, string? extension = null)
    {
        var cleaned = KeepSafeCharacters(LastSegment(name ?? "").Normalize(NormalizationForm.FormC));
        var (stem, uploadedExtension) = SplitExtension(cleaned);

        var finalExtension = extension is null ? uploadedExtension : CleanExtension(extension);
        stem = TrimDotsAndSpaces(stem);
        if (stem.Length == 0) stem = FallbackStem;

        var suffix = finalExtension.Length == 0 ? "" : "." + finalExtension;
        stem = TrimDotsAndSpaces(Truncate(stem, MaxLength - suffix.Length));
        return (stem.Length == 0 ? FallbackStem : stem) + suffix;
    }

    private static string LastSegment(string name)
    {
        var cut = name.LastIndexOfAny(['/', '\\']);
        return cut < 0 ? name : name[(cut + 1)..];
    }

    private static string KeepSafeCharacters(string name)
    {
        var kept = new StringBuilder(name.Length);
        var marksInARow = 0;
        var previousWasLetter = false;

        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

            if (isMark)
            {
                // Vowel signs and viramas belong to the letter before them (हिन्दी, தமிழ்); a pile of marks is noise.
                if (previousWasLetter && marksInARow < MaxMarksInARow)
                {
                    kept.Append(rune.ToString());
                    marksInARow++;
                }
                continue;
            }

            marksInARow = 0;
            previousWasLetter = Rune.IsLetterOrDigit(rune);
            if (previousWasLetter || rune.Value is '.' or '_' or '-' or '(' or ')')
                kept.Append(rune.ToString());
            else if (Rune.IsWhiteSpace(rune))
                kept.Append(' ');
            // Everything else (controls, format characters such as U+202E, symbols, quotes, <>:|?*) is dropped.
        }

        return CollapseSpaces(kept.ToString());
    }

    private static string CollapseSpaces(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && (collapsed.Length == 0 || collapsed[^1] == ' ')) continue;
            collapsed.Append(c);
        }
        return collapsed.ToString();
    }

    private static (string Stem, string Extension) SplitExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0) return (name, "");

        var extension = CleanExtension(name[(dot + 1)..]);
        return extension.Length == 0 ? (name, "") : (name[..dot], extension);
    }

    /// <summary>An extension is 1 to 10 ASCII letters or digits, kept in lower case; anything else is not one.</summary>
    private static string CleanExtension(string extension)
    {
        var trimmed = extension.Trim().TrimStart('.').ToLowerInvariant();
        return trimmed.Length is > 0 and <= MaxExtensionLength && trimmed.All(char.IsAsciiLetterOrDigit) ? trimmed : "";
    }

    private static string TrimDotsAndSpaces(string text) => text.Trim(' ', '.');

    /// <summary>Cuts at a text-element boundary so a surrogate pair or a letter with its marks is never split.</summary>
    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;

        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = length + ((string)elements.Current).Length;
            if (next > maxLength) break;
            length = next;
        }
        return text[..length];
    }
}
