using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// Five resume tips for one job, each naming its skills or duties: lead with the right project, mirror the posting's
/// words, quantify, state the qualification, and cover the remaining keywords for applicant-tracking systems.
/// </summary>
internal static class ResumeTipWriter
{
    public static IReadOnlyList<string> Write(JobProfile job)
    {
        var skills = job.FocusSkills(2);
        var duties = job.Text.Responsibilities;
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var tips = new List<string>
        {
            LeadProject(job, skills, duties.FirstOrDefault(), named),
            MirrorWording(job, duties.Count > 1 ? duties[1] : null, named),
            Quantify(job, named),
            QualificationLine(job),
            Keywords(job, named),
        };
        return tips;
    }

    private static string LeadProject(JobProfile job, IReadOnlyList<string> skills, string? duty, HashSet<string> named)
    {
        var top = skills.Take(2).ToList();
        named.UnionWith(top);
        // Languages, frameworks and products are "used"; practices such as statutory audit or data visualisation are "done".
        var tools = top.Where(Used).ToList();
        var practices = top.Where(s => !Used(s)).Select(s => Wording.AsPractice(Wording.InSentence(s))).ToList();
        var did = (tools.Count, practices.Count) switch
        {
            (> 0, > 0) => $"used {Wording.JoinAnd(tools)} for {Wording.JoinOr(practices)} work",
            (> 0, _) => $"used {Wording.JoinAnd(tools)}",
            _ => $"did {Wording.JoinOr(practices)} work",
        };
        var what = duty is not null ? $", ideally close to the posting's \"{duty}\"" : $" to {Outcome(job.Family)}";
        var source = (job.Seniority, job.Family) switch
        {
            (Seniority.Internship, RoleFamily.SoftwareEngineering or RoleFamily.DataAnalytics or RoleFamily.Cybersecurity) => "project, hackathon or coursework",
            (Seniority.Internship, _) => "project, coursework or competition",
            (_, RoleFamily.AuditAssurance or RoleFamily.Tax or RoleFamily.FinanceAccounting) => "project, internship or articleship",
            (_, RoleFamily.ConsultingAdvisory) => "project, internship or case competition",
            (_, RoleFamily.Other) => "project, internship or college role",
            _ => "project or internship",
        };
        var opener = Wording.Pick(job.Title + job.Company, 1, ["Lead with", "Open your experience section with", "Put first"]);
        var placement = Wording.Pick(job.Title + job.Company, 2, [
            "put it in the top third of the first page and name the tools in the bullet itself",
            "keep it near the top and name the tools inside the bullet, not only in a skills list",
            "give it two or three bullets, each naming what you used and what came of it",
        ]);
        return $"{opener} {Wording.Article(source)} {source} where you {did}{what}; {placement}.";
    }

    private static bool Used(string skill) =>
        Wording.IsName(skill) && (Wording.IsTool(skill) || SkillTaxonomy.CategoryOf(skill) is { } c && c.IsTechnical());

    private static string MirrorWording(JobProfile job, string? duty, HashSet<string> named)
    {
        if (duty is not null)
            return $"Mirror the posting's wording where it is true for you: it says \"{duty}\", so use those words in a bullet instead of a vague \"{Vague(job.Family)}\"; {job.Company}'s screeners and ATS look for the match.";

        var spelled = job.Skills.FirstOrDefault(s => !named.Contains(s));
        if (spelled is not null) named.Add(spelled);
        return $"Mirror the posting's wording: write \"{job.RoleName}\" in your summary line and spell skills the way {job.Company} does{(spelled is null ? "" : $" (\"{spelled}\", not a paraphrase)")}, so applicant-tracking systems match them.";
    }

    // Never a number the seeker may not have: the tip names what to count, with questions to count it by.
    private static string Quantify(JobProfile job, HashSet<string> named)
    {
        var tool = job.Skills.FirstOrDefault(s => Wording.IsName(s) && Wording.IsTool(s) && !named.Contains(s));
        if (tool is not null) named.Add(tool);
        var work = tool is null ? "your work" : $"your {tool} work";
        var measures = job.Family switch
        {
            RoleFamily.SoftwareEngineering => "how many users or requests it served, how much faster it got, how much test coverage you added",
            RoleFamily.DataAnalytics => "how many rows or sources it covered, how many hours a week it saved, which decision it fed",
            RoleFamily.AuditAssurance => "how many entities or ledgers you covered, the value of balances you tested, how many samples and exceptions",
            RoleFamily.Tax => "how many returns or clients you handled, how much credit you reconciled, how many notices you answered",
            RoleFamily.ConsultingAdvisory => "how many stakeholders you interviewed, how many processes you mapped, what saving or risk you found",
            RoleFamily.Cybersecurity => "how many assets you scanned, how many alerts you triaged, how many vulnerabilities were fixed",
            RoleFamily.FinanceAccounting => "how many accounts you reconciled, how many entries you posted, how many days the close took",
            _ => "how many people it reached, how much time or money it saved",
        };
        var where = job.Seniority switch
        {
            Seniority.Internship => "a project, course or internship",
            Seniority.Experienced => "your recent roles",
            _ => "a project or internship",
        };
        var close = Wording.Pick(job.Title + job.Company, 3, [
            "Use only numbers you can stand behind in an interview; an honest estimate, said to be one, beats none.",
            "Count only what you can explain if asked; a range or an estimate is fine when you say so.",
            "If you never measured it, describe the before and after in words rather than inventing a figure.",
        ]);
        return $"Quantify the bullets about {work} from {where}, e.g. {measures}. {close}";
    }

    private static string QualificationLine(JobProfile job)
    {
        var extra = job.Family switch
        {
            RoleFamily.AuditAssurance or RoleFamily.Tax or RoleFamily.FinanceAccounting when !job.Location.InIndia => ", plus your CPA, ACCA or CA progress if you have any",
            RoleFamily.AuditAssurance or RoleFamily.Tax or RoleFamily.FinanceAccounting => ", plus your CA or CMA level and attempt status (or articleship firm) if you have one",
            RoleFamily.Cybersecurity => ", plus any certification or lab (CEH, Security+, TryHackMe) you have completed",
            _ => "",
        };
        var dates = job.Seniority == Seniority.Internship ? " and the dates you are available" : "";
        return job.Qualification.StartsWith("Typically ", StringComparison.Ordinal)
            ? $"The posting does not state a qualification, and for a {job.Family.Display()} role the usual one is {JobText.LowerFirst(job.Qualification["Typically ".Length..])}: put yours near the top with year of passing and marks or CGPA{extra}{dates}."
            : $"Put the qualification the posting asks for where a screener looks first: it wants {job.Qualification}, so show yours with year of passing and marks or CGPA{extra}{dates}.";
    }

    private static string Keywords(JobProfile job, HashSet<string> named)
    {
        var rest = job.Skills.Where(s => !named.Contains(s)).Take(6).ToList();
        var soft = job.SoftSkills.FirstOrDefault();
        var showSoft = soft is null ? "" : $" Show {Wording.InSentence(soft)} with evidence (a presentation, a client, a team result) rather than listing it.";
        if (rest.Count > 0)
            return $"Add a skills section with the posting's other exact terms, for ATS keyword matching: {string.Join(", ", rest)}. List only those you can back with a bullet or discuss in an interview.{showSoft}";

        if (job.Skills.Count == 0)
            return $"The posting names no specific skills, so add a skills section with what recruiters for {job.Family.Display()} roles search for ({string.Join(", ", job.Family.CoreSkills())}) and use the exact title \"{job.RoleName}\" in your summary line.";

        var core = job.Family.CoreSkills().Where(c => !named.Contains(c) && !job.Skills.Contains(c)).ToList();
        var also = core.Count > 0 ? $"; for {job.Family.Display()} roles recruiters also search for {Wording.JoinAnd(core)}" : "";
        return $"Keep a skills section that repeats the posting's exact terms ({string.Join(", ", job.Skills)}){also}. List only what you can discuss in an interview.{showSoft}";
    }

    private static string Outcome(RoleFamily family) => family switch
    {
        RoleFamily.SoftwareEngineering => "build and ship a working feature",
        RoleFamily.DataAnalytics => "turn raw data into a decision",
        RoleFamily.AuditAssurance => "test balances or controls and document the evidence",
        RoleFamily.Tax => "prepare a computation or return",
        RoleFamily.ConsultingAdvisory => "analyse a problem and recommend a fix",
        RoleFamily.Cybersecurity => "find and fix a security weakness",
        RoleFamily.FinanceAccounting => "keep accounts accurate and on time",
        _ => "deliver a measurable result",
    };

    private static string Vague(RoleFamily family) => family switch
    {
        RoleFamily.SoftwareEngineering => "worked on backend development",
        RoleFamily.DataAnalytics => "did data analysis",
        RoleFamily.AuditAssurance => "assisted in audits",
        RoleFamily.Tax => "helped with tax work",
        RoleFamily.ConsultingAdvisory => "supported client projects",
        RoleFamily.Cybersecurity => "worked on security",
        RoleFamily.FinanceAccounting => "handled accounts",
        _ => "was responsible for tasks",
    };

}
