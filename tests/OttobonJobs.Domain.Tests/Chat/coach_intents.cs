using OttobonJobs.Domain.Chat;

namespace OttobonJobs.Domain.Tests.Chat;

public class coach_intents
{
    [Theory]
    [InlineData("Am I a good fit?")]
    [InlineData("will I get selected")]
    [InlineData("Do I have a chance for this role?")]
    [InlineData("Am I eligible for this job?")]
    [InlineData("Is my profile suitable?")]
    [InlineData("can I crack this one")]
    public void fit_questions_read_as_fit(string question) => CoachIntents.Read(question).ShouldBe(CoachIntent.Fit);

    [Theory]
    [InlineData("Which skills first, and how long would it take?")]
    [InlineData("how many weeks to learn SQL")]
    [InlineData("What skills am I missing?")]
    [InlineData("What should I learn to get this?")]
    [InlineData("Thanks! What skills should I learn?")]
    [InlineData("any course for AWS?")]
    public void questions_about_learning_read_as_skills_to_learn(string question) => CoachIntents.Read(question).ShouldBe(CoachIntent.SkillsToLearn);

    [Theory]
    [InlineData("What salary can I expect?")]
    [InlineData("what's the CTC")]
    [InlineData("What’s the CTC?")]
    [InlineData("stipend?")]
    [InlineData("How much will they pay a fresher?")]
    [InlineData("what is the package in LPA")]
    [InlineData("What about the salary?")]
    public void pay_questions_read_as_salary(string question) => CoachIntents.Read(question).ShouldBe(CoachIntent.Salary);

    [Theory]
    [InlineData("How should I prepare for the interview?")]
    [InlineData("what questions will they ask in the HR round")]
    [InlineData("give me a mock interview")]
    public void interview_questions_read_as_interview(string question) => CoachIntents.Read(question).ShouldBe(CoachIntent.Interview);

    [Theory]
    [InlineData("Help me with my resume")]
    [InlineData("What should my resume lead with?")]
    [InlineData("how do I improve my CV")]
    [InlineData("should I attach a cover letter")]
    public void resume_questions_read_as_resume(string question) => CoachIntents.Read(question).ShouldBe(CoachIntent.Resume);

    [Theory]
    [InlineData("tell me about Deloitte")]
    [InlineData("What does the company do?")]
    [InlineData("what is the work culture like")]
    [InlineData("where is their office")]
    public void company_questions_read_as_company(string question) => CoachIntents.Read(question).ShouldBe(CoachIntent.Company);

    [Theory]
    [InlineData("which jobs suit me")]
    [InlineData("Which jobs here suit a Java fresher?")]
    [InlineData("jobs for a java fresher")]
    [InlineData("suggest some roles for me")]
    [InlineData("any other openings in Bengaluru?")]
    public void asking_for_jobs_reads_as_job_suggestions(string question) => CoachIntents.Read(question).ShouldBe(CoachIntent.JobSuggestions);

    [Theory]
    [InlineData("what's the weather")]
    [InlineData("who won the cricket match yesterday")]
    [InlineData("tell me a joke")]
    public void questions_outside_the_job_search_read_as_off_topic(string question) => CoachIntents.Read(question).ShouldBe(CoachIntent.OffTopic);

    [Theory]
    [InlineData("Hi", CoachIntent.Greeting)]
    [InlineData("hello?", CoachIntent.Greeting)]
    [InlineData("Namaste", CoachIntent.Greeting)]
    [InlineData("thank you so much", CoachIntent.Thanks)]
    [InlineData("ok thanks", CoachIntent.Thanks)]
    [InlineData("question number 3", CoachIntent.Unknown)]
    [InlineData("", CoachIntent.Unknown)]
    public void small_talk_and_the_unclear_have_their_own_intents(string question, CoachIntent intent) => CoachIntents.Read(question).ShouldBe(intent);

    [Fact]
    public void a_question_names_the_skills_it_asks_about()
    {
        CoachIntents.SkillsNamed("jobs for a java fresher").ShouldContain("Java");
        CoachIntents.SkillsNamed("how many weeks to learn SQL").ShouldContain("SQL");
        CoachIntents.SkillsNamed("what's the weather").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("jobs for a java fresher", true)]
    [InlineData("anything entry-level in Pune?", true)]
    [InlineData("internships for B.Com students", true)]
    [InlineData("senior roles in Java", false)]
    public void a_question_may_ask_for_entry_level_work(string question, bool entryLevel) => CoachIntents.AsksForEntryLevel(question).ShouldBe(entryLevel);

    [Fact]
    public void intents_have_snake_case_names() => CoachIntent.SkillsToLearn.Name().ShouldBe("skills_to_learn");
}
