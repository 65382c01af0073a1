using OttobonJobs.Api.Adapters.Documents;

namespace OttobonJobs.Tests.Documents;

public class when_normalising_extracted_text
{
    [Fact]
    public void trailing_spaces_go_and_line_breaks_become_newlines() =>
        ExtractedText.Normalise("Priya Sharma   \r\nNode.js\t\rReact").ShouldBe("Priya Sharma\nNode.js\nReact");

    [Fact]
    public void runs_of_blank_lines_become_one() =>
        ExtractedText.Normalise("Skills\n\n\n\n   \n\nExperience\n\nEducation").ShouldBe("Skills\n\nExperience\n\nEducation");

    [Fact]
    public void blank_lines_at_the_start_and_end_go() =>
        ExtractedText.Normalise("\n\n  \nPriya\n\n\n").ShouldBe("Priya");

    [Fact]
    public void control_characters_and_byte_order_marks_go_and_tabs_become_spaces() =>
        ExtractedText.Normalise("\uFEFFJan 2024\tJun 2024\0\f\u0007").ShouldBe("Jan 2024 Jun 2024");

    [Fact]
    public void leading_indentation_is_kept() =>
        ExtractedText.Normalise("Skills\n  - SQL").ShouldBe("Skills\n  - SQL");

    [Theory]
    [InlineData("हिन्दी: सॉफ़्टवेयर इंजीनियर")]
    [InlineData("தமிழ்: மென்பொருள் பொறியாளர்")]
    [InlineData("क्\u200Dष क्\u200Cष")]
    [InlineData("简历:王伟,软件工程师")]
    [InlineData("Ирина Петрова, Ελληνικά")]
    public void every_script_is_kept_exactly(string line) =>
        ExtractedText.Normalise(line + "  \n").ShouldBe(line);

    [Theory]
    [InlineData("Of\uFB01ce", "Office")]
    [InlineData("\uFB02exible work\uFB02ow", "flexible workflow")]
    [InlineData("sta\uFB00ing, e\uFB03cient, ba\uFB04ed", "staffing, efficient, baffled")]
    [InlineData("简历：王伟，软件工程师", "简历:王伟,软件工程师")]
    [InlineData("ＳＱＬ　Ｐｙｔｈｏｎ ２０２４", "SQL Python 2024")]
    [InlineData("Node.js\u00A0and\u00A0React", "Node.js and React")]
    public void ligatures_full_width_forms_and_no_break_spaces_fold_to_plain_text(string text, string folded) =>
        ExtractedText.Normalise(text).ShouldBe(folded);

    [Fact]
    public void soft_hyphens_and_zero_width_spaces_go_but_joiners_stay() =>
        ExtractedText.Normalise("Data\u00ADbase en\u200Bgineer\u2060 क्\u200Dष").ShouldBe("Database engineer क्\u200Dष");

    [Fact]
    public void a_soft_hyphen_at_a_line_break_joins_the_word() =>
        ExtractedText.Normalise("Responsible for manage\u00AD\nment of accounts").ShouldBe("Responsible for management of accounts");

    [Fact]
    public void private_use_characters_from_icon_fonts_go() =>
        ExtractedText.Normalise("\uF095 +91 98450 12345 \uE3AF Bengaluru \U000F0001\U00100000").ShouldBe(" +91 98450 12345  Bengaluru");

    [Fact]
    public void a_word_hyphenated_across_a_line_break_is_rejoined() =>
        ExtractedText.Normalise("Led the manage-\nment of vendor accounts\nand recon-\nciliation").ShouldBe("Led the management\nof vendor accounts\nand reconciliation");

    [Theory]
    [InlineData("A self-\nmotivated analyst", "A self-motivated\nanalyst")]
    [InlineData("Worked in cross-\nfunctional teams", "Worked in cross-functional\nteams")]
    public void a_compound_broken_at_its_hyphen_keeps_the_hyphen(string text, string joined) =>
        ExtractedText.Normalise(text).ShouldBe(joined);

    [Theory]
    [InlineData("Jan 2023 -\nPresent")]
    [InlineData("Software Engineer -\nbackend")]
    [InlineData("Node.js-\nbased services")]
    [InlineData("Skills: e-\nmail marketing")]
    [InlineData("Worked on Spring-\nboot services")]
    [InlineData("manage-\n\nment")]
    public void dashes_and_unsafe_breaks_are_left_as_they_are(string text) =>
        ExtractedText.Normalise(text).ShouldBe(text);
}
