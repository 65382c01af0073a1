using Marten;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Projections.Resumes;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Chat;

/// <summary>Answer the seeker's oldest unanswered message with the AI coach (a durable message: a restart still answers).</summary>
public record GenerateCoachReply(Guid SessionId);

/// <summary>The coach's answer to one seeker message, to be decided against the session as it is now.</summary>
public record RecordCoachReply(Guid ChatSessionId, Guid InReplyTo, string? Content, string? FailureReason);

public static class GenerateCoachReplyHandler
{
    /// <summary>
    /// Reads the session without holding it and asks the coach (which may take seconds) outside any lock; the answer
    /// is then decided by <see cref="RecordCoachReplyHandler"/>, which drops it if a human took over meanwhile.
    /// </summary>
    public static async Task<RecordCoachReply?> Handle(
        GenerateCoachReply command, IQuerySession query, IChatCoach coach, ILogger<GenerateCoachReply> logger, CancellationToken cancellationToken)
    {
        var session = await query.Events.AggregateStreamAsync<ChatSession>(command.SessionId, token: cancellationToken);
        if (session is not { AwaitsCoach: true }) return null;

        // The coach sees the conversation up to the message it answers, so each waiting message gets its own answer.
        var question = session.Unanswered[0];
        var events = await query.Events.FetchStreamAsync(command.SessionId, token: cancellationToken);
        var messages = events.Select(e => e.Data).OfType<ChatMessagePosted>().ToList();
        var history = messages.Take(messages.FindIndex(m => m.MessageId == question) + 1).ToList();
        var resume = await query.LoadAsync<SeekerResume>(session.SeekerId, cancellationToken);
        var seeker = await query.LoadAsync<UserAccount>(session.SeekerId, cancellationToken);
        var context = new CoachContext(history, resume?.Text, resume?.Skills ?? [], session.Job, seeker?.FullName ?? "there");

        try
        {
            return new RecordCoachReply(command.SessionId, question, await coach.ReplyAsync(context, cancellationToken), null);
        }
        catch (CoachUnavailableException e)
        {
            logger.LogWarning("The coach could not answer in session {SessionId}: {Reason}", command.SessionId, e.Message);
            return new RecordCoachReply(command.SessionId, question, null, e.Message);
        }
    }
}

public static class RecordCoachReplyHandler
{
    /// <summary>Stores the answer if it is still wanted, and asks for the next one while messages wait.</summary>
    [Emits(typeof(ChatMessagePosted), typeof(CoachReplyFailed))]
    public static (Events, OutgoingMessages) Handle(
        RecordCoachReply command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] ChatSession? session, TimeProvider clock)
    {
        var decision = ChatDecisions.RecordCoachAnswer(session,
            new CoachAnswer(Guid.CreateVersion7(), command.InReplyTo, command.Content, command.FailureReason), clock.GetUtcNow());
        return (ChatWrites.EventsOf(decision), ChatWrites.CoachFollowUp(session, decision));
    }
}
