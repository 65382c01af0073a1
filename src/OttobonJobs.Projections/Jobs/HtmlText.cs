using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OttobonJobs.Projections.Jobs;

/// <summary>
/// HTML read by a real parser (AngleSharp), the one way descriptions become text for search, embeddings, skills and
/// the AI. Text only: no attribute (a <c>javascript:</c> href, an onclick) and nothing a browser would not show
/// (script, style, comments, Word's conditional comments) reaches it; entities decode; block elements and
/// <c>&lt;br&gt;</c> end lines, list items start with a bullet, and inline elements join (<c>Ja&lt;b&gt;va&lt;/b&gt;</c> is "Java").
/// </summary>
public static class HtmlText
{
    /// <summary>Elements dropped with everything in them: never content a reader sees.</summary>
    private static readonly HashSet<string> Unseen = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "head", "title", "meta", "link",
        "svg", "math", "canvas", "xml", "xmp", "select", "button",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "center", "blockquote", "pre",
        "address", "figure", "figcaption", "form", "fieldset", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "dl", "dt", "dd", "li", "table", "thead", "tbody", "tfoot", "tr", "caption", "hr",
    };

    private static readonly HtmlParser Parser = new();

    /// <summary>Parses <paramref name="html"/> as a body fragment, without the elements nobody sees and without comments.</summary>
    public static IHtmlDocument ParseVisible(string html)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        RemoveUnseen(document.Body!);
        return document;
    }

    public static string ToPlainText(string html)
    {
        var document = ParseVisible(html);
        var text = new TextWriter();
        Write(document.Body!, text);
        return text.ToString();
    }

    private static void RemoveUnseen(INode root)
    {
        foreach (var child in root.ChildNodes.ToList())
        {
            if (child is IComment || child is IElement element && IsUnseen(element)) child.RemoveFromParent();
            else RemoveUnseen(child);
        }
    }

    private static bool IsUnseen(IElement element) => Unseen.Contains(element.LocalName) || element.HasAttribute("hidden");

    private static void Write(INode node, TextWriter text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText part:
                    text.Inline(part.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.LineBreak();
                    break;
                case IElement { LocalName: "li" } item:
                    text.LineBreak();
                    text.Bullet();
                    Write(item, text);
                    text.LineBreak();
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    text.Gap();
                    Write(cell, text);
                    text.Gap();
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    text.LineBreak();
                    Write(element, text);
                    text.LineBreak();
                    break;
                case IElement element:
                    Write(element, text);
                    break;
            }
        }
    }

    /// <summary>Text with HTML's whitespace rules: runs of spaces are one, lines are trimmed, no empty lines.</summary>
    private sealed class TextWriter
    {
        private readonly StringBuilder _done = new();
        private readonly StringBuilder _line = new();
        private bool _pendingSpace;

        public void Inline(string data)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c)) { Gap(); continue; } // &nbsp; too
                if (_pendingSpace) _line.Append(' ');
                _pendingSpace = false;
                _line.Append(c);
            }
        }

        /// <summary>A word boundary that is not a line break, e.g. between table cells.</summary>
        public void Gap() => _pendingSpace = _line.Length > 0 && _line[^1] != ' ';

        public void Bullet()
        {
            _line.Append("• ");
            _pendingSpace = false;
        }

        public void LineBreak()
        {
            var line = _line.ToString().Trim();
            if (line == "•") return; // a list item opening with a paragraph: the bullet goes on its first line
            if (line.Length > 0)
            {
                if (_done.Length > 0) _done.Append('\n');
                _done.Append(line);
            }
            _line.Clear();
            _pendingSpace = false;
        }

        public override string ToString()
        {
            LineBreak();
            return _done.ToString();
        }
    }
}
