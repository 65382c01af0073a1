using OttobonJobs.Api.Adapters.Documents;

namespace OttobonJobs.Tests.Documents;

public class when_recognising_icon_fonts
{
    [Theory]
    [InlineData("ZXCVBN+FontAwesome6Free-Solid")]
    [InlineData("FontAwesome5Brands-Regular")]
    [InlineData("Font Awesome 6 Free")]
    [InlineData("fa-solid-900")]
    [InlineData("ABCDEF+fa-brands-400")]
    [InlineData("MaterialIcons-Regular")]
    [InlineData("MaterialSymbolsOutlined-Regular")]
    [InlineData("Glyphicons Halflings")]
    [InlineData("bootstrap-icons")]
    [InlineData("Wingdings-Regular")]
    [InlineData("ZapfDingbats")]
    public void an_icon_fonts_glyphs_are_not_text(string fontName) =>
        IconGlyphs.IsIconFont(fontName).ShouldBeTrue();

    [Theory]
    [InlineData("QWERTY+SourceSansPro-Regular")]
    [InlineData("Calibri")]
    [InlineData("ABCDEE+Lexicon-Roman")]
    [InlineData("Helvetica-Bold")]
    [InlineData("Symbol")]
    [InlineData("")]
    [InlineData(null)]
    public void a_text_fonts_glyphs_are_text(string? fontName) =>
        IconGlyphs.IsIconFont(fontName).ShouldBeFalse();

    [Theory]
    [InlineData("\uF095", true)]
    [InlineData("\uE000", true)]
    [InlineData("\U000F0001", true)]
    [InlineData("\U0010FFFD", true)]
    [InlineData("\uFB01", false)]
    [InlineData("क", false)]
    [InlineData("\U0001F4DE", false)]
    public void private_use_code_points_are_recognised(string value, bool privateUse) =>
        IconGlyphs.IsPrivateUse(value).ShouldBe(privateUse);
}
