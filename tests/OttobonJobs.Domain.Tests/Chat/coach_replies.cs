using OttobonJobs.Domain.Chat;

namespace OttobonJobs.Domain.Tests.Chat;

public class coach_replies
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static readonly ChatJobContext Job = new(Guid.NewGuid(), "Java Backend Trainee", "Infosys",
        "Infosys builds banking software for clients worldwide. You will write Java services. Other details follow.",
        ["Java", "SQL", "Spring Boot"],
        ["Explain the difference between an interface and an abstract class.", "How does a HashMap work?", "Write a SQL query for the second highest salary.", "What is dependency injection?"],
        ["Put your Java project first.", "Quantify your internship results.", "Name the databases you used."]);

    private static readonly CoachFit Fit = new(62, "a partial match, with a gap to close", ["Java"], ["SQL", "Spring Boot"]);

    private static readonly IReadOnlyList<SkillToLearn> ToLearn =
    [
        new("SQL", 4, [new("SQLBolt interactive lessons", "https://sqlbolt.com/"), new("PostgreSQL Tutorial", "https://www.postgresql.org/docs/current/tutorial.html")]),
        new("Spring Boot", 4, [new("Spring Boot guides", "https://spring.io/guides")]),
    ];

    private static ChatMessagePosted User(string content) => new(Guid.NewGuid(), ChatRole.User, content, null, Guid.NewGuid(), Now);
    private static ChatMessagePosted Coach(string content) => new(Guid.NewGuid(), ChatRole.Assistant, content, null, null, Now);

    private static CoachContext Asking(IReadOnlyList<ChatMessagePosted> history, CoachFacts? facts = null, ChatJobContext? job = null, bool withResume = true) =>
        new(history, withResume ? "Asha Rao. B.Tech 2025. Java projects." : null, withResume ? ["Java"] : [], job ?? Job, "Asha Rao",
            facts ?? new CoachFacts(CoachIntents.Read(history.Last(m => m.Role == ChatRole.User).Content), new CoachSalary("₹4L–₹8L", Published: true), Fit, ToLearn));

    [Fact]
    public void the_fit_answer_gives_the_score_its_label_and_the_missing_skills_and_says_it_cannot_promise_selection()
    {
        var reply = CoachReplies.Compose(Asking([User("Am I a good fit?")]));

        reply.ShouldContain("62%");
        reply.ShouldContain("a partial match");
        reply.ShouldContain("SQL, Spring Boot");
        reply.ShouldContain("can't promise selection");
    }

    [Fact]
    public void the_skills_answer_lists_each_missing_skill_with_weeks_and_a_link_and_differs_from_the_fit_answer()
    {
        var fit = CoachReplies.Compose(Asking([User("Am I a good fit?")]));
        var skills = CoachReplies.Compose(Asking([User("Which skills first, and how long would it take?")]));

        skills.ShouldContain("SQL: about 4 weeks");
        skills.ShouldContain("https://sqlbolt.com/");
        skills.ShouldContain("Spring Boot: about 4 weeks");
        skills.ShouldContain("8 weeks in all");
        skills.ShouldNotBe(fit);
    }

    [Fact]
    public void a_question_naming_a_skill_gets_that_skills_weeks_and_link()
    {
        var facts = new CoachFacts(CoachIntent.SkillsToLearn, ToLearn: ToLearn, SkillsAskedAbout: ["SQL"]);

        var reply = CoachReplies.Compose(Asking([User("how many weeks to learn SQL")], facts));

        reply.ShouldStartWith("SQL: about 4 weeks");
        reply.ShouldContain("sqlbolt.com");
    }

    [Fact]
    public void the_salary_answer_quotes_the_jobs_own_range_and_says_whether_it_was_published()
    {
        var published = CoachReplies.Compose(Asking([User("What salary can I expect?")]));
        var estimated = CoachReplies.Compose(Asking([User("what's the CTC")], new CoachFacts(CoachIntent.Salary, new CoachSalary("₹3L–₹5L", Published: false))));

        published.ShouldContain("₹4L–₹8L");
        published.ShouldContain("employer published");
        published.ShouldNotContain("AmbitionBox");
        estimated.ShouldContain("₹3L–₹5L");
        estimated.ShouldContain("estimate");
    }

    [Fact]
    public void asked_again_the_interview_answer_moves_on_to_the_next_questions()
    {
        var first = CoachReplies.Compose(Asking([User("How should I prepare for the interview?")]));
        var second = CoachReplies.Compose(Asking([User("How should I prepare for the interview?"), Coach(first), User("How should I prepare for the interview?")]));

        first.ShouldContain("interface and an abstract class");
        second.ShouldContain("second highest salary");
        second.ShouldNotBe(first);
    }

    [Theory]
    [InlineData("Am I a good fit?")]
    [InlineData("Which skills first, and how long would it take?")]
    [InlineData("What salary can I expect?")]
    [InlineData("Help me with my resume")]
    [InlineData("tell me about Infosys")]
    [InlineData("which jobs suit me")]
    [InlineData("what's the weather")]
    [InlineData("hmm")]
    [InlineData("thanks")]
    [InlineData("hi")]
    public void the_same_question_three_times_never_gets_the_same_reply_twice_in_a_row(string question)
    {
        var history = new List<ChatMessagePosted>();
        string? last = null;
        for (var i = 0; i < 3; i++)
        {
            history.Add(User(question));
            var reply = CoachReplies.Compose(Asking(history));
            reply.ShouldNotBe(last);
            history.Add(Coach(reply));
            last = reply;
        }
    }

    [Fact]
    public void the_company_answer_names_the_company_quotes_the_posting_and_lists_its_other_roles()
    {
        var other = new SuggestedJob(Guid.NewGuid(), "Systems Engineer", "Infosys", "Mysuru", null, [], false);
        var facts = new CoachFacts(CoachIntent.Company, Company: new CoachCompany("Infosys", "Pune", "Entry level (0–2 years)", ["Pune", "Mysuru"], [other]));

        var reply = CoachReplies.Compose(Asking([User("tell me about Infosys")], facts));

        reply.ShouldContain("Infosys is hiring a Java Backend Trainee in Pune");
        reply.ShouldContain("builds banking software");
        reply.ShouldContain($"Systems Engineer (Mysuru) — /jobs/{other.JobId}");
    }

    [Fact]
    public void job_suggestions_give_titles_companies_and_links()
    {
        var job = new SuggestedJob(Guid.NewGuid(), "Graduate Java Developer", "TCS", "Chennai", "₹3.5L–₹6L", ["Java"], true);
        var facts = new CoachFacts(CoachIntent.JobSuggestions, Suggestions: [job], SkillsAskedAbout: ["Java"]);

        var reply = CoachReplies.Compose(Asking([User("Which jobs here suit a Java fresher?")], facts, withResume: false) with { Job = null });

        reply.ShouldContain("Graduate Java Developer at TCS (Chennai, ₹3.5L–₹6L, entry level)");
        reply.ShouldContain($"/jobs/{job.JobId}");
        reply.ShouldNotContain("I can help you prepare");
    }

    [Fact]
    public void an_off_topic_question_says_it_cannot_answer_that_instead_of_the_skills_blurb()
    {
        var reply = CoachReplies.Compose(Asking([User("what's the weather")]));

        reply.ShouldContain("outside what I can help with");
        reply.ShouldNotContain("SQL");
    }

    [Fact]
    public void an_unclear_message_asks_back_and_lists_what_the_coach_can_do()
    {
        var reply = CoachReplies.Compose(Asking([User("hmm")]));

        reply.ShouldContain("not sure what you're asking");
        reply.ShouldContain("which jobs here suit you");
    }

    [Fact]
    public void without_a_stored_fit_the_skills_answer_compares_the_jobs_skills_with_the_resumes_and_still_gives_weeks()
    {
        var reply = CoachReplies.Compose(Asking([User("What skills am I missing?")], new CoachFacts(CoachIntent.SkillsToLearn)));

        reply.ShouldContain("SQL: about 4 weeks");
        reply.ShouldContain("Spring Boot: about 4 weeks");
        reply.ShouldNotContain("Java:");
    }

    [Fact]
    public void without_a_resume_the_fit_answer_asks_for_one_and_lists_the_jobs_skills()
    {
        var reply = CoachReplies.Compose(Asking([User("Am I a good fit?")], withResume: false));

        reply.ShouldContain("Upload your resume");
        reply.ShouldContain("Java, SQL, Spring Boot");
    }
}
