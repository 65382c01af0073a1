using OttobonJobs.Domain.Chat;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// The offline coach: reads what the seeker asked and answers it from the job, the resume and the facts read for
/// the question (<see cref="CoachReplies"/>). No canned small talk, and never the same reply twice in a row.
/// </summary>
public sealed class LocalChatCoach : IChatCoach
{
    public string ModelName => "ottobon-local-coach/2";

    public bool AnswersInProcess => true;

    public Task<string> ReplyAsync(CoachContext context, CancellationToken cancellationToken) => Task.FromResult(CoachReplies.Compose(context));
}
