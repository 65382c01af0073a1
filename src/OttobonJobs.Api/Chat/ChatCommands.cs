using Marten;
using Npgsql;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Identity;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Resumes;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;
using Wolverine.Runtime.Handlers;

namespace OttobonJobs.Api.Chat;

public enum ChatOutcomeKind { Stored, Duplicate, Queued, Refused }

/// <summary>
/// What a chat command sent through the bus came to: stored, a resent duplicate (nothing stored), stored and waiting
/// for a human, or refused with the reason. The socket turns it into a frame; the start endpoint into a response.
/// </summary>
public sealed record ChatOutcome(ChatOutcomeKind Kind, Refusal? Refusal = null)
{
    public static ChatOutcome Of(Decision decision, ChatSession? after) =>
        decision.Refusal is { } refusal ? new(ChatOutcomeKind.Refused, refusal)
        : decision.Events.Count == 0 ? new(ChatOutcomeKind.Duplicate)
        : after?.Status == ChatStatus.ActiveHuman && decision.Events.Any(e => e is ChatMessagePosted { Role: ChatRole.User }) ? new(ChatOutcomeKind.Queued)
        : new(ChatOutcomeKind.Stored);
}

/// <summary>What every chat write does after its decision: append the events and, if they leave a seeker's message for the AI, ask the coach.</summary>
public static class ChatWrites
{
    public static Events EventsOf(Decision decision) => new(decision.Events);

    /// <summary>
    /// The coach is asked only when the decision appended something and the session it leads to waits for the AI
    /// (a seeker's message in AI mode, a hand-back with messages waiting, an answer with more waiting behind it).
    /// </summary>
    public static OutgoingMessages CoachFollowUp(ChatSession? before, Decision decision) =>
        decision.Events.Count > 0 && ChatSession.Fold(before, decision.Events) is { AwaitsCoach: true } after
            ? [new GenerateCoachReply(after.Id)]
            : [];
}

/// <summary>A seeker asks for their session about a job (its context read from the job's details first) or in general.</summary>
public record StartChatSession(Guid ChatSessionId, Actor Actor, Guid? JobId, ChatJobContext? Job);

public static class StartChatSessionHandler
{
    /// <summary>Asked twice at once, one request starts the stream and the other collides: it retries, finds the session and changes nothing.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException(WriteConflicts.IsConflict, "the session was started meanwhile").RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100));

    [Emits(typeof(ChatSessionStarted))]
    public static (ChatOutcome, IMartenOp) Handle(StartChatSession command, [ReadAggregate(Required = false)] ChatSession? session, TimeProvider clock)
    {
        var decision = ChatDecisions.Start(session, new StartChatAbout(command.JobId, command.Job), command.Actor, clock.GetUtcNow());
        IMartenOp start = decision.Events.Count == 0 ? MartenOps.Nothing() : MartenOps.StartStream<ChatSession>(command.ChatSessionId, [.. decision.Events]);
        return (ChatOutcome.Of(decision, session), start);
    }
}

/// <summary>A message typed into the chat socket, by the seeker or by an admin watching the session.</summary>
public record SendChatMessage(Guid ChatSessionId, Actor Actor, string Content, string? ClientMessageId);

/// <summary>
/// What the in-process coach needs to answer a seeker's message, read before the session is locked: the seeker's
/// resume and the conversation so far (one batched read), then the facts the question needs (<see cref="CoachFactsReader"/>).
/// </summary>
public sealed record CoachInputs(SeekerResume? Resume, IReadOnlyList<ChatTranscriptLine> Lines, CoachFacts Facts);

public static class SendChatMessageHandler
{
    /// <summary>Only for a seeker's message with a coach that answers in-process; otherwise the reply (if any) goes through <see cref="GenerateCoachReply"/>.</summary>
    public static async Task<CoachInputs?> LoadAsync(
        SendChatMessage command, IQuerySession query, NpgsqlDataSource dataSource, IChatCoach coach, CancellationToken cancellationToken)
    {
        if (command.Actor.IsAdmin || !coach.AnswersInProcess) return null;
        var batch = query.CreateBatchQuery();
        var resume = batch.Load<SeekerResume>(command.Actor.Id);
        var session = batch.Load<ChatSession>(command.ChatSessionId);
        var lines = batch.Query<ChatTranscriptLine>().Where(l => l.SessionId == command.ChatSessionId).OrderBy(l => l.Version).ToList();
        await batch.Execute(cancellationToken);
        var facts = await CoachFactsReader.ReadAsync(query, dataSource, (await session)?.Job, await resume, command.Content, everything: false, cancellationToken);
        return new CoachInputs(await resume, await lines, facts);
    }

    /// <summary>
    /// The same decisions as the REST endpoints: an admin's message needs a takeover, a closed session takes nothing.
    /// A seeker's message the in-process coach can answer at once (the AI is in charge, nothing older waits, and the
    /// conversation read beforehand is the one the locked session has) is answered in the same transaction: one
    /// write, one notification. Anything else is answered in order by <see cref="GenerateCoachReply"/>.
    /// </summary>
    [Emits(typeof(ChatMessagePosted), typeof(CoachReplyFailed))]
    public static async Task<(ChatOutcome, Events, OutgoingMessages)> Handle(
        SendChatMessage command, CoachInputs? inputs, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] ChatSession? session,
        IChatCoach coach, TimeProvider clock, ILogger<SendChatMessage> logger, CancellationToken cancellationToken)
    {
        var message = new PostChatMessage(Guid.CreateVersion7(), command.Content, command.ClientMessageId);
        var now = clock.GetUtcNow();
        var decision = command.Actor.IsAdmin
            ? ChatDecisions.PostFromAdmin(session, message, command.Actor, now)
            : ChatDecisions.PostFromSeeker(session, message, command.Actor, now);
        var after = ChatSession.Fold(session, decision.Events);
        var outcome = ChatOutcome.Of(decision, after);

        if (inputs is null || session is null || after is not { AwaitsCoach: true, Unanswered: [var question] } || question != message.MessageId
            || inputs.Lines.Count != session.MessageCount)
            return (outcome, ChatWrites.EventsOf(decision), [.. ChatWrites.CoachFollowUp(session, decision), .. AwayChecks.For(session, decision)]);

        var posted = decision.Events.OfType<ChatMessagePosted>().Single();
        var context = new CoachContext([.. inputs.Lines.Select(l => l.ToPosted()), posted], inputs.Resume?.Text, inputs.Resume?.Skills ?? [],
            session.Job, command.Actor.Name, inputs.Facts);
        var answer = ChatDecisions.RecordCoachAnswer(after, await CoachReply.AskAsync(coach, context, question, logger, cancellationToken), now);
        return (outcome, new Events([.. decision.Events, .. answer.Events]), ChatWrites.CoachFollowUp(after, answer));
    }
}

/// <summary>The seeker opened the chat: the coach says hello, once per session however many tabs connect.</summary>
public record GreetOnConnect(Guid ChatSessionId, Actor Actor);

public static class GreetOnConnectHandler
{
    [Emits(typeof(ChatMessagePosted))]
    public static (ChatOutcome, Events) Handle(
        GreetOnConnect command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] ChatSession? session, TimeProvider clock)
    {
        var decision = ChatDecisions.Greet(session, new GreetSeeker(Guid.CreateVersion7(), command.Actor.Name), command.Actor, clock.GetUtcNow());
        return (ChatOutcome.Of(decision, session), ChatWrites.EventsOf(decision));
    }
}

/// <summary>The seeker's account was erased: their session closes (see <c>EraseAccountDataHandler</c>).</summary>
public record CloseErasedChat(Guid ChatSessionId, Guid SeekerId);

public static class CloseErasedChatHandler
{
    /// <summary>
    /// Closed by the same decision as the seeker's own close, on their behalf (an already closed session stays as it
    /// is); then its messages are masked, after the close, so no coach answer can slip in behind the masking.
    /// </summary>
    [Emits(typeof(ChatClosed))]
    public static (Events, OutgoingMessages) Handle(
        CloseErasedChat command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] ChatSession? session, TimeProvider clock)
    {
        var decision = ChatDecisions.Close(session, new Actor(command.SeekerId, Role.Seeker, ErasedUser.Name), clock.GetUtcNow());
        // Sent as an outgoing message, not returned bare: beside [WriteAggregate] a bare value would read as an event.
        return (ChatWrites.EventsOf(decision), [new MaskErasedChat(command.ChatSessionId)]);
    }
}
