namespace OttobonJobs.Domain.Tailoring;

/// <summary>One line of a resume as text, with the section it stands under ("Experience", "Skills"; "" before the first heading).</summary>
public sealed record ResumeLine(int Number, string Section, string Text, bool IsHeading, bool IsBullet);

/// <summary>
/// Splits a resume's extracted text into numbered lines under their headings. A heading is a short line without
/// sentence punctuation that names a usual resume section or ends with a colon.
/// </summary>
public static class ResumeLines
{
    private static readonly HashSet<string> HeadingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "summary", "objective", "profile", "about", "experience", "employment", "work", "internship", "internships",
        "projects", "project", "education", "skills", "skill", "technologies", "tools", "certifications", "certification",
        "certificates", "achievements", "awards", "publications", "activities", "languages", "interests", "hobbies",
        "competencies", "strengths", "responsibilities", "volunteering", "leadership", "courses", "coursework",
    };

    private static readonly char[] Bullets = ['-', '*', '•', '·', '–', '▪', '◦', '‣'];

    public static IReadOnlyList<ResumeLine> Read(string? text)
    {
        var lines = new List<ResumeLine>();
        if (string.IsNullOrWhiteSpace(text)) return lines;
        var section = "";
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var bullet = line.IndexOfAny(Bullets) == 0;
            var content = bullet ? line.TrimStart(Bullets).Trim() : line;
            if (content.Length == 0) continue;
            if (!bullet && IsHeading(content))
            {
                section = content.TrimEnd(':').Trim();
                lines.Add(new ResumeLine(number, section, content, true, false));
                continue;
            }
            lines.Add(new ResumeLine(number, section, content, false, bullet));
        }
        return lines;
    }

    /// <summary>A skills section lists skills; a line there is the place to name a skill the seeker has but left out.</summary>
    public static bool IsSkillsSection(string section) =>
        section.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(w => w.Trim(':', '&', ',').ToLowerInvariant() is "skills" or "skill" or "technologies" or "tools" or "competencies" or "stack");

    private static bool IsHeading(string line)
    {
        var words = line.TrimEnd(':').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 4 || line.Length > 40 || line.IndexOfAny(['.', ',', ';', '|', '@']) >= 0) return false;
        if (line.EndsWith(':')) return true;
        return words.Any(w => HeadingWords.Contains(w.Trim('&', '/')));
    }
}
