using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Projections.Jobs;

/// <summary>
/// What the API serves as a job's HTML. Scraped descriptions carry the career site's markup: it is sanitised
/// (no scripts, event handlers, styles or javascript: links). An element it does not allow (Deloitte's
/// <c>&lt;font face="tahoma"&gt;</c> around the whole description, Word's <c>&lt;o:p&gt;</c>, <c>&lt;center&gt;</c>) is
/// unwrapped: its text and allowed children stay. What nobody sees (script, style, comments, Word's conditional
/// comments) goes with its content first (<see cref="HtmlText.ParseVisible"/>). Plain-text descriptions become paragraphs.
/// A provider's description is Markdown (<see cref="DescriptionFormat.Markdown"/>): rendered by Markdig with raw HTML
/// disabled (typed tags show as text), then through the same sanitiser, so a <c>javascript:</c> link loses its href
/// and an image is dropped.
/// </summary>
public static partial class DescriptionHtml
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    // Single line breaks stay line breaks: a description typed into a text box (and every one posted before Markdown)
    // reads as it was typed. Bare URLs become links.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UseSoftlineBreakAsHardlineBreak().UseAutoLinks().UsePipeTables().Build();

    public static string From(string descriptionRaw, DescriptionFormat format) =>
        format == DescriptionFormat.Markdown ? FromMarkdown(descriptionRaw) : From(descriptionRaw);

    /// <summary>The description as plain text (line breaks kept, Markdown's syntax gone), for search, embeddings and the AI.</summary>
    public static string ToPlainText(string descriptionRaw, DescriptionFormat format) =>
        format == DescriptionFormat.Markdown ? HtmlText.ToPlainText(FromMarkdown(descriptionRaw)) : ToPlainText(descriptionRaw);

    private static string FromMarkdown(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        // The job's title is the page's h1; the sanitiser keeps h2-h5.
        foreach (var heading in document.Descendants<HeadingBlock>()) heading.Level = Math.Clamp(heading.Level, 2, 5);
        var sanitised = HtmlText.ParseVisible(Markdig.Markdown.ToHtml(document, Pipeline));
        Sanitizer.SanitizeDom(sanitised, sanitised.Body);
        return sanitised.Body!.InnerHtml.Trim();
    }

    /// <summary>A career site's description (HTML or plain text) as the HTML the API serves.</summary>
    public static string From(string descriptionRaw)
    {
        if (IsHtml(descriptionRaw))
        {
            var document = HtmlText.ParseVisible(descriptionRaw);
            Sanitizer.SanitizeDom(document, document.Body);
            return document.Body!.InnerHtml.Trim();
        }

        var html = new StringBuilder();
        var paragraphs = descriptionRaw.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            var lines = paragraph.Split('\n').Select(line => WebUtility.HtmlEncode(line.Trim()));
            html.Append("<p>").Append(string.Join("<br>", lines)).Append("</p>");
        }
        return html.ToString();
    }

    /// <summary>A career site's description as plain text (line breaks kept), for search, embeddings and the AI.</summary>
    public static string ToPlainText(string descriptionRaw) =>
        IsHtml(descriptionRaw) ? HtmlText.ToPlainText(descriptionRaw) : descriptionRaw.Trim();

    /// <summary>Whether the description is markup rather than text that happens to contain a "&lt;".</summary>
    public static bool IsHtml(string description) => LooksLikeHtml().IsMatch(description);

    // A known tag (Word's and Deloitte's included), any prefixed one (<o:p>, <w:Sdt>), or a comment.
    [GeneratedRegex(@"<\s*(/\s*)?((p|div|br|hr|ul|ol|li|dl|dt|dd|span|font|strong|b|i|u|em|small|sup|sub|center|section|article|header|footer|blockquote|pre|h[1-6]|a|table|thead|tbody|tr|td|th|script|noscript|style|img|iframe|object|html|body|head|meta|xml)\b|[a-z]+:[a-z]+\b)|<!--", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeHtml();

    private static HtmlSanitizer CreateSanitizer()
    {
        // Unwrap, never drop: a disallowed element's children take its place (and are sanitised in turn).
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
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
