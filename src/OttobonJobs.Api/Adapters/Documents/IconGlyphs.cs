using UglyToad.PdfPig.Content;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// Glyphs that draw pictures, not text: everything set in an icon font (Font Awesome, Material Icons, Wingdings…),
/// whatever its ToUnicode map claims (some map icons to their names, so "HOUSE-CHIMNEY" or "PHONE" would leak into
/// the text), and anything mapped to a private-use code point. The font is recognised by its name, so the word PHONE
/// in the body font is text and stays.
/// </summary>
internal static class IconGlyphs
{
    /// <summary>Parts of icon fonts' names, compared without case, spaces, hyphens or underscores ("fa-solid-900" → "fasolid900").</summary>
    private static readonly string[] IconFontNames =
    [
        "fontawesome", "fasolid", "faregular", "fabrands", "falight", "fathin", "faduotone", "fasharp",
        "icons", // Material Icons, Ionicons, Bootstrap Icons, Glyphicons, Tabler Icons, Academicons… (not "icon": Lexicon is a text face)
        "materialsymbols", "remixicon", "icomoon", "fontello", "feather", "lucide", "entypo", "octicons",
        "wingdings", "webdings", "dingbats",
    ];

    public static bool IsText(Letter letter) => !IsPrivateUse(letter.Value) && !IsIconFont(letter.FontName);

    /// <summary>True when the font's name (with or without its subset prefix, "ABCDEF+") is an icon font's.</summary>
    public static bool IsIconFont(string? fontName)
    {
        if (string.IsNullOrEmpty(fontName)) return false;
        var name = string.Concat(fontName[(fontName.IndexOf('+') + 1)..].Where(char.IsLetterOrDigit)).ToLowerInvariant();
        return IconFontNames.Any(name.Contains);
    }

    /// <summary>True when any character is in a private-use area (U+E000–U+F8FF, planes 15 and 16).</summary>
    public static bool IsPrivateUse(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (char.ConvertToUtf32(value[i], value[i + 1]) >= 0xF0000) return true;
                i++;
            }
            else if (value[i] is >= '\uE000' and <= '\uF8FF')
            {
                return true;
            }
        }
        return false;
    }
}
