using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections.Jobs;

namespace OttobonJobs.Tests.Jobs;

/// <summary>Descriptions as real career sites mark them up: what the job page shows and what search and the AI read.</summary>
public class description_markup
{
    /// <summary>Deloitte's real shape: the whole description inside a font element, headings in b, lines ended by br.</summary>
    private const string DeloitteFont = """
        <div><p><font face="tahoma" size="2"><b>Your work profile</b><br>As an Analyst in Audit &amp; Assurance you will
        test controls for banking clients.<br><ul><li>Perform walkthroughs of payment processes</li><li>Reconcile ledgers in Excel</li></ul>
        <b>Qualifications</b><br>B.Com or M.Com; knowledge of SQL is a plus.</font></p></div>
        """;

    /// <summary>Pasted from Word: a conditional comment with settings, MsoNormal paragraphs, styled spans and o:p.</summary>
    private const string WordPasted = """
        <!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View><w:TrackMoves>false</w:TrackMoves></w:WordDocument></xml><![endif]-->
        <p class=MsoNormal><span style='font-family:"Arial",sans-serif'>Prepare monthly GST returns for clients<o:p></o:p></span></p>
        <p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span
        style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span><![endif]><span>Draft replies to tax notices</span><o:p></o:p></p>
        <w:Sdt><span lang=EN-IN>Work with Tally and Excel</span></w:Sdt>
        """;

    [Fact]
    public void a_font_wrapped_deloitte_description_keeps_its_text_and_structure()
    {
        var html = DescriptionHtml.From(DeloitteFont);

        html.ShouldNotContain("<font");
        html.ShouldContain("<b>Your work profile</b>");
        html.ShouldContain("test controls for banking clients.");
        html.ShouldContain("<li>Perform walkthroughs of payment processes</li>");
        html.ShouldContain("knowledge of SQL is a plus.");
    }

    [Fact]
    public void word_pasted_markup_keeps_its_text_and_loses_the_office_markup_and_the_conditional_comment()
    {
        var html = DescriptionHtml.From(WordPasted);

        html.ShouldContain("<p><span>Prepare monthly GST returns for clients</span></p>");
        html.ShouldContain("Draft replies to tax notices");
        html.ShouldContain("Work with Tally and Excel");
        foreach (var gone in new[] { "o:p", "w:", "MsoNormal", "style", "<!--", "mso", "TrackMoves", "false", "Normal" })
            html.ShouldNotContain(gone);
    }

    [Fact]
    public void unknown_elements_are_unwrapped_and_nested_tables_keep_every_cell()
    {
        var html = DescriptionHtml.From("""
            <center><section><table><tr><td><table><tr><td><span style="color:red">Power BI</span></td><td>dashboards</td></tr></table></td>
            <td><article>Python scripts</article></td></tr></table></section></center>
            """);

        html.ShouldNotContain("<center");
        html.ShouldNotContain("<section");
        html.ShouldContain("<td><span>Power BI</span></td><td>dashboards</td>");
        html.ShouldContain("Python scripts");
        HtmlText.ToPlainText(html).ShouldBe("Power BI dashboards\nPython scripts");
    }

    [Fact]
    public void scripts_styles_and_embedded_content_are_dropped_with_what_they_hold()
    {
        var raw = """
            <p>Audit Associate</p><script>var track = "secret";</script><style>.x { color: red }</style>
            <noscript><p>Enable scripts</p></noscript><template><p>hidden template</p></template>
            <iframe src="https://ads.example">frame text</iframe><object data="x.swf"><p>plugin text</p></object>
            <p>Vouch invoices</p>
            """;

        var html = DescriptionHtml.From(raw);
        var text = HtmlText.ToPlainText(raw);

        foreach (var gone in new[] { "secret", "color", "Enable scripts", "hidden template", "frame text", "plugin text" })
        {
            html.ShouldNotContain(gone);
            text.ShouldNotContain(gone);
        }
        html.ShouldStartWith("<p>Audit Associate</p>");
        html.ShouldEndWith("<p>Vouch invoices</p>");
        text.ShouldBe("Audit Associate\nVouch invoices");
    }

    [Fact]
    public void javascript_links_lose_their_href_and_keep_their_text()
    {
        var html = DescriptionHtml.From("""<p><a onclick="if (a > b) go()" href="javascript:apply()">Apply here</a> or <a href="https://careers.example.com/apply">online</a></p>""");

        html.ShouldNotContain("javascript", Case.Insensitive);
        html.ShouldNotContain("onclick");
        html.ShouldContain(">Apply here</a>");
        html.ShouldContain("""href="https://careers.example.com/apply" """.Trim());
    }

    [Theory]
    [InlineData("<font face=\"tahoma\" size=\"2\">Prepare returns</font>")]
    [InlineData("<o:p>Prepare returns</o:p>")]
    [InlineData("<center>Prepare returns</center>")]
    [InlineData("<!--[if gte mso 9]><xml></xml><![endif]-->Prepare returns")]
    public void descriptions_starting_with_word_or_font_markup_are_seen_as_html(string raw)
    {
        DescriptionHtml.IsHtml(raw).ShouldBeTrue();
        DescriptionHtml.ToPlainText(raw).ShouldBe("Prepare returns");
    }

    [Theory]
    [InlineData("Salary < 5 LPA, bonus > 10%")]
    [InlineData("Use a <placeholder> in templates")]
    public void plain_text_with_angle_brackets_is_not_html(string raw) => DescriptionHtml.IsHtml(raw).ShouldBeFalse();

    [Fact]
    public void the_text_decodes_entities_breaks_at_blocks_and_joins_inline_elements()
    {
        var text = HtmlText.ToPlainText("""
            <h3>Skills&nbsp;needed</h3><p>Ja<b>va</b> &amp; Spring&#160;Boot, R&amp;D &#8211; &#x2713; done</p>
            <div>Line one<br>Line two</div><ul><li>First duty</li><li><p>Second duty</p></li></ul><p>   </p><span>end</span>
            """);

        text.ShouldBe("Skills needed\nJava & Spring Boot, R&D – ✓ done\nLine one\nLine two\n• First duty\n• Second duty\nend");
    }

    [Fact]
    public void a_javascript_link_in_a_description_does_not_make_javascript_a_skill()
    {
        // The issue 15 bug: a regex tag-stripper cut the tag at the ">" inside onclick and left the href in the text.
        const string raw = """
            <p>We are hiring an Audit Associate to vouch invoices, test controls and reconcile ledgers in Excel.</p>
            <p><a onclick="if (a > b) track()" href="javascript:openApply('audit')">Apply</a> before 30 November.</p>
            """;
        var enricher = new LocalJobEnricher();

        foreach (var description in new[] { DescriptionHtml.ToPlainText(raw), raw }) // as EnrichJob hands it over, and raw
        {
            var skills = enricher.Enrich(new JobToEnrich("Audit Associate", "Deloitte", "Mumbai", description, [])).Skills;
            skills.ShouldNotContain("JavaScript");
            skills.ShouldContain("Excel");
        }
        DescriptionHtml.ToPlainText(raw).ShouldNotContain("javascript", Case.Insensitive);
    }

    [Fact]
    public void a_font_wrapped_description_gives_skills_from_its_body()
    {
        var skills = new LocalJobEnricher().Enrich(new JobToEnrich("Analyst", "Deloitte", "Mumbai", DescriptionHtml.ToPlainText(DeloitteFont), [])).Skills;

        skills.ShouldContain("Excel");
        skills.ShouldContain("SQL");
    }
}
