using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Documents;

public class when_reading_a_word_document
{
    [Fact]
    public async Task paragraphs_and_tables_come_out_in_body_order()
    {
        var text = ResumeTexts.ComputerScienceGraduate(nativeScripts: true);

        var resume = await Extraction.Docx(ResumeFiles.Docx(text));

        resume.Text.ShouldBe(ExtractedText.Normalise(text));
        resume.Pages.ShouldBe(1);
    }

    [Fact]
    public async Task a_table_row_is_one_line_with_its_cells_separated_by_bars()
    {
        var resume = await Extraction.Docx(ResumeFiles.Docx());

        resume.Text.ShouldContain(
            """
            Skills
            Area | Skills | Level
            Backend | Node.js, Express, REST APIs | Advanced
            Frontend | React, TypeScript, HTML, CSS | Advanced
            Data | SQL, PostgreSQL, MongoDB | Intermediate

            Experience
            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task devanagari_tamil_and_telugu_are_kept_exactly()
    {
        var resume = await Extraction.Docx(ResumeFiles.Docx());

        resume.Lines().ShouldContain("English, తెలుగు (Telugu), हिन्दी (Hindi), தமிழ் (Tamil)");
        resume.Text.ShouldContain(ResumeTexts.Hindi);
        resume.Text.ShouldContain(ResumeTexts.Tamil);
    }

    [Fact]
    public async Task an_accounting_resume_keeps_its_tally_and_gst_skills()
    {
        var text = ResumeTexts.AccountingGraduate(nativeScripts: true);

        var resume = await Extraction.Docx(ResumeFiles.Docx(text));

        resume.Text.ShouldBe(ExtractedText.Normalise(text));
        resume.Text.ShouldContain("Accounting | Tally ERP 9, TallyPrime, bookkeeping, bank reconciliation | Advanced");
    }

    [Fact]
    public async Task the_page_header_comes_first()
    {
        var resume = await Extraction.Docx(ResumeFiles.Docx("Summary\nAccounts executive", header: "Arjun Reddy - arjun.reddy@example.com"));

        resume.Text.ShouldBe("Arjun Reddy - arjun.reddy@example.com\n\nSummary\nAccounts executive");
    }

    [Fact]
    public async Task text_boxes_content_controls_and_nested_tables_are_read_once_and_deleted_text_not_at_all()
    {
        const string body =
            """
            <w:p><w:r><w:t>Priya Sharma</w:t></w:r></w:p>
            <w:p><w:r><mc:AlternateContent>
              <mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="2000000" cy="300000"/><wp:docPr id="1" name="Text Box 1"/>
                <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>
                  <wps:txbx><w:txbxContent><w:p><w:r><w:t>Node.js developer</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/>
                </wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>
              <mc:Fallback><w:pict><v:shape id="TextBox1" style="width:160pt;height:24pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>Node.js developer</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
            </mc:AlternateContent></w:r></w:p>
            <w:sdt><w:sdtContent><w:p><w:r><w:t xml:space="preserve">Email: priya@example.com</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:p><w:r><w:t>React</w:t></w:r><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:delText> Angular</w:delText></w:r></w:del><w:ins w:id="2" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:t> and SQL</w:t></w:r></w:ins></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Projects</w:t></w:r></w:p></w:tc><w:tc>
              <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Portal</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2024</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Jan 2024</w:t><w:tab/><w:t>Jun 2024</w:t><w:br/><w:t>Hyderabad</w:t></w:r></w:p>
            """;

        var resume = await Extraction.Docx(ResumeFiles.DocxFromBodyXml(body));

        resume.Lines().ShouldBe([
            "Priya Sharma",
            "Node.js developer",
            "Email: priya@example.com",
            "React and SQL",
            "Projects | Portal | 2024",
            "Jan 2024 Jun 2024",
            "Hyderabad",
        ]);
    }

    [Fact]
    public async Task a_hundred_nested_content_controls_are_still_read() =>
        (await Extraction.Docx(ResumeFiles.DeeplyNestedDocx(levels: 100))).Text.ShouldBe("Priya Sharma");

    [Fact]
    public async Task a_stream_that_cannot_seek_is_read_whole()
    {
        var resume = await new DocumentTextExtractor().ExtractAsync(
            new ForwardOnlyStream(ResumeFiles.Docx()), OttobonJobs.Domain.Resumes.ResumeFormat.Docx, CancellationToken.None);

        resume.Text.ShouldStartWith("Priya Sharma\n");
    }

    [Fact]
    public async Task ligatures_and_full_width_forms_fold_as_in_a_pdf()
    {
        var resume = await Extraction.Docx(ResumeFiles.Docx("Kavya Nair\nMicrosoft Of\uFB01ce, e\uFB03cient work\uFB02ow, ＳＱＬ"));

        resume.Text.ShouldBe("Kavya Nair\nMicrosoft Office, efficient workflow, SQL");
    }
}
