using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters.OpenAi;

/// <summary>Job enrichment by an OpenAI chat model, answering in JSON that a strict schema shapes.</summary>
public sealed class OpenAiJobEnricher : IJobEnricher
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A missing or null field is a malformed answer, not a default.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private readonly ChatClient _chat;
    private readonly ILogger<OpenAiJobEnricher> _logger;

    public OpenAiJobEnricher(IOptions<OpenAiSettings> options, ILogger<OpenAiJobEnricher> logger)
    {
        ModelName = options.Value.ChatModel;
        _chat = OpenAiClients.Create(options.Value).GetChatClient(ModelName);
        _logger = logger;
    }

    public string ModelName { get; }

    public async Task<JobEnrichment> EnrichAsync(JobToEnrich job, CancellationToken cancellationToken)
    {
        ChatMessage[] messages =
        [
            new SystemChatMessage(JobEnrichmentPrompt.System),
            new UserChatMessage(JobEnrichmentPrompt.UserMessage(job)),
        ];
        var request = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                JobEnrichmentPrompt.SchemaName, JobEnrichmentPrompt.Schema, jsonSchemaIsStrict: true),
        };

        var result = await OpenAiFailures.Call(
            "job enrichment", () => _chat.CompleteChatAsync(messages, request, cancellationToken), cancellationToken);
        ChatCompletion completion = result.Value;
        _logger.LogDebug("OpenAI enriched {Title} with {Model}: {InputTokens} tokens in, {OutputTokens} out",
            job.Title, completion.Model, completion.Usage?.InputTokenCount, completion.Usage?.OutputTokenCount);

        return Read(completion);
    }

    private static JobEnrichment Read(ChatCompletion completion)
    {
        if (!string.IsNullOrEmpty(completion.Refusal))
            throw new EnrichmentRejectedException($"The model refused to enrich the job: {completion.Refusal}");
        if (completion.FinishReason is not ChatFinishReason.Stop)
            throw new EnrichmentRejectedException($"The model stopped early ({completion.FinishReason}); the answer is incomplete.");

        var content = string.Concat(completion.Content.Select(part => part.Text));
        Answer answer;
        try
        {
            answer = JsonSerializer.Deserialize<Answer>(content, Json)
                ?? throw new EnrichmentRejectedException("The model answered with JSON null.");
        }
        catch (JsonException e)
        {
            throw new EnrichmentRejectedException($"The model's answer is not the expected JSON: {e.Message}", e);
        }

        var enrichment = answer.ToEnrichment();
        // The schema's enum says this too; checked here because the domain rules leave the period free.
        if (enrichment.Salary.Period is not ("year" or "month"))
            throw new EnrichmentRejectedException($"The salary period must be year or month, got \"{enrichment.Salary.Period}\".");
        if (JobEnrichmentRules.Problem(enrichment) is { } problem)
            throw new EnrichmentRejectedException($"The model's answer breaks the enrichment rules: {problem}.");
        return enrichment;
    }

    // The wire shape of the schema in JobEnrichmentPrompt; kept apart from the domain records so renaming those
    // cannot silently change what is parsed.
    private sealed record Answer(
        IReadOnlyList<AnswerQuestion> PrepQuestions,
        IReadOnlyList<string> ResumeTips,
        IReadOnlyList<string> Skills,
        AnswerSalary Salary,
        string ExperienceLevel,
        string Qualification)
    {
        public JobEnrichment ToEnrichment() => new(
            PrepQuestions.Select(q => new PrepQuestion(q.Question, q.AnswerStrategy)).ToList(),
            ResumeTips,
            Skills,
            new SalaryRange(Salary.Currency, Salary.Min, Salary.Max, Salary.Period, Salary.Display),
            ExperienceLevel,
            Qualification);
    }

    private sealed record AnswerQuestion(string Question, string AnswerStrategy);

    private sealed record AnswerSalary(string Currency, decimal Min, decimal Max, string Period, string Display);
}
