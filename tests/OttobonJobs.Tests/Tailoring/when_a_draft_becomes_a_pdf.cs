using OttobonJobs.Api.Tailoring;
using Shouldly;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace OttobonJobs.Tests.Tailoring;

/// <summary>A tailored PDF draws what Indian resumes hold: accented names, the rupee sign, typographic punctuation.</summary>
public class when_a_draft_becomes_a_pdf
{
    [Fact]
    public void accents_the_rupee_sign_and_dashes_survive_and_characters_without_a_glyph_show_as_question_marks()
    {
        var pdf = DraftDocuments.Pdf("# Zoë Fernandes\n\nStipend ₹25,000 – ₹40,000 a month → “café” software, हिंदी");

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
        text.ShouldContain("Zoë Fernandes");
        text.ShouldContain("Stipend ₹25,000 – ₹40,000 a month → “café” software, ?????");
    }
}
