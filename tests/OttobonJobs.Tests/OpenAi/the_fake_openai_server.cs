using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using OpenAI;
using OpenAI.Chat;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.OpenAi;

/// <summary>The fake works with the SDK beyond what the enricher uses: plain chat, streaming, and a missing reply.</summary>
public class the_fake_openai_server : IAsyncLifetime
{
    private FakeOpenAiServer _openAi = null!;

    public async Task InitializeAsync() => _openAi = await FakeOpenAiServer.StartAsync();
    public async Task DisposeAsync() => await _openAi.DisposeAsync();

    private ChatClient Chat() => new OpenAIClient(
        new ApiKeyCredential(OpenAiTestSettings.ApiKey),
        new OpenAIClientOptions { Endpoint = new Uri(_openAi.BaseUrl), RetryPolicy = new ClientRetryPolicy(0) })
        .GetChatClient("gpt-4o-mini");

    [Fact]
    public async Task answers_a_plain_chat_completion()
    {
        _openAi.ReplyToChat("Start with your articleship experience.");

        ChatCompletion completion = await Chat().CompleteChatAsync([new UserChatMessage("How do I prepare?")]);

        completion.Content.ShouldHaveSingleItem().Text.ShouldBe("Start with your articleship experience.");
        _openAi.Requests.Single().Json.TryGetProperty("response_format", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task streams_a_chat_completion_in_pieces()
    {
        _openAi.ReplyToChatStreaming("Start with ", "your articleship ", "experience.");

        var text = new StringBuilder();
        await foreach (var update in Chat().CompleteChatStreamingAsync([new UserChatMessage("How do I prepare?")]))
            foreach (var part in update.ContentUpdate) text.Append(part.Text);

        text.ToString().ShouldBe("Start with your articleship experience.");
        _openAi.Requests.Single().Json.GetProperty("stream").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task a_request_with_no_reply_queued_fails_loudly()
    {
        var failure = await Should.ThrowAsync<ClientResultException>(() => Chat().CompleteChatAsync([new UserChatMessage("Hello?")]));

        failure.Status.ShouldBe(500);
        failure.Message.ShouldContain("no reply queued for chat/completions");
    }
}
