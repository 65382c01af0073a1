using System.Diagnostics;
using OttobonJobs.Api.Adapters.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Xunit.Abstractions;

namespace OttobonJobs.Tests.Documents;

/// <summary>
/// Each common producer's way of drawing text (see <see cref="ProducerPdfs"/>) gives back the words a reader sees:
/// word recall is the share of the known text's words (counted with repeats) found in the extracted text.
/// </summary>
public class when_reading_a_pdf_from_each_producer(ITestOutputHelper output)
{
    private const double RequiredRecall = 0.98;

    public static TheoryData<string> Producers => [.. ProducerPdfs.Producers];

    [Theory]
    [MemberData(nameof(Producers))]
    public async Task the_words_a_reader_sees_come_back(string producer)
    {
        var pdf = ProducerPdfs.Named(producer);

        var resume = await Extraction.Pdf(pdf.Content);

        var recall = Recall(pdf.Text, resume.Text);
        output.WriteLine($"{producer}: word recall {recall:P1} (content order alone: {Recall(pdf.Text, ContentOrder(pdf.Content)):P1})");
        recall.ShouldBeGreaterThanOrEqualTo(RequiredRecall, resume.Text);
    }

    [Fact]
    public async Task words_placed_without_spaces_are_split_where_the_gaps_are()
    {
        var resume = await Extraction.Pdf(ProducerPdfs.LuaTex().Content);

        resume.Text.ShouldContain("Certificado Agile Scrum Master (PSM I), Certificado ITIL 4 Foundation, AWS Cloud Practitioner");
        resume.Text.ShouldNotContain("CertificadoAgile");
    }

    [Fact]
    public async Task a_cventrys_right_aligned_location_and_dates_stay_on_their_lines()
    {
        var resume = await Extraction.Pdf(ProducerPdfs.LuaTex().Content);

        resume.Lines().ShouldContain("Software Engineer Bengaluru, Karnataka");
        resume.Lines().ShouldContain("Razorpay Jul 2022 - Present");
        resume.Lines().ShouldContain("Infosys Aug 2020 - Jun 2022");
    }

    [Fact]
    public async Task glyphs_placed_one_by_one_come_back_as_words_and_lines()
    {
        var resume = await Extraction.Pdf(ProducerPdfs.Wps().Content);

        resume.Lines().ShouldContain("Prepared GSTR-1 and GSTR-3B returns and tracked input tax credit in Excel");
        resume.Lines()[0].ShouldBe("Rahul Verma");
    }

    [Fact]
    public async Task two_columns_are_read_the_left_column_first_then_the_right()
    {
        var (pdf, left, right) = ProducerPdfs.TwoColumns();

        var resume = await Extraction.Pdf(pdf.Content);

        resume.Text.ShouldStartWith("Sneha Patil\n");
        resume.Text.ShouldContain(left);
        resume.Text.ShouldContain(right);
        resume.Text.IndexOf(left, StringComparison.Ordinal).ShouldBeLessThan(resume.Text.IndexOf(right, StringComparison.Ordinal));
    }

    [Fact]
    public async Task two_columns_sharing_their_baselines_are_still_read_column_by_column()
    {
        var (pdf, left, right) = ProducerPdfs.TableColumns();

        var resume = await Extraction.Pdf(pdf.Content);

        resume.Text.ShouldStartWith("Sneha Patil\n" + left + "\n" + right + "\n");
        resume.Lines().ShouldContain("Software Engineer, Acme Corp Jan 2022 - Present");
        resume.Lines().ShouldContain("Analyst, Beta Ltd 2020 - 2021");
    }

    [Fact]
    public async Task dates_right_aligned_on_a_title_line_stay_on_that_line()
    {
        var resume = await Extraction.Pdf(ProducerPdfs.Word().Content);

        resume.Lines().ShouldContain("Software Engineering Intern, Ottobon Labs Jan 2024 - Jun 2024");
        resume.Lines().ShouldContain("B.Tech, Computer Science and Engineering, JNTU Hyderabad 2020 - 2024");
        resume.Lines()[^1].ShouldBe("Node.js, Express, React, TypeScript, PostgreSQL, MongoDB, Docker, Git");
    }

    [Fact]
    public async Task ligature_glyphs_come_back_as_their_letters()
    {
        var resume = await Extraction.Pdf(ProducerPdfs.Ligatures().Content);

        resume.Text.ShouldContain("Certified office administrator, efficient with Microsoft Office and offline filing workflows.");
        resume.Text.ShouldContain("Handled difficult client calls and affiliated vendor contracts with flexible schedules");
        resume.Text.ShouldNotContain(c => c >= '\uFB00' && c <= '\uFB06');
    }

    [Fact]
    public async Task icon_glyphs_are_dropped_and_a_real_word_in_the_text_font_stays()
    {
        var (pdf, realPhoneLine) = ProducerPdfs.Icons();

        var resume = await Extraction.Pdf(pdf.Content);

        foreach (var leak in new[] { "HOUSE-CHIMNEY", "LINKEDIN" }) resume.Text.ShouldNotContain(leak, Case.Sensitive);
        resume.Text.ShouldNotContain(c => c >= '\uE000' && c <= '\uF8FF');
        resume.Text.ShouldNotContain("\U000F0001");
        resume.Lines().ShouldContain(realPhoneLine);
        resume.Text.Split("PHONE").Length.ShouldBe(2, "the icon named PHONE is gone, the word PHONE stays");
        resume.Lines().ShouldContain("Koramangala, Bengaluru");
    }

    [Fact]
    public async Task a_page_of_a_hundred_thousand_glyphs_skips_layout_analysis_and_is_read_in_content_order()
    {
        var pdf = ProducerPdfs.PageOfGlyphs(100_000);
        pdf.Length.ShouldBeLessThan((int)DocumentLimits.Default.MaxFileBytes);
        var clock = Stopwatch.StartNew();

        // Parsing 100,000 glyphs is PdfPig's own cost, seconds on a loaded machine; the time limit has its own test.
        var page = await Extraction.Pdf(pdf, DocumentLimits.Default with { MaxParseTime = TimeSpan.FromMinutes(1) });

        output.WriteLine($"100,000 glyphs: {pdf.Length:N0} bytes read in {clock.ElapsedMilliseconds:N0} ms");
        page.Text.ShouldBe(ExtractedText.Normalise(ContentOrder(pdf)));
        page.Text.ShouldContain("lorem ipsum dolor sit amet consectetur");
    }

    [Fact]
    public void layout_analysis_of_a_page_just_under_the_cap_takes_a_fraction_of_the_time_limit()
    {
        var cap = DocumentLimits.Default.MaxLayoutGlyphsPerPage;
        using var document = PdfDocument.Open(ProducerPdfs.PageOfGlyphs(11_800));
        var page = document.GetPage(1);
        page.Letters.Count.ShouldBeInRange(cap * 9 / 10, cap);
        var clock = Stopwatch.StartNew();

        var text = PdfPageText.Read(page, cap);

        output.WriteLine($"{page.Letters.Count:N0} glyphs through layout analysis in {clock.ElapsedMilliseconds:N0} ms");
        clock.Elapsed.ShouldBeLessThan(DocumentLimits.Default.MaxParseTime / 2);
        text.ShouldContain("lorem ipsum dolor sit amet consectetur");
    }

    [Fact]
    public async Task a_page_beyond_the_layout_cap_is_read_in_content_order()
    {
        var (pdf, left, _) = ProducerPdfs.TwoColumns();

        var resume = await Extraction.Pdf(pdf.Content, DocumentLimits.Default with { MaxLayoutGlyphsPerPage = 100 });

        // Drawn row by row, the columns interleave when nothing reorders them.
        resume.Text.ShouldNotContain(left);
        resume.Text.ShouldContain("Contact");
    }

    [Fact]
    public async Task pages_after_the_documents_layout_budget_are_read_in_content_order()
    {
        var (pdf, left, _) = ProducerPdfs.TwoColumns();

        var resume = await Extraction.Pdf(pdf.Content, DocumentLimits.Default with { MaxLayoutGlyphs = 100 });

        resume.Text.ShouldNotContain(left);
    }

    /// <summary>The share of the expected words (with repeats) that appear in the actual text.</summary>
    private static double Recall(string expected, string actual)
    {
        var found = Words(actual).GroupBy(word => word).ToDictionary(group => group.Key, group => group.Count());
        var wanted = Words(expected);
        var hits = 0;
        foreach (var word in wanted)
        {
            if (!found.TryGetValue(word, out var left) || left == 0) continue;
            found[word] = left - 1;
            hits++;
        }
        return (double)hits / wanted.Length;
    }

    private static string[] Words(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What PdfPig's content-order extractor alone gives, as the adapter read every PDF before.</summary>
    private static string ContentOrder(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)));
    }
}
