using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Api.Adapters.OpenAi;
using OttobonJobs.Domain.Tailoring;
using OttobonJobs.Tests.OpenAi;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Tailoring;

/// <summary>The API with the tailoring port on OpenAI (the fake server); embeddings and enrichment stay local.</summary>
public class TailoringWithOpenAiFixture : ApiFixture
{
    public FakeOpenAiServer OpenAi { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        OpenAi = await FakeOpenAiServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IResumeTailor>(new OpenAiResumeTailor(OpenAiTestSettings.For(OpenAi)));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await OpenAi.DisposeAsync();
    }
}

public class when_openai_tailors_a_resume(TailoringWithOpenAiFixture api) : IClassFixture<TailoringWithOpenAiFixture>
{
    private static string Answer(string resume, string letter, params string[] changes) =>
        JsonSerializer.Serialize(new { resume_markdown = resume, cover_letter_markdown = letter, changes });

    [Fact]
    public async Task the_draft_comes_from_openai_grounded_in_the_resume_with_what_changed()
    {
        var provider = await api.Host.SignedUpProvider();
        var jobId = await api.Host.NodeJob(provider);
        var seeker = await api.Host.SeekerWithResume();
        api.OpenAi.ReplyToChat(Answer("# Priya Sharma\n\n## Experience\n\n- Built REST APIs in **Node.js**\n", "Dear Razorpay team,", "Moved Experience up."));

        var draft = await api.Host.WrittenDraft(seeker, jobId);

        (draft.GetProperty("author").GetString(), draft.GetProperty("local_draft").GetBoolean()).ShouldBe((DraftAuthor.OpenAi, false));
        draft.GetProperty("model").GetString().ShouldBe("gpt-4o-mini");
        draft.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["Moved Experience up."]);
        var request = api.OpenAi.RequestsTo(FakeOpenAiServer.ChatCompletions).Last().Json;
        var messages = request.GetProperty("messages").EnumerateArray().ToList();
        messages[0].GetProperty("content").GetString()!.ShouldContain("never invent experience");
        messages[1].GetProperty("content").GetString()!.ShouldContain("Campus events API");
        messages[1].GetProperty("content").GetString()!.ShouldContain("Backend Developer (Node.js) at Razorpay");
        request.GetProperty("response_format").GetProperty("type").GetString().ShouldBe("json_schema");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(401)]
    public async Task when_openai_fails_the_local_tailor_writes_the_draft_and_says_why(int status)
    {
        var provider = await api.Host.SignedUpProvider();
        var jobId = await api.Host.NodeJob(provider);
        var seeker = await api.Host.SeekerWithResume();
        api.OpenAi.Fail(FakeOpenAiServer.ChatCompletions, status);

        var draft = await api.Host.WrittenDraft(seeker, jobId);

        draft.GetProperty("author").GetString().ShouldBe(DraftAuthor.Local);
        draft.GetProperty("local_draft").GetBoolean().ShouldBeTrue();
        draft.GetProperty("changes")[0].GetString()!.ShouldContain($"HTTP {status}");
        draft.GetProperty("resume_markdown").GetString()!.ShouldStartWith("# Priya Sharma");
    }

    [Fact]
    public async Task an_answer_that_is_not_the_expected_json_is_a_tailoring_failure()
    {
        var tailor = new OpenAiResumeTailor(OpenAiTestSettings.For(api.OpenAi));
        api.OpenAi.ReplyToChat("Here is your resume!");
        var job = new TailoringJob(Guid.NewGuid(), "Backend Developer", "Razorpay", "Node.js APIs", ["Node.js"]);

        var failure = await Should.ThrowAsync<TailoringUnavailableException>(() =>
            tailor.TailorAsync(job, new TailoringResume(ResumeScenarios.NodeDeveloperResume, ["Node.js"], "sha"), CancellationToken.None));
        failure.Message.ShouldContain("not the expected JSON");

        api.OpenAi.ReplyToChat(Answer("", "letter"));
        await Should.ThrowAsync<TailoringUnavailableException>(() =>
            tailor.TailorAsync(job, new TailoringResume(ResumeScenarios.NodeDeveloperResume, ["Node.js"], "sha"), CancellationToken.None));
    }
}
