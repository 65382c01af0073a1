using JasperFx;
using Marten;
using Marten.Exceptions;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Marten.Publishing;

namespace OttobonJobs.Api.Chat;

public enum PostOutcome { Stored, Duplicate, Closed, NotFound }

/// <summary>A resent message is stored once: its (session, client id) pair is a document id, inserted with the message.</summary>
public record ChatClientMessage(string Id);

/// <summary>
/// Every change to a conversation goes through here: it appends the event (without an expected version, so a
/// seeker's and an admin's messages sent at the same moment are both kept) and notifies every node in the
/// same transaction.
/// </summary>
public class ChatConversations(IDocumentStore store, OutboxedSessionFactory sessions, IWolverineRuntime runtime, TimeProvider clock)
{
    public async Task<ChatSessionView?> StartAsync(Guid seekerId, Guid? jobId, CancellationToken cancellationToken)
    {
        var sessionId = ChatRules.SessionIdFor(seekerId, jobId);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ChatSessionView>(sessionId, cancellationToken) is { } existing) return existing;

        ChatJobContext? context = null;
        if (jobId is { } id)
        {
            var job = await session.LoadAsync<JobDetails>(id, cancellationToken);
            if (job is null || job.Status != JobStatus.Active) return null;
            context = new ChatJobContext(job.Id, job.Title, job.CompanyName, DescriptionHtml.ToPlainText(job.DescriptionRaw),
                job.SkillsRequired, job.PrepQuestions.Select(q => q.Question).ToList(), job.ResumeTips);
        }

        session.Events.StartStream<ChatSession>(sessionId, new ChatSessionStarted(sessionId, seekerId, context, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is ExistingStreamIdCollisionException || e.InnerException is ExistingStreamIdCollisionException)
        {
            // Asked twice at once: the other request started it.
        }
        await using var query = store.QuerySession();
        return await query.LoadAsync<ChatSessionView>(sessionId, cancellationToken);
    }

    public async Task<PostOutcome> PostFromSeekerAsync(Guid sessionId, string content, string? clientMessageId, Guid seekerId, CancellationToken cancellationToken)
    {
        // A fresh message context per message: a socket lives long, and an outbox context belongs to one transaction.
        var bus = new MessageContext(runtime);
        await using var session = sessions.OpenSession(bus);
        if (await session.Events.FetchStreamStateAsync(sessionId, cancellationToken) is null) return PostOutcome.NotFound;
        await LockAsync(session, sessionId, cancellationToken);
        var view = await session.LoadAsync<ChatSessionView>(sessionId, cancellationToken);
        if (view is null) return PostOutcome.NotFound;
        if (view.Status == ChatStatus.Closed) return PostOutcome.Closed;

        if (clientMessageId is not null) session.Insert(new ChatClientMessage($"{sessionId:N}:{clientMessageId}"));
        session.Events.Append(sessionId, new ChatMessagePosted(Guid.CreateVersion7(), ChatRole.User, content, clientMessageId, seekerId, clock.GetUtcNow()));
        Notify(session, sessionId);
        if (view.Status == ChatStatus.ActiveAi) await bus.PublishAsync(new GenerateCoachReply(sessionId));

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            return PostOutcome.Duplicate;
        }
        return PostOutcome.Stored;
    }

    public Task AppendAsync(Guid sessionId, object @event, CancellationToken cancellationToken) => AppendAsync(sessionId, [@event], cancellationToken);

    public async Task AppendAsync(Guid sessionId, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await LockAsync(session, sessionId, cancellationToken);
        session.Events.Append(sessionId, events.ToArray());
        Notify(session, sessionId);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Writers of one session take turns (a row lock on its stream until commit), so the conversation view, built
    /// inline from the events, never loses a message to a concurrent write; other sessions are not held up.
    /// </summary>
    private static Task LockAsync(IDocumentSession session, Guid sessionId, CancellationToken cancellationToken) =>
        session.Events.FetchForExclusiveWriting<ChatSession>(sessionId, cancellationToken);

    /// <summary>The coach's opening line for a brand-new session, written once however many tabs connect.</summary>
    public async Task GreetAsync(ChatSessionView view, string seekerName, CancellationToken cancellationToken)
    {
        if (view.Messages.Count > 0) return;
        await using var session = store.LightweightSession();
        await LockAsync(session, view.Id, cancellationToken);
        session.Insert(new ChatClientMessage($"{view.Id:N}:greeting"));
        var about = view.JobTitle is null ? "your job search" : $"the {view.JobTitle} role";
        session.Events.Append(view.Id, new ChatMessagePosted(Guid.CreateVersion7(), ChatRole.Assistant,
            $"Hi {FirstName(seekerName)}! I'm your Ottobon career coach. Ask me anything about {about}: interview preparation, " +
            "your resume, or the skills to work on. A human coach can join us at any time.", "greeting", null, clock.GetUtcNow()));
        Notify(session, view.Id);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another connection greeted first.
        }
    }

    /// <summary>Queued into the same transaction: PostgreSQL delivers the notification only if the events commit.</summary>
    // pg_notify returns void, which Marten's batch cannot read back; counting its single row gives it a bigint.
    public static void Notify(IDocumentSession session, Guid sessionId) =>
        session.QueueSqlCommand("select count(*) from pg_notify(?, ?)", ChatFanout.Channel, sessionId.ToString());

    private static string FirstName(string fullName) => fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "there";
}
