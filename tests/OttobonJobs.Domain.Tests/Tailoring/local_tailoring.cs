using OttobonJobs.Domain.Tailoring;
using static OttobonJobs.Domain.Tests.Tailoring.TailoringSamples;

namespace OttobonJobs.Domain.Tests.Tailoring;

public class local_tailoring
{
    private static readonly TailoredDraft Draft = LocalTailoring.Draft(Job, ResumeFacts);

    [Fact]
    public void the_local_draft_says_who_wrote_it()
    {
        (Draft.Author, Draft.Model).ShouldBe((DraftAuthor.Local, LocalTailoring.Model));
    }

    [Fact]
    public void the_sections_naming_the_jobs_skills_come_before_the_others()
    {
        // Projects and Education name none of the job's skills: they keep the resume's order.
        var headings = Draft.ResumeMarkdown.Split('\n').Where(l => l.StartsWith("## ")).ToList();

        headings.ShouldBe(["## Summary", "## Skills", "## Experience", "## Education", "## Projects"]);
        Draft.Changes.ShouldContain(c => c.Contains("Moved \"Experience\" up"));
    }

    [Fact]
    public void bullets_and_skill_lists_naming_the_jobs_skills_lead()
    {
        var lines = Draft.ResumeMarkdown.Split('\n');

        lines.ShouldContain("- Java, Spring Boot, Python, Pandas, React, Git");
        var experience = Array.IndexOf(lines, "## Experience");
        lines[experience + 2].ShouldBe("- Built REST APIs in Java and Spring Boot for the seller dashboard");
    }

    [Fact]
    public void every_resume_line_is_kept_and_nothing_is_invented()
    {
        foreach (var line in new[] { "Software Intern, Flipkart, Jan 2025 – Jun 2025", "B.Tech in Computer Science, PES University, 2025, CGPA 8.4", "fixed 14 bugs" })
            Draft.ResumeMarkdown.ShouldContain(line);
        foreach (var missing in new[] { "Docker", "AWS", "Kafka" })
        {
            Draft.ResumeMarkdown.ShouldNotContain(missing);
            Draft.CoverLetterMarkdown.ShouldNotContain(missing);
        }
        Draft.Changes.ShouldContain(c => c.StartsWith("Not added") && c.Contains("Docker"));
    }

    [Fact]
    public void the_summary_names_only_skills_the_resume_shows()
    {
        var summary = Draft.ResumeMarkdown.Split('\n').Single(l => l.StartsWith("Skilled in"));

        summary.ShouldBe("Skilled in Java, Spring Boot and REST APIs, as shown in Experience below.");
    }

    [Fact]
    public void the_cover_letter_is_filled_only_with_real_facts()
    {
        Draft.CoverLetterMarkdown.ShouldStartWith("Dear Hiring Team at Razorpay,");
        Draft.CoverLetterMarkdown.ShouldContain("Backend Developer");
        Draft.CoverLetterMarkdown.ShouldContain("\"Built REST APIs in Java and Spring Boot for the seller dashboard\"");
        Draft.CoverLetterMarkdown.TrimEnd().ShouldEndWith("Ananya Iyer");
    }

    [Fact]
    public void resume_text_that_looks_like_markdown_is_escaped()
    {
        LocalTailoring.Escape("C# <script> *bold*").ShouldBe(@"C\# \<script\> \*bold\*");
    }
}
