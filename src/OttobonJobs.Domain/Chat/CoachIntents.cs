using System.Text.RegularExpressions;
using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Domain.Chat;

/// <summary>What a seeker's message asks the coach for.</summary>
public enum CoachIntent
{
    Fit,
    SkillsToLearn,
    Salary,
    Interview,
    Resume,
    Company,
    JobSuggestions,
    Greeting,
    Thanks,
    OffTopic,
    Unknown,
}

/// <summary>
/// Reads what a message asks, by ordered patterns (the first that matches wins): salary words beat everything
/// ("salary for this job" is about pay, not jobs), asking for jobs beats fit ("which jobs suit me"), and an
/// off-topic word is checked before the job's own topics so "cricket match" is not read as a fit question.
/// </summary>
public static partial class CoachIntents
{
    private static readonly (CoachIntent Intent, Regex Pattern)[] Rules =
    [
        (CoachIntent.Salary, Salary()),
        (CoachIntent.JobSuggestions, JobSuggestions()),
        (CoachIntent.OffTopic, OffTopic()),
        (CoachIntent.Interview, Interview()),
        (CoachIntent.Resume, Resume()),
        (CoachIntent.SkillsToLearn, SkillsToLearn()),
        (CoachIntent.Fit, Fit()),
        (CoachIntent.Company, Company()),
        (CoachIntent.Thanks, Thanks()),
        (CoachIntent.Greeting, Greeting()),
    ];

    public static CoachIntent Read(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return CoachIntent.Unknown;
        var text = message.Replace('’', '\'');
        foreach (var (intent, pattern) in Rules)
            if (pattern.IsMatch(text)) return intent;
        return CoachIntent.Unknown;
    }

    /// <summary>The stable snake_case name of an intent (logs, the OpenAI prompt).</summary>
    public static string Name(this CoachIntent intent) => intent switch
    {
        CoachIntent.SkillsToLearn => "skills_to_learn",
        CoachIntent.JobSuggestions => "job_suggestions",
        CoachIntent.OffTopic => "off_topic",
        _ => intent.ToString().ToLowerInvariant(),
    };

    /// <summary>The skills a message names ("jobs for a java fresher" → Java), canonical, as the taxonomy knows them.</summary>
    public static IReadOnlyList<string> SkillsNamed(string? message) =>
        SkillTaxonomy.Extract(message);

    /// <summary>The message asks about entry-level work: a fresher, a new graduate, an intern.</summary>
    public static bool AsksForEntryLevel(string? message) => message is not null && EntryLevel().IsMatch(message);

    [GeneratedRegex(@"\b(salary|salaries|ctc|lpa|stipend|pay|paid|pays|package|compensation|earn|earning|wages?|in[- ]hand|take[- ]home|lakhs?|per month|remuneration)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Salary();

    [GeneratedRegex(@"\b(which|what|any|other|more|suggest|recommend|show|find|list|similar|suit|suitable|best|good)\b.*\b(jobs|roles|openings|positions|vacancies|opportunities)\b|\b(jobs|roles|openings|positions|vacancies|opportunities)\b.*\b(for (a|an|me|freshers?)|suit|fit|match|here|in|with)\b|\b(suggest|recommend)\b.*\b(jobs?|roles?)\b|\bother jobs?\b", RegexOptions.IgnoreCase)]
    private static partial Regex JobSuggestions();

    [GeneratedRegex(@"\b(weather|rain|raining|temperature|cricket|ipl|football|movies?|films?|songs?|music|recipes?|cook|jokes?|politics|election|bitcoin|crypto|horoscope|capital of|prime minister|girlfriend|boyfriend|stock price|news)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OffTopic();

    [GeneratedRegex(@"\b(interviews?|interviewer|prepare|preparation|prep|mock|hr round|technical round|aptitude|questions? (will|would|do|might) they ask|what will they ask|ask me)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Interview();

    [GeneratedRegex(@"\b(resume|résumé|cv|bio[- ]?data|cover letter|linkedin profile|portfolio)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Resume();

    [GeneratedRegex(@"\b(learn|learning|study|upskill|courses?|weeks?|months?|how long|how much time|missing|skill gaps?|gaps? in my skills|lacking|improve|which skills?|what skills?|skills? (first|to|should|do i need|needed|required|i need)|prerequisites?|roadmap)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SkillsToLearn();

    [GeneratedRegex(@"\b(fit|fits|selected|selection|shortlist(ed)?|eligible|eligibility|suitable|suit me|qualif(y|ied|ication)|good match|match( for)?|chances?|right for me|good enough|ready for|get (this|the) job|crack)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fit();

    [GeneratedRegex(@"\b(company|companies|employer|organi[sz]ation|firm|work culture|culture|office|headquarters|team size|tell me about|who are they|what do they do|what does (it|the company|this company|[A-Z][\w&.]*( [A-Z][\w&.]*)*) do|about (them|the company|this company))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Company();

    [GeneratedRegex(@"\b(thanks|thank you|thank u|thx|tysm|dhanyavaad|dhanyavad|shukriya|appreciate it)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^\W*(hi+|hello+|hey+|hii+|namaste|namaskar|good (morning|afternoon|evening)|yo|hola)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\b(freshers?|fresh graduates?|new grad(uate)?s?|entry[\s-]+level|interns?|internships?|trainees?|beginners?|no experience|0 years?|junior|graduate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EntryLevel();
}
