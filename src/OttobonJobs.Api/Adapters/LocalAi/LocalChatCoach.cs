using System.Text;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Matching;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// The offline coach: answers from the conversation's own context — the seeker's skills against the job's,
/// the job's prep questions and resume tips — chosen by what the seeker asked about. No canned small talk.
/// </summary>
public sealed class LocalChatCoach : IChatCoach
{
    public string ModelName => "ottobon-local-coach/1";

    public bool AnswersInProcess => true;

    public Task<string> ReplyAsync(CoachContext context, CancellationToken cancellationToken)
    {
        var question = context.History.LastOrDefault(m => m.Role == ChatRole.User)?.Content ?? "";
        var asked = question.ToLowerInvariant();
        var job = context.Job;
        var gap = job is null ? null : FitScore.Compare(job.Skills, context.ResumeSkills, context.ResumeText ?? "");
        var answeredBefore = context.History.Count(m => m.Role == ChatRole.Assistant);

        var reply = Mentions(asked, "interview", "prepare", "question", "prep")
            ? InterviewAnswer(job, answeredBefore)
            : Mentions(asked, "resume", "cv", "tips")
                ? ResumeAnswer(job, context, gap)
                : Mentions(asked, "skill", "learn", "gap", "missing", "improve", "fit", "qualif")
                    ? SkillsAnswer(job, context, gap)
                    : Mentions(asked, "salary", "pay", "stipend", "ctc")
                        ? "Salary depends on the company, city and your interview. Research the range for this role on sites like AmbitionBox, " +
                          "and when asked, give a range based on that research rather than a single number."
                        : Overview(job, context, gap);
        return Task.FromResult(reply);
    }

    private static bool Mentions(string text, params string[] words) => words.Any(text.Contains);

    private static string InterviewAnswer(ChatJobContext? job, int answeredBefore)
    {
        if (job is null || job.PrepQuestions.Count == 0)
            return "Start with a crisp two-minute introduction: your degree, one project you're proud of and why this role. " +
                   "Then prepare STAR stories (situation, task, action, result) for teamwork, a mistake you fixed and a deadline you met.";
        // Walk through the job's questions one at a time as the conversation goes on.
        var questions = job.PrepQuestions.Skip(answeredBefore % job.PrepQuestions.Count).Take(2).ToList();
        var text = new StringBuilder($"For the {job.Title} interview at {job.CompanyName}, practise these:\n");
        foreach (var q in questions) text.Append("- ").Append(q).Append('\n');
        text.Append("Answer each with a real example from your projects or internships, and end with the result you achieved.");
        return text.ToString();
    }

    private static string ResumeAnswer(ChatJobContext? job, CoachContext context, SkillComparison? gap)
    {
        var text = new StringBuilder();
        if (context.ResumeText is null) text.Append("Upload your resume on your Profile page so I can give advice about it. Meanwhile: ");
        if (job is not null && job.ResumeTips.Count > 0)
        {
            text.Append($"For {job.Title}:\n");
            foreach (var tip in job.ResumeTips.Take(3)) text.Append("- ").Append(tip).Append('\n');
        }
        else
        {
            text.Append("lead with your strongest project, quantify results, and mirror the keywords of the roles you apply for.\n");
        }
        if (gap is { Matched.Count: > 0 }) text.Append($"Make sure {string.Join(", ", gap.Matched.Take(3))} are easy to spot near the top.");
        return text.ToString().Trim();
    }

    private static string SkillsAnswer(ChatJobContext? job, CoachContext context, SkillComparison? gap)
    {
        if (job is null)
            return context.ResumeSkills.Count > 0
                ? $"Your resume shows {string.Join(", ", context.ResumeSkills.Take(6))}. Open a job and ask me from there to compare them with what it needs."
                : "Upload your resume and open a job you like, then ask me again: I'll compare your skills with what it needs.";
        if (context.ResumeText is null)
            return $"{job.Title} asks for {string.Join(", ", job.Skills.Take(8))}. Upload your resume and I'll tell you which of these you already show.";
        if (gap!.Missing.Count == 0)
            return $"Your resume already covers what {job.Title} lists ({string.Join(", ", gap.Matched.Take(6))}). Focus on interview practice now.";
        return $"You already show {FormatList(gap.Matched, "none of its listed skills yet")}. To close the gap for {job.Title}, " +
               $"learn {string.Join(", ", gap.Missing.Take(4))} — build a small project with them and add it to your resume. " +
               "The \"Check my fit\" page lists courses for each.";
    }

    private static string Overview(ChatJobContext? job, CoachContext context, SkillComparison? gap)
    {
        if (job is null)
            return "I can help you prepare for interviews, improve your resume, or plan which skills to learn next. What would you like to start with?";
        var fit = gap is null || context.ResumeText is null
            ? "Upload your resume so I can compare it with the role."
            : $"From your resume you match {gap.Matched.Count} of its {gap.Matched.Count + gap.Missing.Count} listed skills.";
        return $"{job.Title} at {job.CompanyName} looks for {FormatList(job.Skills.Take(5).ToList(), "a range of skills")}. {fit} " +
               "Ask me about the interview, your resume, or the skills to learn.";
    }

    private static string FormatList(IReadOnlyList<string> items, string empty) => items.Count == 0 ? empty : string.Join(", ", items);
}
