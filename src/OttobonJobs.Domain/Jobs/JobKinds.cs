using System.Globalization;
using System.Text.RegularExpressions;
using OttobonJobs.Domain.Places;

namespace OttobonJobs.Domain.Jobs;

/// <summary>The feed's job types, as the API spells them.</summary>
public static class JobTypes
{
    public const string Internship = "internship";
    public const string FullTime = "full_time";
    public const string PartTime = "part_time";
    public const string Contract = "contract";

    public static readonly IReadOnlyList<string> All = [Internship, FullTime, PartTime, Contract];
}

/// <summary>Where the work is done, as the API spells it.</summary>
public static class WorkModes
{
    public const string Remote = "remote";
    public const string Hybrid = "hybrid";
    public const string OnSite = "on_site";

    public static readonly IReadOnlyList<string> All = [Remote, Hybrid, OnSite];
}

/// <summary>How much experience a job asks for, as the API spells it (the enrichment's four levels).</summary>
public static class ExperienceBands
{
    public const string Internship = "internship";
    /// <summary>0–2 years.</summary>
    public const string Entry = "entry";
    /// <summary>2–5 years.</summary>
    public const string Early = "early";
    /// <summary>5+ years.</summary>
    public const string Experienced = "experienced";

    public static readonly IReadOnlyList<string> All = [Internship, Entry, Early, Experienced];
}

/// <summary>
/// Reads a job's type, work mode and experience from its own words (title, location, plain-text description), so
/// read models derive them from the events alone and a rebuild gives the same answer. Pure and thread-safe. The local
/// enricher reads seniority with the same rules (<see cref="ExperienceOf(string, string?)"/>).
/// </summary>
public static partial class JobKinds
{
    /// <summary>
    /// Internship (an intern title, or text that makes the whole job one), else contract, else part time, else full time.
    /// A trainee is full time: Indian "graduate trainee" roles are salaried jobs.
    /// </summary>
    public static string TypeOf(string title, string? description)
    {
        var text = description ?? "";
        if (InternTitle().IsMatch(title) || InternText().IsMatch(text)) return JobTypes.Internship;
        if (ContractTitle().IsMatch(title) || ContractText().IsMatch(text)) return JobTypes.Contract;
        if (PartTime().IsMatch(title) || PartTime().IsMatch(text)) return JobTypes.PartTime;
        return JobTypes.FullTime;
    }

    /// <summary>
    /// Hybrid when the location or the text says so, remote when either does ("Remote - India", "work from home"),
    /// on site when the location names a city, null when nothing says where (a country alone, "Multiple locations").
    /// </summary>
    public static string? WorkModeOf(string? location, string? description)
    {
        var place = location ?? "";
        var text = description ?? "";
        if (Hybrid().IsMatch(place) || HybridText().IsMatch(text)) return WorkModes.Hybrid;
        if (IsRemote(place) || RemoteText().IsMatch(text)) return WorkModes.Remote;
        return PlaceReader.Read(location).Places.Any(p => p.City is not null) ? WorkModes.OnSite : null;
    }

    /// <summary>A location text that reads as remote: "Remote", "Work from home", "WFH", "Pan India".</summary>
    public static bool IsRemote(string? location) => location is not null && RemoteLocation().IsMatch(location);

    /// <summary>The enrichment's level when there is one (either enricher's wording), else read from the job's words.</summary>
    public static string ExperienceOf(string title, string? description, string? enrichedLevel) =>
        ExperienceOfLevel(enrichedLevel) ?? ExperienceOf(title, description);

    /// <summary>An enrichment's experience level ("Entry level (0–2 years)") as a band; null when it reads as none.</summary>
    public static string? ExperienceOfLevel(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        var l when l.StartsWith("intern", StringComparison.Ordinal) => ExperienceBands.Internship,
        var l when l.StartsWith("entry", StringComparison.Ordinal) || l.StartsWith("fresher", StringComparison.Ordinal) => ExperienceBands.Entry,
        var l when l.StartsWith("early", StringComparison.Ordinal) || l.StartsWith("mid", StringComparison.Ordinal) => ExperienceBands.Early,
        var l when l.StartsWith("experienced", StringComparison.Ordinal) || l.StartsWith("senior", StringComparison.Ordinal) => ExperienceBands.Experienced,
        _ => null,
    };

    /// <summary>Reads how senior a job is from its title and text: internships, stated years of experience, fresher wording.</summary>
    public static string ExperienceOf(string title, string? description)
    {
        var text = description ?? "";
        if (InternTitle().IsMatch(title) || InternText().IsMatch(text)) return ExperienceBands.Internship;
        if (MinimumYears(text) is { } years) return FromYears(years);
        if (FresherText().IsMatch(title) || FresherText().IsMatch(text)) return ExperienceBands.Entry;
        if (SeniorTitle().IsMatch(title)) return ExperienceBands.Early;
        if (ExperiencedTitle().IsMatch(title)) return ExperienceBands.Experienced;
        return ExperienceBands.Entry; // the platform's default audience; most Big-4 postings we ingest are campus roles
    }

    private static string FromYears(decimal minimum) =>
        minimum < 2 ? ExperienceBands.Entry : minimum < 5 ? ExperienceBands.Early : ExperienceBands.Experienced;

    /// <summary>
    /// The smallest number of years the text asks for: "0-2 years", "1+ yrs", "minimum 2 years", "3 to 5 years of experience".
    /// Only numbers that read as experience count ("2 years of experience", "Experience: 0-2 years", "minimum 2 years"),
    /// so "B.Tech (4 years)" is ignored.
    /// </summary>
    public static decimal? MinimumYears(string text)
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

    /// <summary>"Contract", "Contractor", "Fixed-term", "Freelance" in a title; not a job about contracts ("Contract Manager", "Contracts Analyst").</summary>
    [GeneratedRegex(@"\b(contract(?!s?\s+(manager|management|specialist|analyst|administrator|administration|law|lawyer|executive|associate|negotiat\w*|drafting|review\w*))(or)?|fixed[\s-]+term|freelance(r)?|temporary)\b(?![\s-]+to[\s-]+hire)", RegexOptions.IgnoreCase)]
    private static partial Regex ContractTitle();

    /// <summary>Phrases that make the whole job a contract; "contract law" or "manage vendor contracts" do not.</summary>
    [GeneratedRegex(@"\b(this\s+is\s+an?\s+(\d+[\s-]*months?\s+)?contract(ual)?\s+(role|position|job|assignment|engagement)|on\s+an?\s+contract(ual)?\s+basis|contract(ual)?\s+(role|position|job|assignment|basis|employment)|employment\s+type\s*:?\s*contract|fixed[\s-]+term\s+(contract|role|position|employment)|freelance\s+(role|position|basis))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContractText();

    [GeneratedRegex(@"\bpart[\s-]?time\b(?!\s+(mba|degree|course|program|programme|student))", RegexOptions.IgnoreCase)]
    private static partial Regex PartTime();

    [GeneratedRegex(@"\bhybrid\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hybrid();

    /// <summary>Hybrid as a way of working; "hybrid cloud" or "hybrid apps" are not.</summary>
    [GeneratedRegex(@"\b(hybrid\s+(work|working|model|role|mode|arrangement|set[\s-]?up|position|schedule|policy|job|opportunity)|work\s+mode\s*:?\s*hybrid|(this|the)\s+(role|position|job)\s+is\s+hybrid|\d\s+days\s+(a|per)\s+week\s+(in|at|from)\s+(the\s+)?office)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HybridText();

    [GeneratedRegex(@"\b(remote|work\s+from\s+home|wfh|anywhere\s+in\s+india|pan\s+india)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteLocation();

    /// <summary>Remote as a way of working; "remote sensing" or "remote monitoring" are not.</summary>
    [GeneratedRegex(@"\b(fully\s+remote|100%\s+remote|remote[\s-]+(first|role|position|job|work|working|opportunity|friendly)|work\s+(from\s+home|remotely)|wfh|work\s+mode\s*:?\s*remote|(this|the)\s+(role|position|job)\s+is\s+remote)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteText();
}
