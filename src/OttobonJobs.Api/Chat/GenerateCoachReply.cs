using Marten;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Projections.Resumes;

namespace OttobonJobs.Api.Chat;

/// <summary>Answer the seeker's latest message with the AI coach (a durable message: a restart still answers).</summary>
public record GenerateCoachReply(Guid SessionId);

public static class GenerateCoachReplyHandler
{
    public const string FallbackReply =
        "Sorry, I couldn't put an answer together just now. Please try again in a moment — or ask for a human coach, who can join this chat.";

    public static async Task Handle(
        GenerateCoachReply command, IQuerySession query, IChatCoach coach, ChatConversations conversations, TimeProvider clock,
        ILogger<GenerateCoachReply> logger, CancellationToken cancellationToken)
    {
        var view = await query.LoadAsync<ChatSessionView>(command.SessionId, cancellationToken);
        // A human took over (or the seeker's message was already answered): the AI stays quiet.
        if (view is null || view.Status != ChatStatus.ActiveAi || view.LastMessage?.Role != ChatRole.User) return;

        var events = await query.Events.FetchStreamAsync(command.SessionId, token: cancellationToken);
        var started = events.Select(e => e.Data).OfType<ChatSessionStarted>().Single();
        var history = events.Select(e => e.Data).OfType<ChatMessagePosted>().ToList();
        var resume = await query.LoadAsync<SeekerResume>(view.UserId, cancellationToken);
        var seeker = await query.LoadAsync<UserAccount>(view.UserId, cancellationToken);
        var context = new CoachContext(history, resume?.Text, resume?.Skills ?? [], started.Job, seeker?.FullName ?? "there");

        var posted = new List<object>();
        string reply;
        try
        {
            reply = await coach.ReplyAsync(context, cancellationToken);
        }
        catch (CoachUnavailableException e)
        {
            logger.LogWarning("The coach could not answer in session {SessionId}: {Reason}", command.SessionId, e.Message);
            posted.Add(new CoachReplyFailed(e.Message, clock.GetUtcNow()));
            reply = FallbackReply;
        }

        posted.Add(new ChatMessagePosted(Guid.CreateVersion7(), ChatRole.Assistant, reply, null, null, clock.GetUtcNow()));
        await conversations.AppendAsync(command.SessionId, posted, cancellationToken);
    }
}
