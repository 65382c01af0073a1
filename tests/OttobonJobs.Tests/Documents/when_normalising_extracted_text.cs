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
    [InlineData("简历：王伟，软件工程师")]
    [InlineData("Ирина Петрова, Ελληνικά")]
    public void every_script_is_kept_exactly(string line) =>
        ExtractedText.Normalise(line + "  \n").ShouldBe(line);
}
