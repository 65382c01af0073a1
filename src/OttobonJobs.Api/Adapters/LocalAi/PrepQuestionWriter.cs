using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// Five interview-prep questions for one job: two or three on its top skills, one on a responsibility from the
/// posting, one behavioural question about this company and role. Family questions fill any gap.
/// </summary>
internal static class PrepQuestionWriter
{
    public static IReadOnlyList<PrepQuestion> Write(JobProfile job)
    {
        var skills = job.FocusSkills(2);
        var quoted = new HashSet<string>(); // each line of the posting is quoted once, not in every answer

        var first = skills.Take(2).Select(s => Technical(s, job, quoted)).ToList();
        var duty = ResponsibilityToAsk(job, quoted);
        if (duty is not null) quoted.Add(duty);
        var third = skills.Count > 2 ? Technical(skills[2], job, quoted) : null; // only when the job itself names 3+ skills
        var behavioural = Behavioural(job);

        // In order of preference; the first five distinct questions win.
        var candidates = new List<PrepQuestion>(first);
        if (duty is not null) candidates.Add(OnResponsibility(duty, job, skills));
        if (third is not null) candidates.Add(third);
        candidates.Add(behavioural);
        candidates.AddRange(FamilyQuestions.For(job.Family));
        candidates.AddRange(skills.Skip(3).Select(s => Technical(s, job, quoted)));
        candidates.AddRange(FamilyQuestions.For(RoleFamily.Other));

        var chosen = candidates.DistinctBy(q => q.Question).Take(JobEnrichmentRules.QuestionCount).ToList();
        if (chosen.Remove(behavioural)) chosen.Add(behavioural); // last, as interviews usually run
        return chosen;
    }

    private static PrepQuestion Technical(string skill, JobProfile job, HashSet<string> quoted)
    {
        var question = SkillQuestions.For(skill, job);
        var duty = job.DutiesMentioning(skill).FirstOrDefault(d => !quoted.Contains(d));
        string tieIn;
        if (duty is not null)
        {
            quoted.Add(duty);
            tieIn = $" Anchor your answer in the posting's own line: \"{duty}\".";
        }
        else
        {
            var partner = job.TechnicalSkills.FirstOrDefault(s => s != skill);
            tieIn = partner is null ? "" : $" Where it fits, show how it works with {Wording.InSentence(partner)}, which the posting also asks for.";
        }
        return question with { AnswerStrategy = question.AnswerStrategy + tieIn };
    }

    /// <summary>A duty not yet quoted, preferring one that uses the job's skills: it makes the question concrete.</summary>
    private static string? ResponsibilityToAsk(JobProfile job, HashSet<string> quoted)
    {
        var fresh = job.Text.Responsibilities.Where(d => !quoted.Contains(d)).ToList();
        return fresh.FirstOrDefault(d => job.Skills.Any(s => job.DutiesMentioning(s).Contains(d)))
            ?? fresh.FirstOrDefault()
            ?? job.Text.Responsibilities.FirstOrDefault();
    }

    private static PrepQuestion OnResponsibility(string duty, JobProfile job, IReadOnlyList<string> skills)
    {
        var when = job.Seniority == Seniority.Internship ? "during your internship" : "in your first month";
        var withSkills = skills.Count > 0 ? $" using {Wording.JoinAnd(skills.Take(2).Select(Wording.InSentence))}" : "";
        return new(
            $"This role involves \"{duty}\". How would you go about it {when} at {job.Company}?",
            $"Break it into steps: what you would clarify first (scope, deadline, who reviews your work), how you would do it{withSkills}, " +
            "how you would check your own work before handing it over, and how you would report progress. " +
            $"Back it with a time you did something similar in {Evidence(job.Family)}.");
    }

    private static PrepQuestion Behavioural(JobProfile job)
    {
        var soft = job.SoftSkills.Take(2).ToList();
        var stress = soft.Count > 0 ? $" The posting stresses {Wording.JoinAnd(soft.Select(Wording.InSentence))}, so let your story show it." : "";
        return new(
            $"Why do you want to join {job.Company} as {Wording.Article(job.RoleName)} {job.RoleName}, and what have you done that shows you are ready?",
            $"Give one short STAR story (situation, task, action, result) from {Evidence(job.Family)}. " +
            $"Then connect it to something specific about {job.Company}'s {Practice(job.Family)}: the clients, the work this posting describes or how it trains new joiners, rather than general praise of the brand." +
            stress);
    }

    private static string Evidence(RoleFamily family) => family switch
    {
        RoleFamily.SoftwareEngineering => "a project, internship or hackathon where you built and shipped something end to end",
        RoleFamily.DataAnalytics => "a project or internship where your analysis changed a decision",
        RoleFamily.AuditAssurance => "your articleship, an internship or coursework where you checked numbers under a deadline",
        RoleFamily.Tax => "your articleship, an internship or coursework where you worked through tax rules on a real case",
        RoleFamily.ConsultingAdvisory => "a project, internship or case competition where you structured a messy problem",
        RoleFamily.Cybersecurity => "a lab, CTF, project or internship where you found or fixed a security weakness",
        RoleFamily.FinanceAccounting => "an internship, articleship or coursework where you kept accounts accurate under a deadline",
        _ => "an internship, project or college role where you took responsibility for a result",
    };

    private static string Practice(RoleFamily family) => family switch
    {
        RoleFamily.SoftwareEngineering => "technology teams",
        RoleFamily.DataAnalytics => "data and analytics work",
        RoleFamily.AuditAssurance => "audit and assurance practice",
        RoleFamily.Tax => "tax practice",
        RoleFamily.ConsultingAdvisory => "advisory practice",
        RoleFamily.Cybersecurity => "cyber security practice",
        RoleFamily.FinanceAccounting => "finance operations",
        _ => "team",
    };
}
