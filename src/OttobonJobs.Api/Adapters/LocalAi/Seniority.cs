using System.Globalization;
using System.Text.RegularExpressions;

namespace OttobonJobs.Api.Adapters.LocalAi;

internal enum Seniority { Internship, EntryLevel, EarlyCareer, Experienced }

/// <summary>Reads how senior a job is from its title and text: internships, stated years of experience, fresher wording.</summary>
internal static partial class SeniorityReader
{
    public static Seniority Read(string title, string description)
    {
        if (InternTitle().IsMatch(title) || InternText().IsMatch(description)) return Seniority.Internship;
        if (MinimumYears(description) is { } years) return FromYears(years);
        if (FresherText().IsMatch(title) || FresherText().IsMatch(description)) return Seniority.EntryLevel;
        if (SeniorTitle().IsMatch(title)) return Seniority.EarlyCareer;
        if (ExperiencedTitle().IsMatch(title)) return Seniority.Experienced;
        return Seniority.EntryLevel; // the platform's default audience; most Big-4 postings we ingest are campus roles
    }

    public static string Display(this Seniority seniority) => seniority switch
    {
        Seniority.Internship => "Internship",
        Seniority.EntryLevel => "Entry level (0–2 years)",
        Seniority.EarlyCareer => "Early career (2–5 years)",
        _ => "Experienced (5+ years)",
    };

    private static Seniority FromYears(decimal minimum) =>
        minimum < 2 ? Seniority.EntryLevel : minimum < 5 ? Seniority.EarlyCareer : Seniority.Experienced;

    /// <summary>
    /// The smallest number of years the text asks for: "0-2 years", "1+ yrs", "minimum 2 years", "3 to 5 years of experience".
    /// Only numbers that read as experience count ("2 years of experience", "Experience: 0-2 years", "minimum 2 years"),
    /// so "B.Tech (4 years)" is ignored.
    /// </summary>
    internal static decimal? MinimumYears(string text)
    {
        decimal? minimum = null;
        foreach (Match m in Years().Matches(text))
        {
            var before = text[Math.Max(0, m.Index - 40)..m.Index];
            var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 40)];
            if (!ExperienceAfter().IsMatch(after) && !ExperienceBefore().IsMatch(before)) continue;
            var years = decimal.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
            if (years > 30) continue;
            minimum = minimum is null ? years : Math.Min(minimum.Value, years);
        }
        return minimum;
    }

    [GeneratedRegex(@"(?<min>\d{1,2}(\.\d)?)\s*(\+|plus)?\s*((-|–|—|to)\s*\d{1,2}(\.\d)?\s*\+?\s*)?(years?|yrs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Years();

    [GeneratedRegex(@"^[\s']*(of\s+)?((relevant|professional|work|hands[\s-]on|post[\s-]qualification|industry|prior|total|overall)\s+)*(experience|exp\b|work|pqe|in\s+(a|an|the)?\s*\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExperienceAfter();

    [GeneratedRegex(@"((experience|exp\b|pqe)[^.\n]{0,25}|(minimum|min\.?|at\s*least|atleast)\s*(of\s*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExperienceBefore();

    [GeneratedRegex(@"\b(intern|internship|interns|articleship|article\s+(assistant|trainee|clerk)|summer\s+analyst|industrial\s+training|apprentice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InternTitle();

    /// <summary>Only phrases that make the whole job an internship; "prior internship experience" does not.</summary>
    [GeneratedRegex(@"\b(this\s+(is\s+an?\s+)?(paid\s+)?internship|\d+[\s-]*(month|week)s?\s+(paid\s+)?internship|internship\s+(duration|period|stipend)|monthly\s+stipend|stipend\s+of|articleship\s+(training|opportunity))\b", RegexOptions.IgnoreCase)]
    private static partial Regex InternText();

    [GeneratedRegex(@"\b(fresher|freshers|fresh\s+graduates?|new\s+grad(uate)?s?|campus\s+(hire|hiring|recruitment|placement)|entry[\s-]+level|graduate\s+(trainee|program|programme|hire)|no\s+(prior\s+)?experience\s+(required|needed)|0\s+years?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FresherText();

    [GeneratedRegex(@"\b(manager|director|principal|head\s+of|lead\s+(engineer|developer|consultant)|architect|staff\s+engineer|vp|vice\s+president|partner)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExperiencedTitle();

    /// <summary>Checked before <see cref="ExperiencedTitle"/>: an assistant manager at a Big-4 firm has about 3–5 years.</summary>
    [GeneratedRegex(@"\b(senior(?!\s+manager)|sr\.?(?!\s+manager)|assistant\s+manager|deputy\s+manager|team\s+lead|supervisor|ii|iii)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeniorTitle();
}
