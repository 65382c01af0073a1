using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace OttobonJobs.Projections.Jobs;

/// <summary>
/// What the API serves as a job's HTML. Scraped descriptions carry the career site's markup: it is sanitised
/// (no scripts, event handlers, styles or javascript: links). Plain-text descriptions become paragraphs.
/// </summary>
public static partial class DescriptionHtml
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string From(string descriptionRaw)
    {
        if (LooksLikeHtml().IsMatch(descriptionRaw)) return Sanitizer.Sanitize(descriptionRaw).Trim();

        var html = new StringBuilder();
        var paragraphs = descriptionRaw.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            var lines = paragraph.Split('\n').Select(line => WebUtility.HtmlEncode(line.Trim()));
            html.Append("<p>").Append(string.Join("<br>", lines)).Append("</p>");
        }
        return html.ToString();
    }

    /// <summary>The description as plain text (line breaks kept), for search, embeddings and the AI.</summary>
    public static string ToPlainText(string descriptionRaw)
    {
        if (!LooksLikeHtml().IsMatch(descriptionRaw)) return descriptionRaw.Trim();
        var withBreaks = BlockEnds().Replace(descriptionRaw, "\n");
        var text = WebUtility.HtmlDecode(AnyTag().Replace(withBreaks, " "));
        return SpacesBeforeNewline().Replace(text, "\n").Trim();
    }

    [GeneratedRegex(@"<\s*(p|div|br|ul|ol|li|span|strong|b|i|em|h[1-6]|a|table|script|img|iframe|style)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"<\s*(br\s*/?|/p|/li|/h\d|/div|/tr)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t]*\n[ \t]*")]
    private static partial Regex SpacesBeforeNewline();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "h2", "h3", "h4", "h5", "a", "span", "div", "table", "thead", "tbody", "tr", "th", "td" })
            sanitizer.AllowedTags.Add(tag);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "https", "http", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedCssProperties.Clear();
        // Links open in a new tab without handing the target page a reference to ours.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
                link.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }
}
