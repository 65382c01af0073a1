using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;

namespace OttobonJobs.Tests.Jobs;

/// <summary>A provider's description is Markdown: the job page gets sanitised HTML, search and the AI its text.</summary>
public class markdown_descriptions
{
    public const string Posted = """
        # About the role
        We build **payment APIs** for banks. Read [our engineering blog](https://example.com/blog).

        ## What you will do
        - Design REST endpoints in *C#*
        - Review pull requests
        - Deploy to AWS

        ## How to apply
        1. Send your resume
        2. Take a short call
        """;

    private const string Hostile = """
        ## Hi
        <script>alert('x')</script>
        <img src=x onerror="alert(1)">
        [click me](javascript:alert(1)) and ![tracker](https://evil.example/pixel.png)
        <a href="javascript:alert(2)">raw link</a>
        """;

    [Fact]
    public void headings_lists_emphasis_and_links_render_as_html()
    {
        var html = DescriptionHtml.From(Posted, DescriptionFormat.Markdown);

        html.ShouldContain("<h2>About the role</h2>"); // "#" is the page's title level: it becomes h2
        html.ShouldContain("<h2>What you will do</h2>");
        html.ShouldContain("<ul>\n<li>Design REST endpoints in <em>C#</em></li>");
        html.ShouldContain("<ol>\n<li>Send your resume</li>");
        html.ShouldContain("<strong>payment APIs</strong>");
        html.ShouldContain("<a href=\"https://example.com/blog\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">our engineering blog</a>");
    }

    [Fact]
    public void raw_html_scripts_images_and_javascript_links_do_not_survive()
    {
        var html = DescriptionHtml.From(Hostile, DescriptionFormat.Markdown);

        html.ShouldContain("<h2>Hi</h2>");
        html.ShouldContain("&lt;script&gt;alert('x')&lt;/script&gt;"); // typed HTML shows as the text it is
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<a href=\"javascript");
        html.ShouldContain("<a rel=\"noopener noreferrer nofollow\" target=\"_blank\">click me</a>"); // the link's text stays, without its href
    }

    [Fact]
    public void the_text_for_search_and_the_ai_has_no_markdown_syntax()
    {
        var text = DescriptionHtml.ToPlainText(Posted, DescriptionFormat.Markdown);

        text.ShouldContain("About the role");
        text.ShouldContain("We build payment APIs for banks.");
        text.ShouldContain("• Design REST endpoints in C#");
        text.ShouldContain("• Send your resume");
        foreach (var syntax in new[] { "# ", "**", "*C#*", "](", "- Design", "1. Send" }) text.ShouldNotContain(syntax);
        text.ShouldNotContain("https://example.com"); // a link's target is not text a reader sees
    }

    [Fact]
    public void a_plain_text_description_from_before_markdown_keeps_its_paragraphs_and_line_breaks()
    {
        const string typed = "Line one\nline two\n\nSecond paragraph & more";

        DescriptionHtml.From(typed, DescriptionFormat.Markdown).ShouldBe("<p>Line one<br>\nline two</p>\n<p>Second paragraph &amp; more</p>");
        DescriptionHtml.From(typed).ShouldBe("<p>Line one<br>line two</p><p>Second paragraph &amp; more</p>");
    }

    [Fact]
    public void a_career_sites_html_is_not_read_as_markdown()
    {
        const string scraped = "<h3>Role</h3><p>Use *args in Python</p>";

        DescriptionHtml.From(scraped, DescriptionFormat.CareerSite).ShouldBe("<h3>Role</h3><p>Use *args in Python</p>");
    }
}
