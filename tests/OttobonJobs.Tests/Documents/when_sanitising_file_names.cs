using System.Globalization;
using System.Text;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Documents;

public class when_sanitising_file_names
{
    public static TheoryData<string> HostileNames => new(ResumeTexts.HostileFileNames);

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\system32\\config\\sam", "sam")]
    [InlineData("C:\\Windows\\x.pdf", "x.pdf")]
    [InlineData("/var/www/html/shell.php.pdf", "shell.php.pdf")]
    public void only_the_last_path_segment_is_kept(string name, string expected) =>
        FileNames.Sanitise(name).ShouldBe(expected);

    [Theory]
    [InlineData("resume\n.pdf", "resume.pdf")]
    [InlineData("resume\r\nContent-Type: text-html.pdf", "resume Content-Type text-html.pdf")]
    [InlineData("re\0sume.pdf", "resume.pdf")]
    [InlineData("\u0007\u001b[31mred\u001b[0m.pdf", "31mred0m.pdf")]
    [InlineData("Priya   Sharma \t CV.PDF", "Priya Sharma CV.pdf")]
    public void control_characters_go_and_whitespace_collapses(string name, string expected) =>
        FileNames.Sanitise(name).ShouldBe(expected);

    [Theory]
    [InlineData("<script>alert('x')</script>.pdf", "script.pdf")]
    [InlineData("<b>resume</b>", "b")]
    [InlineData("\"quoted\"; filename=evil.exe", "quoted filenameevil.exe")]
    [InlineData("resume\u202Efdp.exe", "resumefdp.exe")]
    [InlineData("a:b*c?d|e<f>g.docx", "abcdefg.docx")]
    public void markup_quotes_and_direction_overrides_go(string name, string expected) =>
        FileNames.Sanitise(name).ShouldBe(expected);

    [Theory]
    [InlineData(null, "resume")]
    [InlineData("", "resume")]
    [InlineData("   ", "resume")]
    [InlineData("...", "resume")]
    [InlineData(".pdf", "resume.pdf")]
    [InlineData("<>.docx", "resume.docx")]
    [InlineData("😀😀😀.pdf", "resume.pdf")]
    [InlineData(". hidden .pdf", "hidden.pdf")]
    public void nothing_usable_falls_back_to_resume(string? name, string expected) =>
        FileNames.Sanitise(name).ShouldBe(expected);

    [Theory]
    [InlineData("cv.exe", "pdf", "cv.pdf")]
    [InlineData("My CV", "docx", "My CV.docx")]
    [InlineData(null, "pdf", "resume.pdf")]
    [InlineData("cv.PDF", ".pdf", "cv.pdf")]
    public void a_given_extension_replaces_the_uploaded_one(string? name, string extension, string expected) =>
        FileNames.Sanitise(name, extension).ShouldBe(expected);

    [Fact]
    public void a_very_long_name_is_cut_to_120_characters_keeping_its_extension()
    {
        var name = FileNames.Sanitise(new string('a', 500) + ".pdf");

        name.Length.ShouldBe(FileNames.MaxLength);
        name.ShouldBe(new string('a', 116) + ".pdf");
    }

    [Fact]
    public void a_long_hindi_name_is_cut_between_letters_never_inside_one()
    {
        var original = string.Concat(Enumerable.Repeat("प्रिया ", 60));

        var name = FileNames.Sanitise(original + ".docx");

        name.Length.ShouldBeLessThanOrEqualTo(FileNames.MaxLength);
        name.ShouldEndWith(".docx");
        var stem = name[..^".docx".Length];
        original.ShouldStartWith(stem);
        StringInfo.ParseCombiningCharacters(original).ShouldContain(stem.Length, "the cut falls on a text-element boundary");
    }

    [Fact]
    public void a_name_with_emoji_and_letters_is_never_cut_inside_a_surrogate_pair()
    {
        var name = FileNames.Sanitise(string.Concat(Enumerable.Repeat("𝒜", 100)) + ".pdf");

        name.EnumerateRunes().ShouldAllBe(rune => rune != Rune.ReplacementChar);
        name.ShouldEndWith(".pdf");
        char.IsHighSurrogate(name[^5]).ShouldBeFalse();
    }

    [Theory]
    [InlineData("प्रिया शर्मा बायोडाटा.pdf")]
    [InlineData("கார்த்திக் ரெஸ்யூம்.docx")]
    [InlineData("తెలుగు రెజ్యూమ్.pdf")]
    [InlineData("简历 王伟.pdf")]
    [InlineData("José Müller (CV) - 2024_final.pdf")]
    public void names_in_any_script_are_kept(string name) =>
        FileNames.Sanitise(name).ShouldBe(name);

    [Fact]
    public void decomposed_accents_from_a_mac_are_composed() =>
        FileNames.Sanitise("Jose\u0301 Mu\u0308ller.pdf").ShouldBe("José Müller.pdf");

    [Fact]
    public void a_pile_of_combining_marks_is_thinned() =>
        FileNames.Sanitise("q\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309.pdf").ShouldBe("q\u0301\u0302\u0303\u0304.pdf");

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void every_hostile_name_becomes_a_plain_short_name(string hostile)
    {
        var name = FileNames.Sanitise(hostile);

        name.ShouldNotBeNullOrWhiteSpace();
        name.Length.ShouldBeLessThanOrEqualTo(FileNames.MaxLength);
        name.ShouldNotContain("/");
        name.ShouldNotContain("\\");
        name.ShouldNotContain("..");
        name.ShouldNotStartWith(".");
        name.ShouldNotStartWith(" ");
        name.ShouldNotEndWith(" ");
        name.IndexOfAny(['<', '>', '"', '\'', ':', ';', '|', '*', '?', '%']).ShouldBe(-1);
        name.ShouldAllBe(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format);
        FileNames.Sanitise(name).ShouldBe(name, "sanitising twice changes nothing");
    }
}
