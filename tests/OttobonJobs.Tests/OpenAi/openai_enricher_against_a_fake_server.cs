using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OttobonJobs.Api.Adapters.OpenAi;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.OpenAi;

public class openai_enricher_against_a_fake_server : IAsyncLifetime
{
    private FakeOpenAiServer _openAi = null!;

    public async Task InitializeAsync() => _openAi = await FakeOpenAiServer.StartAsync();
    public async Task DisposeAsync() => await _openAi.DisposeAsync();

    private static readonly JobToEnrich AuditJob = new(
        "Audit Associate – Fresher",
        "Deloitte",
        "Hyderabad",
        "We are hiring B.Com graduates and CA Inter candidates to join our audit team. You will test controls and vouch transactions.",
        ["Excel", "Accounting"]);

    private OpenAiJobEnricher Enricher(int maxRetries = 0, int timeoutSeconds = 10) =>
        new(OpenAiTestSettings.For(_openAi, maxRetries, timeoutSeconds), NullLogger<OpenAiJobEnricher>.Instance);

    [Fact]
    public async Task it_asks_the_chat_model_for_the_strict_job_enrichment_schema_about_this_job()
    {
        _openAi.ReplyToChat(FakeOpenAi.EnrichmentAnswer());

        await Enricher().EnrichAsync(AuditJob, CancellationToken.None);

        var request = _openAi.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/v1/chat/completions");
        request.Headers["Authorization"].ShouldBe($"Bearer {OpenAiTestSettings.ApiKey}");

        var body = request.Json;
        body.GetProperty("model").GetString().ShouldBe("gpt-4o-mini");
        var format = body.GetProperty("response_format");
        format.GetProperty("type").GetString().ShouldBe("json_schema");
        format.GetProperty("json_schema").GetProperty("name").GetString().ShouldBe("job_enrichment");
        format.GetProperty("json_schema").GetProperty("strict").GetBoolean().ShouldBeTrue();
        var questions = format.GetProperty("json_schema").GetProperty("schema").GetProperty("properties").GetProperty("prep_questions");
        questions.GetProperty("minItems").GetInt32().ShouldBe(5);
        questions.GetProperty("maxItems").GetInt32().ShouldBe(5);

        var messages = body.GetProperty("messages");
        messages.GetArrayLength().ShouldBe(2);
        messages[0].GetProperty("role").GetString().ShouldBe("system");
        messages[0].GetProperty("content").GetString()!.ShouldContain("India");
        messages[1].GetProperty("role").GetString().ShouldBe("user");
        var user = messages[1].GetProperty("content").GetString()!;
        user.ShouldContain("Audit Associate – Fresher");
        user.ShouldContain("Deloitte");
        user.ShouldContain("Hyderabad");
        user.ShouldContain("Excel, Accounting");
        user.ShouldContain("vouch transactions");
    }

    [Fact]
    public async Task a_very_long_description_is_cut_before_it_is_sent()
    {
        _openAi.ReplyToChat(FakeOpenAi.EnrichmentAnswer());
        var longJob = AuditJob with { Description = string.Concat(Enumerable.Repeat("Audit sampling and controls testing. ", 2_000)) };

        await Enricher().EnrichAsync(longJob, CancellationToken.None);

        var user = _openAi.Requests.Single().Json.GetProperty("messages")[1].GetProperty("content").GetString()!;
        user.Length.ShouldBeLessThan(JobEnrichmentPrompt.MaxDescriptionChars + 500);
        user.ShouldEndWith("[description truncated]");
    }

    [Fact]
    public async Task a_well_formed_answer_becomes_the_job_enrichment()
    {
        _openAi.ReplyToChat(FakeOpenAi.EnrichmentAnswer());

        var enrichment = await Enricher().EnrichAsync(AuditJob, CancellationToken.None);

        enrichment.PrepQuestions.Count.ShouldBe(5);
        enrichment.PrepQuestions[0].ShouldBe(new PrepQuestion("Question 1?", "Strategy 1."));
        enrichment.ResumeTips.ShouldBe(["Tip 1", "Tip 2", "Tip 3", "Tip 4", "Tip 5"]);
        enrichment.Skills.ShouldBe(["Excel", "Auditing", "Accounting"]);
        enrichment.Salary.ShouldBe(new SalaryRange("INR", 450_000m, 700_000m, "year", "₹4.5L – ₹7L per year"));
        enrichment.ExperienceLevel.ShouldBe("Entry level (0–2 years)");
        enrichment.Qualification.ShouldBe("B.Com, CA Inter or CA");
        Enricher().ModelName.ShouldBe("gpt-4o-mini");
    }

    [Fact]
    public async Task with_sdk_retries_off_a_rate_limit_is_unavailable_and_the_next_call_succeeds()
    {
        _openAi.Fail(FakeOpenAiServer.ChatCompletions, 429, retryAfter: TimeSpan.FromSeconds(20));
        _openAi.ReplyToChat(FakeOpenAi.EnrichmentAnswer());
        var enricher = Enricher(maxRetries: 0);

        var failure = await Should.ThrowAsync<EnrichmentUnavailableException>(() => enricher.EnrichAsync(AuditJob, CancellationToken.None));
        failure.Message.ShouldContain("HTTP 429");
        failure.Message.ShouldContain("retry after 20 s");
        _openAi.Requests.Count.ShouldBe(1); // the SDK did not retry: our handler's backoff decides when

        var enrichment = await enricher.EnrichAsync(AuditJob, CancellationToken.None);
        enrichment.PrepQuestions.Count.ShouldBe(5);
        _openAi.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task with_one_sdk_retry_the_sdk_itself_retries_a_rate_limit()
    {
        _openAi.Fail(FakeOpenAiServer.ChatCompletions, 429, retryAfter: TimeSpan.Zero);
        _openAi.ReplyToChat(FakeOpenAi.EnrichmentAnswer());

        var enrichment = await Enricher(maxRetries: 1).EnrichAsync(AuditJob, CancellationToken.None);

        enrichment.PrepQuestions.Count.ShouldBe(5);
        _openAi.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task server_errors_on_every_attempt_end_as_unavailable()
    {
        _openAi.Fail(FakeOpenAiServer.ChatCompletions, 500);
        _openAi.Fail(FakeOpenAiServer.ChatCompletions, 503);

        var failure = await Should.ThrowAsync<EnrichmentUnavailableException>(
            () => Enricher(maxRetries: 1).EnrichAsync(AuditJob, CancellationToken.None));

        failure.Message.ShouldContain("HTTP 503");
        _openAi.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_server_slower_than_the_timeout_is_unavailable()
    {
        _openAi.Stall(FakeOpenAiServer.ChatCompletions, TimeSpan.FromSeconds(5));

        var failure = await Should.ThrowAsync<EnrichmentUnavailableException>(
            () => Enricher(timeoutSeconds: 1).EnrichAsync(AuditJob, CancellationToken.None));

        failure.Message.ShouldContain("timed out");
    }

    [Fact]
    public async Task a_server_that_is_not_there_is_unavailable()
    {
        var settings = OpenAiTestSettings.For(_openAi);
        settings.Value.BaseUrl = "http://127.0.0.1:1/v1"; // nothing listens on port 1
        var enricher = new OpenAiJobEnricher(settings, NullLogger<OpenAiJobEnricher>.Instance);

        var failure = await Should.ThrowAsync<EnrichmentUnavailableException>(() => enricher.EnrichAsync(AuditJob, CancellationToken.None));

        failure.Message.ShouldContain("could not reach the server");
    }

    [Fact]
    public async Task our_own_cancellation_is_not_mistaken_for_an_outage()
    {
        _openAi.Stall(FakeOpenAiServer.ChatCompletions, TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => Enricher().EnrichAsync(AuditJob, cancel.Token));
    }

    [Fact]
    public async Task content_that_is_not_json_is_rejected()
    {
        _openAi.ReplyToChat("""{"prep_questions": [{"question": "Why audit?", """);

        var failure = await Should.ThrowAsync<EnrichmentRejectedException>(() => Enricher().EnrichAsync(AuditJob, CancellationToken.None));

        failure.Message.ShouldContain("not the expected JSON");
    }

    [Fact]
    public async Task json_with_a_missing_field_is_rejected()
    {
        var answer = JsonNode.Parse(FakeOpenAi.EnrichmentAnswer())!.AsObject();
        answer.Remove("qualification");
        _openAi.ReplyToChat(answer.ToJsonString());

        await Should.ThrowAsync<EnrichmentRejectedException>(() => Enricher().EnrichAsync(AuditJob, CancellationToken.None));
    }

    [Fact]
    public async Task four_prep_questions_are_rejected()
    {
        _openAi.ReplyToChat(FakeOpenAi.EnrichmentAnswer(questions: 4));

        var failure = await Should.ThrowAsync<EnrichmentRejectedException>(() => Enricher().EnrichAsync(AuditJob, CancellationToken.None));

        failure.Message.ShouldContain("expected 5 prep questions, got 4");
    }

    [Fact]
    public async Task an_answer_cut_off_at_the_token_limit_is_rejected()
    {
        _openAi.ReplyToChat(FakeOpenAi.EnrichmentAnswer(), finishReason: "length");

        var failure = await Should.ThrowAsync<EnrichmentRejectedException>(() => Enricher().EnrichAsync(AuditJob, CancellationToken.None));

        failure.Message.ShouldContain("stopped early");
    }

    [Fact]
    public async Task a_wrong_api_key_is_rejected_with_a_message_that_says_what_to_fix()
    {
        _openAi.Fail(FakeOpenAiServer.ChatCompletions, 401);

        var failure = await Should.ThrowAsync<EnrichmentRejectedException>(() => Enricher().EnrichAsync(AuditJob, CancellationToken.None));

        failure.Message.ShouldContain("HTTP 401");
        failure.Message.ShouldContain("Ottobon:OpenAi:ApiKey");
        _openAi.Requests.Count.ShouldBe(1);
    }
}
