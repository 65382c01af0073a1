using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Chat;
using Wolverine.Http;

namespace OttobonJobs.Api.Chat;

public record StartChat(Guid? JobId);

public record ChatSessionSummary(Guid Id, Guid UserId, [property: AllowedValues(ChatStatus.ActiveAi, ChatStatus.ActiveHuman, ChatStatus.Closed)] string Status, Guid? JobId, string? JobTitle, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, ChatLine? LastMessage)
{
    public static ChatSessionSummary From(ChatSessionView view) =>
        new(view.Id, view.UserId, view.Status, view.JobId, view.JobTitle, view.CreatedAt, view.UpdatedAt, view.LastMessage);
}

/// <summary>A takeover or hand-back in the conversation: shown between the messages around its <see cref="Version"/>.</summary>
public record ChatNoticeLine(
    Guid Id, [property: AllowedValues(ChatEventNames.TakenOver, ChatEventNames.HandedBack)] string Event, string Note, string? AgentName,
    DateTimeOffset Timestamp, long Version)
{
    public static ChatNoticeLine From(ChatTimelineNotice notice) =>
        new(notice.Id, notice.Event, notice.Note, notice.AgentName, notice.Timestamp, notice.Version);
}

/// <summary>
/// A session's header and one page of its messages, oldest first: the last ones, or those before <c>before</c>.
/// <see cref="HasEarlier"/> says whether older messages exist: ask again with <c>before</c> = the first message's version.
/// <see cref="Notices"/>: the takeovers and hand-backs within the page (after its first message, or from the start
/// on the first page), to be placed by version among the messages.
/// </summary>
public record ChatSessionDetails(
    Guid Id, Guid UserId, [property: AllowedValues(ChatStatus.ActiveAi, ChatStatus.ActiveHuman, ChatStatus.Closed)] string Status,
    Guid? JobId, string? JobTitle, DateTimeOffset CreatedAt, IReadOnlyList<ChatLine> Messages, bool HasEarlier, IReadOnlyList<ChatNoticeLine> Notices)
{
    public static ChatSessionDetails From(ChatSessionView view, ChatPage page) =>
        new(view.Id, view.UserId, view.Status, view.JobId, view.JobTitle, view.CreatedAt, page.Lines.Select(l => l.ToLine()).ToList(), page.HasEarlier,
            page.Notices.Select(ChatNoticeLine.From).ToList());
}

/// <summary>One page of a conversation, oldest first, whether there are older messages before it, and the notices among them.</summary>
public sealed record ChatPage(IReadOnlyList<ChatTranscriptLine> Lines, bool HasEarlier, IReadOnlyList<ChatTimelineNotice> Notices);

/// <summary>Which page of a conversation to read: up to <c>limit</c> messages (default and most 200) before the message version <c>before</c>.</summary>
public static class ChatPages
{
    public const int MaxLimit = 200;

    public static async Task<ChatPage> ReadAsync(IQuerySession query, Guid sessionId, long? before, int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? MaxLimit, 1, MaxLimit);
        // One line more than the page says whether older messages exist.
        var lines = await ChatTranscript.PageAsync(query, sessionId, before, take + 1, cancellationToken);
        var page = lines.Count > take ? lines.Skip(1).ToList() : lines;
        var hasEarlier = lines.Count > take;
        // A notice before the page's first message belongs to the page before it.
        var after = hasEarlier ? page[0].Version : 0;
        var notices = await ChatTranscript.NoticesAsync(query, sessionId, after, before ?? long.MaxValue, cancellationToken);
        return new ChatPage(page, hasEarlier, notices);
    }
}

public static class StartChatEndpoint
{
    /// <summary>
    /// One seeker and one job give one session: asking again (even twice at once) returns the same one. The job's
    /// details are read first as the context the coach will use; the session's own stream decides the rest.
    /// </summary>
    [WolverinePost("/api/chat/sessions", OperationId = "startChat")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<ChatSessionSummary>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(StartChat command, ClaimsPrincipal user, IQuerySession query, IMessageBus bus, CancellationToken cancellationToken)
    {
        var sessionId = ChatRules.SessionIdFor(user.UserId(), command.JobId);
        var job = command.JobId is { } jobId ? await query.LoadAsync<JobDetails>(jobId, cancellationToken) : null;
        var context = job is { Status: JobStatus.Active }
            ? new ChatJobContext(job.Id, job.Title, job.CompanyName, DescriptionHtml.ToPlainText(job.DescriptionRaw, JobDetailsProjection.FormatOf(job)),
                job.SkillsRequired, job.PrepQuestions.Select(q => q.Question).ToList(), job.ResumeTips)
            : null;

        // Through the bus, not an HTTP aggregate endpoint: a message handler can retry the collision of two starts.
        var outcome = await bus.InvokeAsync<ChatOutcome>(new StartChatSession(sessionId, user.Actor(), command.JobId, context), cancellationToken);
        if (outcome.Refusal is { } refusal) return refusal.ToResult();
        var view = await query.LoadAsync<ChatSessionView>(sessionId, cancellationToken);
        return Results.Ok(ChatSessionSummary.From(view!));
    }
}

public static class MyChatsEndpoint
{
    [WolverineGet("/api/chat/my-sessions", OperationId = "myChats")]
    [RequireRole(Role.Seeker)]
    public static async Task<IReadOnlyList<ChatSessionSummary>> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var views = await session.Query<ChatSessionView>().Where(v => v.UserId == userId).OrderByDescending(v => v.UpdatedAt).ToListAsync(cancellationToken);
        return views.Select(ChatSessionSummary.From).ToList();
    }
}

public static class ChatSessionEndpoint
{
    /// <summary>Its seeker or an admin; anyone else gets the same 404 as for a session that does not exist.</summary>
    [WolverineGet("/api/chat/sessions/{id}", OperationId = "chatSession")]
    [ProducesResponseType<ChatSessionDetails>(StatusCodes.Status200OK)]
    [RequireRole(Role.Seeker, Role.Admin)]
    public static async Task<IResult> Get(Guid id, long? before, int? limit, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<ChatSessionView>(id, cancellationToken);
        return view is not null && user.CanManage(view.UserId)
            ? Results.Ok(ChatSessionDetails.From(view, await ChatPages.ReadAsync(session, id, before, limit, cancellationToken)))
            : ApiProblems.Result(StatusCodes.Status404NotFound, "No such chat session.");
    }
}

public record ChatClosedResponse(Guid Id, string Status);

public static class CloseChatEndpoint
{
    /// <summary>Its seeker or an admin closes it (anyone else gets a 404); closing it again changes nothing.</summary>
    [WolverinePost("/api/chat/sessions/{id}/close", OperationId = "closeChat")]
    [RequireRole(Role.Seeker, Role.Admin)]
    [ProducesResponseType<ChatClosedResponse>(StatusCodes.Status200OK)]
    [Emits(typeof(ChatClosed))]
    public static (IResult, Events) Post(
        Guid id, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] ChatSession? session, ClaimsPrincipal user, TimeProvider clock)
    {
        var decision = ChatDecisions.Close(session, user.Actor(), clock.GetUtcNow());
        return (decision.Refusal?.ToResult() ?? Results.Ok(new ChatClosedResponse(id, ChatStatus.Closed)), ChatWrites.EventsOf(decision));
    }
}
