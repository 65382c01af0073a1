using System.Text;
using OttobonJobs.Domain.Matching;
using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Domain.Chat;

/// <summary>
/// The local coach's answers: the question's intent answered from the job, the resume and the facts read for it,
/// with the job's own numbers. Asked again, it moves on (the next prep questions, the next skill, the next jobs)
/// and never sends the reply it sent just before.
/// </summary>
public static class CoachReplies
{
    private const string Capabilities =
        "whether you fit this job, which skills to learn and how long they take, the salary, interview questions, " +
        "resume advice, what the company does, and which jobs here suit you";

    public static string Compose(CoachContext context)
    {
        var users = context.History.Where(m => m.Role == ChatRole.User).ToList();
        var question = users.LastOrDefault()?.Content ?? "";
        var intent = context.Facts?.Intent ?? CoachIntents.Read(question);
        var facts = context.Facts ?? new CoachFacts(intent);
        var previous = context.History.LastOrDefault(m => m.Role == ChatRole.Assistant)?.Content;
        // The same kind of question asked again gets the next part of the answer.
        var asked = users.Take(Math.Max(users.Count - 1, 0)).Count(m => CoachIntents.Read(m.Content) == intent);

        for (var turn = asked; turn < asked + 4; turn++)
        {
            var reply = Reply(intent, context, facts, turn).Trim();
            if (reply != previous) return reply;
        }
        var again = $"As I said just now: {Reply(intent, context, facts, asked).Trim()}";
        return again != previous ? again : $"{again} Ask me about something else too: {Capabilities}.";
    }

    private static string Reply(CoachIntent intent, CoachContext context, CoachFacts facts, int turn) => intent switch
    {
        CoachIntent.Fit => Fit(context, facts, turn),
        CoachIntent.SkillsToLearn => SkillsToLearn(context, facts, turn),
        CoachIntent.Salary => Salary(context, facts, turn),
        CoachIntent.Interview => Interview(context.Job, turn),
        CoachIntent.Resume => Resume(context, facts, turn),
        CoachIntent.Company => Company(context.Job, facts, turn),
        CoachIntent.JobSuggestions => Suggestions(context, facts, turn),
        // "Hello", not "Hi": the session's own greeting (ChatRules.Greeting) is the one that starts with "Hi".
        CoachIntent.Greeting => Pick(turn,
            $"Hello {FirstName(context.SeekerName)}! {About(context.Job)} I can tell you {Capabilities}. What would you like to know?",
            $"Hello again! Pick one: {Capabilities}."),
        CoachIntent.Thanks => Pick(turn,
            "You're welcome! Ask me anything else — the salary, the skills to learn, or the next interview questions.",
            "Happy to help. When you're ready, ask for a mock interview question or which jobs here suit you.",
            "Anytime! All the best with your application."),
        CoachIntent.OffTopic => Pick(turn,
            $"That's outside what I can help with: I'm a career coach, so I can't answer general questions like that. I can tell you {Capabilities}.",
            $"I can only help with your job search, not with that. {CoachFacts.CannotDo} Try asking which skills to learn first or what the salary is.",
            "Still not something I can answer, sorry. Ask me about this job, your resume or jobs here."),
        _ => Pick(turn,
            $"I'm not sure what you're asking. I can tell you {Capabilities}. Which of these would help?",
            $"Could you say a little more? For example: \"Am I a good fit?\", \"Which skills first?\", \"What's the CTC?\" or \"Which jobs here suit me?\". {CoachFacts.CannotDo}",
            $"I didn't catch that. Try one of: fit, skills to learn, salary, interview questions, resume, the company, or jobs here."),
    };

    private static string Fit(CoachContext context, CoachFacts facts, int turn)
    {
        if (context.Job is not { } job) return NeedsJob("how well you fit", context, facts);
        if (context.ResumeText is null)
            return $"Upload your resume on your Profile page and I'll score your fit. {job.Title} asks for {List(job.Skills.Take(8), "no specific skills")}.";
        var fit = FitOf(context, facts)!;

        var listed = fit.Matched.Count + fit.Missing.Count;
        var score = fit.Percent is { } percent ? $"You're a {percent}% fit for {job.Title} at {job.CompanyName} — {fit.Label}." : $"For {job.Title} at {job.CompanyName}: {fit.Label}.";
        var skills = listed == 0 ? "The posting lists no specific skills, so the score rests on how close your resume's experience is to the description."
            : $"Your resume shows {fit.Matched.Count} of its {listed} skills ({List(fit.Matched, "none yet")}){(fit.Missing.Count == 0 ? "." : $"; missing: {List(fit.Missing, "")}.")}";
        var next = fit.Missing.Count == 0
            ? Pick(turn, "Your skills cover the list, so interview practice is the best use of your time now.",
                "As I said, the skills are covered — now make them easy to spot at the top of your resume.",
                "Nothing is missing on paper; a mock interview is the next step.")
            : facts.Learning.Count > 0 && facts.Learning[turn % facts.Learning.Count] is var learn
                ? $"{(turn == 0 ? "Closing" : "Next, closing")} {learn.Skill} would raise your fit most: about {Weeks(learn.Weeks)}{FirstLink(learn, turn)}."
                : $"Work on {fit.Missing[turn % fit.Missing.Count]} next.";
        return $"{score} {skills} {next} I can't promise selection — that's the employer's call.";
    }

    private static string SkillsToLearn(CoachContext context, CoachFacts facts, int turn)
    {
        var named = facts.SkillsNamed.Select(s => facts.Learning.FirstOrDefault(l => l.Skill.Equals(s, StringComparison.OrdinalIgnoreCase))).OfType<SkillToLearn>().ToList();
        if (named.Count > 0)
            return string.Join(" ", named.Select(l => $"{l.Skill}: about {Weeks(l.Weeks)} {LearningWeeks.Pace}{FirstLink(l, turn)}.")) +
                   " Build one small project with it and put it on your resume — that's what interviewers ask about.";
        if (context.Job is not { } job)
            return context.ResumeSkills.Count > 0
                ? $"Your resume shows {List(context.ResumeSkills.Take(6), "")}. Open a job you like and ask me there: I'll list what it needs that you don't show yet, with rough weeks and links."
                : "Upload your resume and open a job you like, then ask me again: I'll list the skills to learn with rough weeks and links.";
        if (context.ResumeText is null)
            return $"{job.Title} asks for {List(job.Skills.Take(8), "no specific skills")}. Upload your resume and I'll tell you which of these to learn first and how long each takes.";
        var fit = FitOf(context, facts)!;
        // Each missing skill with its links when they were read, else with its rough weeks alone.
        var missing = fit.Missing.Select(skill => facts.Learning.FirstOrDefault(l => l.Skill.Equals(skill, StringComparison.OrdinalIgnoreCase))
            ?? new SkillToLearn(skill, LearningWeeks.For(skill), [])).ToList();
        if (missing.Count == 0)
            return Pick(turn,
                $"Your resume already covers what {job.Title} lists ({List(fit.Matched, "its skills")}). Focus on interview practice now.",
                $"As I said, nothing on {job.Title}'s list is missing. Deepen one of {List(fit.Matched.Take(3), "your skills")} with a bigger project.",
                "No gaps on paper — ask me for interview questions next.");

        var total = missing.Sum(l => l.Weeks);
        // Asked again, start from the next skill so the plan moves on rather than repeating itself.
        var order = missing.Skip(turn % missing.Count).Concat(missing.Take(turn % missing.Count)).ToList();
        var text = new StringBuilder(turn == 0
            ? $"For {job.Title}, learn these in this order ({LearningWeeks.Pace}, about {Weeks(total)} in all):\n"
            : $"As I said, about {Weeks(total)} in all. This time starting with {order[0].Skill}:\n");
        foreach (var learn in order.Take(4)) text.Append($"- {learn.Skill}: about {Weeks(learn.Weeks)}{FirstLink(learn, turn)}\n");
        text.Append($"Start with {order[0].Skill}: build a small project with it and add it to your resume.");
        return text.ToString();
    }

    private static string Salary(CoachContext context, CoachFacts facts, int turn)
    {
        if (context.Job is not { } job)
        {
            var paid = facts.Jobs.Where(j => j.Salary is not null).Take(3).ToList();
            return paid.Count > 0
                ? $"Pay depends on the job. Some here: {string.Join("; ", paid.Select(j => $"{j.Title} at {j.CompanyName}: {j.Salary}"))}. Open one and ask me there. {CoachFacts.CannotDo}"
                : $"Pay depends on the job: open one from the feed and ask me there, and I'll tell you the range it shows. {CoachFacts.CannotDo}";
        }
        if (facts.Salary is not { } salary)
            return $"{job.Title} at {job.CompanyName} shows no salary yet, neither published nor estimated. Ask HR for the CTC range before the final round. {CoachFacts.CannotDo}";
        var source = salary.Published ? "the range the employer published" : "our estimate for the role, its seniority and city (the employer published none)";
        var shown = $"{job.Title} at {job.CompanyName} shows a salary of {salary.Display} — {source}.";
        return Pick(turn,
            $"{shown} When asked for your expectation, quote a figure inside that range and back it with your projects. I can't see other companies' pay data.",
            $"As I said, the salary shown is {salary.Display}. Ask what the CTC includes: fixed pay, variable pay, bonus and PF — the in-hand amount is lower than the CTC.",
            $"The salary of {salary.Display} is {(salary.Published ? "what they published" : "an estimate")}. If an offer comes in below it, ask politely whether there's room, citing the skills you bring ({List(FitOf(context, facts)?.Matched.Take(3) ?? [], "your projects")}).");
    }

    private static string Interview(ChatJobContext? job, int turn)
    {
        if (job is null || job.PrepQuestions.Count == 0)
            return Pick(turn,
                "Start with a crisp two-minute introduction: your degree, one project you're proud of and why this role. Then prepare STAR stories (situation, task, action, result) for teamwork, a mistake you fixed and a deadline you met.",
                "Next: practise explaining one project end to end — the problem, your part, the tools, and what you'd do differently. Then prepare two questions to ask the interviewer.",
                "Also rehearse \"Why should we hire you?\" in under a minute, and \"Where do you see yourself in two years?\" tied to this kind of role.");
        // Walk through the job's own questions two at a time as the conversation goes on.
        var start = turn * 2 % job.PrepQuestions.Count;
        var questions = job.PrepQuestions.Skip(start).Concat(job.PrepQuestions.Take(start)).Take(2).ToList();
        var text = new StringBuilder(turn == 0 ? $"For the {job.Title} interview at {job.CompanyName}, practise these:\n" : "Next, practise these:\n");
        foreach (var q in questions) text.Append("- ").Append(q).Append('\n');
        text.Append("Answer each with a real example from your projects or internships, and end with the result you achieved.");
        return text.ToString();
    }

    private static string Resume(CoachContext context, CoachFacts facts, int turn)
    {
        var text = new StringBuilder();
        if (context.ResumeText is null) text.Append("Upload your resume on your Profile page so I can give advice about it. Meanwhile: ");
        if (context.Job is { ResumeTips.Count: > 0 } job)
        {
            var start = turn * 2 % job.ResumeTips.Count;
            text.Append(turn == 0 ? $"For {job.Title}:\n" : "More for this role:\n");
            foreach (var tip in job.ResumeTips.Skip(start).Concat(job.ResumeTips.Take(start)).Take(2)) text.Append("- ").Append(tip).Append('\n');
        }
        else
        {
            text.Append(Pick(turn,
                "lead with your strongest project, quantify results, and mirror the keywords of the roles you apply for.\n",
                "keep it to one page, put skills and projects above hobbies, and start each line with a verb and a number.\n"));
        }
        var fit = FitOf(context, facts);
        var matched = fit?.Matched ?? [];
        var missing = fit?.Missing ?? [];
        if (turn % 2 == 0 && matched.Count > 0) text.Append($"Make sure {List(matched.Take(3), "")} are easy to spot near the top.");
        else if (missing.Count > 0) text.Append($"If you have used {List(missing.Take(3), "")} at all, say where — the posting asks for them.");
        return text.ToString();
    }

    private static string Company(ChatJobContext? job, CoachFacts facts, int turn)
    {
        if (job is null)
            return "Open a job and ask me from there: I'll tell you what its company's posting says and which other roles they have open here.";
        var company = facts.Company;
        var place = company?.Location is { } location ? $" in {location}" : "";
        var about = FirstSentences(job.Description, 2);
        var roles = company is null || company.OtherRoles.Count == 0
            ? $"{job.CompanyName} has no other open roles on Ottobon right now."
            : $"Other open roles at {job.CompanyName} here: {string.Join("; ", company.OtherRoles.Take(3).Select(r => $"{r.Title}{(r.Location is null ? "" : $" ({r.Location})")} — {r.Link}"))}.";
        var limits = "I only know what their postings here say; check their website and employee reviews for size, culture and growth.";
        return Pick(turn,
            $"{job.CompanyName} is hiring a {job.Title}{place}. From the posting: {about} {roles} {limits}",
            $"As I said, {job.CompanyName} is hiring{place}. {roles} {(company?.Locations.Count > 1 ? $"They list openings in {List(company.Locations, "")}." : "")} {limits}",
            $"To learn more about {job.CompanyName} before the interview, read their careers page and recent news, and be ready to say why you want to work there. {roles}");
    }

    private static string Suggestions(CoachContext context, CoachFacts facts, int turn)
    {
        var basis = facts.SkillsNamed.Count > 0 ? $"your question ({List(facts.SkillsNamed, "")})"
            : context.ResumeSkills.Count > 0 ? $"your resume's skills ({List(context.ResumeSkills.Take(4), "")})" : null;
        if (basis is null)
            return "Tell me a skill or two (\"jobs for a Java fresher\") or upload your resume, and I'll pick jobs here that fit.";
        if (facts.Jobs.Count == 0)
            return $"No active jobs here match {basis} right now. Try fewer skills, or check the feed again later — new jobs arrive every day.";
        var start = turn * 3 % facts.Jobs.Count;
        var picked = facts.Jobs.Skip(start).Concat(facts.Jobs.Take(start)).Take(3).ToList();
        var text = new StringBuilder(turn == 0 ? $"Jobs here that fit {basis}:\n" : "More jobs here:\n");
        foreach (var job in picked)
        {
            var details = new[] { job.Location, job.Salary, job.EntryLevel ? "entry level" : null }.Where(d => d is not null);
            text.Append($"- {job.Title} at {job.CompanyName} ({string.Join(", ", details)}) — needs {List(job.SharedSkills, "")} — {job.Link}\n");
        }
        text.Append("Open one and ask me \"Am I a good fit?\" there for your score and what to learn.");
        return text.ToString();
    }

    /// <summary>The fit read for the question, else the job's skills against the resume's (no score) when only those are known.</summary>
    private static CoachFit? FitOf(CoachContext context, CoachFacts facts)
    {
        if (facts.Fit is not null || context.Job is not { } job || context.ResumeText is null) return facts.Fit;
        var skills = FitScore.Compare(job.Skills, context.ResumeSkills, context.ResumeText);
        return new CoachFit(null, $"you show {skills.Matched.Count} of its {skills.Matched.Count + skills.Missing.Count} listed skills", skills.Matched, skills.Missing);
    }

    private static string NeedsJob(string what, CoachContext context, CoachFacts facts) =>
        facts.Jobs.Count > 0
            ? $"Open a job and ask me there to see {what}. Jobs here that match your skills: {string.Join("; ", facts.Jobs.Take(3).Select(j => $"{j.Title} at {j.CompanyName} — {j.Link}"))}."
            : context.ResumeText is null
                ? $"Upload your resume and open a job you like, then ask me again to see {what}."
                : $"Open a job you like and ask me there to see {what}.";

    private static string About(ChatJobContext? job) => job is null ? "Let's work on your job search." : $"Let's talk about the {job.Title} role at {job.CompanyName}.";

    private static string Pick(int turn, params string[] replies) => replies[turn % replies.Length];

    private static string Weeks(int weeks) => weeks == 1 ? "1 week" : $"{weeks} weeks";

    private static string FirstLink(SkillToLearn learn, int turn) =>
        learn.Links.Count == 0 ? "" : learn.Links[turn % learn.Links.Count] is var link ? $" — {link.Title}: {link.Url}" : "";

    private static string List(IEnumerable<string> items, string empty)
    {
        var list = items.ToList();
        return list.Count == 0 ? empty : string.Join(", ", list);
    }

    private static string FirstSentences(string text, int count)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var sentences = flat.Split(". ", StringSplitOptions.RemoveEmptyEntries).Take(count).Select(s => s.TrimEnd('.') + ".");
        var about = string.Join(' ', sentences);
        return about.Length > 300 ? about[..300].TrimEnd() + "…" : about;
    }

    private static string FirstName(string fullName) => fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "there";
}
