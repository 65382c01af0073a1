using System.Text;
using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Domain.Tailoring;

/// <summary>The job as the tailors see it.</summary>
public sealed record TailoringJob(Guid JobId, string Title, string CompanyName, string Description, IReadOnlyList<string> Skills);

/// <summary>The resume as the tailors see it.</summary>
public sealed record TailoringResume(string Text, IReadOnlyList<string> Skills, string Sha256);

/// <summary>
/// The offline tailor: a draft made only by reordering and quoting the resume's own lines. Sections and bullets that
/// name the job's matched skills move up, a skills list puts those skills first, a summary line repeats only skills the
/// resume already names, and the cover letter quotes the resume's strongest line. Nothing is reworded or invented, so
/// a missing skill stays missing (the changes say so).
/// </summary>
public static class LocalTailoring
{
    public const string Model = "local-tailor-1";

    private const int SummarySkills = 5;

    public static TailoredDraft Draft(TailoringJob job, TailoringResume resume)
    {
        var report = KeywordCoverage.Report(new CoverageInput(job.Skills, job.Description, resume.Skills, resume.Text, null));
        var matched = report.Present.Select(p => p.Keyword).ToList();
        var lines = ResumeLines.Read(resume.Text);
        var header = lines.TakeWhile(l => !l.IsHeading).ToList();
        var sections = lines.SkipWhile(l => !l.IsHeading)
            .GroupBy(l => l.Section)
            .Select((g, index) => new Section(g.Key, index, g.Where(l => !l.IsHeading).ToList()))
            .ToList();
        var changes = new List<string>();

        int Hits(string text) => SkillTaxonomy.Extract(text).Count(s => matched.Contains(s, StringComparer.OrdinalIgnoreCase));

        // Skills first, then the sections that show the matched skills most; ties keep the resume's order.
        var ordered = sections
            .OrderByDescending(s => ResumeLines.IsSkillsSection(s.Heading))
            .ThenByDescending(s => s.Lines.Sum(l => Hits(l.Text)))
            .ThenBy(s => s.Index)
            .ToList();
        var before = sections.Where(s => !ResumeLines.IsSkillsSection(s.Heading)).ToList();
        var after = ordered.Where(s => !ResumeLines.IsSkillsSection(s.Heading)).ToList();
        foreach (var section in after.Where((s, i) => i < before.IndexOf(s)))
            changes.Add($"Moved \"{section.Heading}\" up: it names {section.Lines.Sum(l => Hits(l.Text))} of the job's keywords.");
        if (sections.FirstOrDefault(s => ResumeLines.IsSkillsSection(s.Heading)) is { } skills && sections.IndexOf(skills) > 0)
            changes.Add($"Moved \"{skills.Heading}\" to the top, where a recruiter's keyword scan starts.");

        var markdown = new StringBuilder();
        var name = header.FirstOrDefault()?.Text;
        if (name is not null) markdown.Append("# ").Append(Escape(name)).Append("\n\n");
        foreach (var contact in header.Skip(1)) markdown.Append(Escape(contact.Text)).Append("  \n");
        if (header.Count > 1) markdown.Append('\n');

        var summarySkills = matched.Take(SummarySkills).ToList();
        if (summarySkills.Count > 0)
        {
            var shownIn = ordered.Where(s => !ResumeLines.IsSkillsSection(s.Heading) && s.Lines.Any(l => Hits(l.Text) > 0)).Select(s => s.Heading).Take(2).ToList();
            markdown.Append("## Summary\n\n")
                .Append($"Skilled in {Join(summarySkills)}")
                .Append(shownIn.Count > 0 ? $", as shown in {Join(shownIn)} below." : ".")
                .Append("\n\n");
            changes.Add($"Added a summary line naming only skills your resume already shows: {Join(summarySkills)}.");
        }

        foreach (var section in ordered)
        {
            markdown.Append("## ").Append(Escape(section.Heading)).Append("\n\n");
            var skillsList = ResumeLines.IsSkillsSection(section.Heading);
            var body = section.Lines.Select((l, i) => (Line: l, Order: i)).OrderByDescending(x => Hits(x.Line.Text)).ThenBy(x => x.Order).ToList();
            if (body.Select(x => x.Order).Where((order, i) => order != i).Any())
                changes.Add($"In \"{section.Heading}\", put the lines naming the job's keywords first.");
            foreach (var (line, _) in body)
            {
                var text = skillsList ? MatchedItemsFirst(line.Text, matched, section.Heading, changes) : line.Text;
                markdown.Append(line.IsBullet || skillsList || section.Lines.Count > 1 ? "- " : "").Append(Escape(text)).Append('\n');
            }
            markdown.Append('\n');
        }

        var missing = report.Missing.Where(m => m.Source == KeywordSource.JobSkills).Select(m => m.Keyword).ToList();
        if (missing.Count > 0)
            changes.Add($"Not added, because your resume does not show them: {Join(missing)}. Add them yourself only where you really used them.");
        if (changes.Count == 0) changes.Add("Your resume already leads with what this job asks for: nothing was moved.");

        return new TailoredDraft(DraftAuthor.Local, Model, markdown.ToString().TrimEnd() + "\n", CoverLetter(job, name, matched, lines, Hits), changes);
    }

    private static string CoverLetter(TailoringJob job, string? name, IReadOnlyList<string> matched, IReadOnlyList<ResumeLine> lines, Func<string, int> hits)
    {
        var best = lines.Where(l => !l.IsHeading && !ResumeLines.IsSkillsSection(l.Section) && l.Section.Length > 0)
            .OrderByDescending(l => hits(l.Text)).ThenBy(l => l.Number).FirstOrDefault(l => hits(l.Text) > 0);
        var letter = new StringBuilder();
        letter.Append($"Dear Hiring Team at {Escape(job.CompanyName)},\n\n");
        letter.Append($"I am applying for the {Escape(job.Title)} role.");
        if (matched.Count > 0) letter.Append($" My resume shows experience with {Join(matched.Take(SummarySkills).ToList())}, which this role asks for.");
        letter.Append("\n\n");
        if (best is not null) letter.Append($"From my {Escape(best.Section)}: \"{Escape(best.Text)}\"\n\n");
        letter.Append("I would welcome the chance to talk about how I can contribute to your team.\n\n");
        letter.Append("Kind regards,  \n").Append(Escape(name ?? "")).Append('\n');
        return letter.ToString();
    }

    /// <summary>"Java, Python, SQL" with Python and SQL matched becomes "Python, SQL, Java".</summary>
    private static string MatchedItemsFirst(string line, IReadOnlyList<string> matched, string heading, List<string> changes)
    {
        var colon = line.IndexOf(':');
        var (label, list) = colon > 0 && colon < 30 ? (line[..(colon + 1)] + " ", line[(colon + 1)..]) : ("", line);
        var items = list.Split(',').Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        if (items.Count < 2) return line;
        var reordered = items.Select((item, i) => (item, i))
            .OrderByDescending(x => SkillTaxonomy.Extract($"{heading}\n{x.item}").Any(s => matched.Contains(s, StringComparer.OrdinalIgnoreCase)))
            .ThenBy(x => x.i).Select(x => x.item).ToList();
        if (reordered.SequenceEqual(items)) return line;
        changes.Add($"Listed the job's skills first in \"{(label.Length > 0 ? label.Trim().TrimEnd(':') : heading)}\".");
        return label + string.Join(", ", reordered);
    }

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>Resume text is data: characters Markdown would read as formatting are escaped.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '#' or '[' or ']' or '<' or '>' or '|') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private sealed record Section(string Heading, int Index, IReadOnlyList<ResumeLine> Lines);
}
