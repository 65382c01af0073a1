using OttobonJobs.Api.Adapters.OpenAi;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.OpenAi;

public class openai_coach_against_a_fake_server : IAsyncLifetime
{
    private FakeOpenAiServer _openAi = null!;

    public async Task InitializeAsync() => _openAi = await FakeOpenAiServer.StartAsync();
    public async Task DisposeAsync() => await _openAi.DisposeAsync();

    private OpenAiChatCoach Coach() => new(OpenAiTestSettings.For(_openAi));

    private static ChatMessagePosted Line(string role, string content) =>
        new(Guid.NewGuid(), role, content, null, null, DateTimeOffset.UtcNow);

    private static readonly CoachContext Context = new(
        [
            Line(ChatRole.Assistant, "Hi Asha! I'm your Ottobon career coach."),
            Line(ChatRole.User, "How do I prepare for the audit interview?"),
        ],
        "Asha Rao. B.Com 2025. Internship at a CA firm: vouching, bank reconciliations, Excel pivot tables.",
        ["Excel", "Accounting"],
        new ChatJobContext(Guid.NewGuid(), "Audit Associate", "Deloitte", "Test controls and vouch transactions for audit clients.",
            ["Excel", "Auditing", "IFRS"], ["Walk me through how you would vouch a sales invoice."], ["Quantify your internship work."]),
        "Asha Rao");

    [Fact]
    public async Task it_sends_the_resume_the_job_and_the_history_and_returns_the_models_answer()
    {
        _openAi.ReplyToChat("  Start with the vouching question: practise it aloud with your internship examples.  ");

        var reply = await Coach().ReplyAsync(Context, CancellationToken.None);

        reply.ShouldBe("Start with the vouching question: practise it aloud with your internship examples.");
        var body = _openAi.RequestsTo(FakeOpenAiServer.ChatCompletions).ShouldHaveSingleItem().Json;
        body.GetProperty("model").GetString().ShouldBe("gpt-4o-mini");
        var messages = body.GetProperty("messages").EnumerateArray().ToList();
        messages.Select(m => m.GetProperty("role").GetString()).ShouldBe(["system", "assistant", "user"]);
        var system = messages[0].GetProperty("content").GetString()!;
        system.ShouldContain("bank reconciliations");        // the resume
        system.ShouldContain("Excel, Accounting");           // the resume's skills
        system.ShouldContain("Audit Associate at Deloitte"); // the job
        system.ShouldContain("vouch a sales invoice");       // its prep questions
        system.ShouldContain("Quantify your internship work.");
        messages[2].GetProperty("content").GetString().ShouldBe("How do I prepare for the audit interview?");
    }

    [Fact]
    public async Task it_is_given_the_same_facts_as_the_local_coach_in_its_system_message()
    {
        _openAi.ReplyToChat("About 8 weeks for IFRS.");
        var other = new SuggestedJob(Guid.NewGuid(), "Tax Analyst", "Deloitte", "Hyderabad", "₹5L–₹7L", ["Excel"], EntryLevel: true);
        var facts = new CoachFacts(CoachIntent.SkillsToLearn,
            new CoachSalary("₹4L–₹8L", Published: true),
            new CoachFit(64, "a partial match, with a gap to close", ["Excel"], ["Auditing", "IFRS"]),
            [new SkillToLearn("IFRS", 8, [new CoachLink("IFRS Standards", "https://www.ifrs.org/issued-standards/list-of-standards/")])],
            new CoachCompany("Deloitte", "Mumbai", "Entry level (0–2 years)", ["Mumbai", "Hyderabad"], [other]),
            [other]);

        await Coach().ReplyAsync(Context with { Facts = facts }, CancellationToken.None);

        var system = _openAi.RequestsTo(FakeOpenAiServer.ChatCompletions).ShouldHaveSingleItem().Json
            .GetProperty("messages")[0].GetProperty("content").GetString()!;
        system.ShouldContain("intent: skills_to_learn");
        system.ShouldContain("₹4L–₹8L (published by the employer)");
        system.ShouldContain("Fit: 64%, a partial match");
        system.ShouldContain("Missing skills: Auditing, IFRS");
        system.ShouldContain("IFRS, about 8 weeks");
        system.ShouldContain("https://www.ifrs.org/issued-standards/list-of-standards/");
        system.ShouldContain($"Tax Analyst (Hyderabad) /jobs/{other.JobId}");
        system.ShouldContain($"Tax Analyst at Deloitte (Hyderabad; ₹5L–₹7L; entry level) needing Excel: /jobs/{other.JobId}");
        system.ShouldContain(CoachFacts.CannotDo);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(401)]
    [InlineData(429)]
    public async Task an_http_failure_becomes_coach_unavailable_naming_the_status(int status)
    {
        _openAi.Fail(FakeOpenAiServer.ChatCompletions, status);

        var failure = await Should.ThrowAsync<CoachUnavailableException>(() => Coach().ReplyAsync(Context, CancellationToken.None));

        failure.Message.ShouldContain(status.ToString());
    }

    [Fact]
    public async Task an_empty_answer_is_a_failure_too()
    {
        _openAi.ReplyToChat("   ");

        await Should.ThrowAsync<CoachUnavailableException>(() => Coach().ReplyAsync(Context, CancellationToken.None));
    }
}
