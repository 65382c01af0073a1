using Marten;
using Npgsql;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Projections.Chat;
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
    /// The session comes from its snapshot and the conversation from its lines: no read of the stream.
    /// </summary>
    public static async Task<RecordCoachReply?> Handle(
        GenerateCoachReply command, IQuerySession query, NpgsqlDataSource dataSource, IChatCoach coach, ILogger<GenerateCoachReply> logger,
        CancellationToken cancellationToken)
    {
        var batch = query.CreateBatchQuery();
        var loadedSession = batch.Load<ChatSession>(command.SessionId);
        var loadedLines = batch.Query<ChatTranscriptLine>().Where(l => l.SessionId == command.SessionId).OrderBy(l => l.Version).ToList();
        await batch.Execute(cancellationToken);
        if (await loadedSession is not { AwaitsCoach: true } session) return null;
        var resume = await query.LoadAsync<SeekerResume>(session.SeekerId, cancellationToken);
        var seeker = await query.LoadAsync<UserAccount>(session.SeekerId, cancellationToken);

        // The coach sees the conversation up to the message it answers, so each waiting message gets its own answer.
        var question = session.Unanswered[0];
        var messages = (await loadedLines).Select(l => l.ToPosted()).ToList();
        var history = messages.Take(messages.FindIndex(m => m.MessageId == question) + 1).ToList();
        var facts = await CoachFactsReader.ReadAsync(query, dataSource, session.Job, resume, history[^1].Content, everything: !coach.AnswersInProcess, cancellationToken);
        var context = new CoachContext(history, resume?.Text, resume?.Skills ?? [], session.Job, seeker?.FullName ?? "there", facts);
        var answer = await CoachReply.AskAsync(coach, context, question, logger, cancellationToken);
        return new RecordCoachReply(command.SessionId, question, answer.Content, answer.FailureReason);
    }
}

/// <summary>Asks the coach for the answer to one seeker message: its text, or the reason it could not answer.</summary>
public static class CoachReply
{
    public static async Task<CoachAnswer> AskAsync(IChatCoach coach, CoachContext context, Guid question, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return new CoachAnswer(Guid.CreateVersion7(), question, await coach.ReplyAsync(context, cancellationToken), null);
        }
        catch (CoachUnavailableException e)
        {
            logger.LogWarning("The coach could not answer {Question}: {Reason}", question, e.Message);
            return new CoachAnswer(Guid.CreateVersion7(), question, null, e.Message);
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
