using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Identity;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Chat;

public record TowerSession(
    Guid Id, Guid UserId, string SeekerName, string SeekerEmail, Guid? JobId, string? JobTitle, [property: AllowedValues(ChatStatus.ActiveAi, ChatStatus.ActiveHuman, ChatStatus.Closed)] string Status,
    ChatLine? LastMessage, int WaitingMessages, string? TakenOverByName, DateTimeOffset UpdatedAt);

public record TakeOver(Guid SessionId);
public record AdminReply([property: MaxUtf8Bytes(ChatRules.MaxMessageBytes)] string? Content);

/// <summary>The Control Tower: admins watch live sessions, take one over, reply as a human and hand it back.</summary>
public static class ControlTowerEndpoints
{
    public static async Task<IReadOnlyList<TowerSession>> ActiveSessions(IQuerySession session, CancellationToken cancellationToken)
    {
        var views = await session.Query<ChatSessionView>().Where(v => v.Status != ChatStatus.Closed)
            .OrderByDescending(v => v.UpdatedAt).Take(200).ToListAsync(cancellationToken);
        var seekers = (await session.LoadManyAsync<UserAccount>(cancellationToken, views.Select(v => v.UserId).Distinct().ToArray())).ToDictionary(a => a.Id);
        return views.Select(v => new TowerSession(v.Id, v.UserId,
                seekers.TryGetValue(v.UserId, out var a) ? a.FullName : "Unknown", a?.Email ?? "", v.JobId, v.JobTitle, v.Status,
                v.LastMessage, v.WaitingMessages, v.TakenOverByName, v.UpdatedAt))
            .ToList();
    }

    [WolverineGet("/api/admin/sessions", OperationId = "towerSessions")]
    [RequireRole(Role.Admin)]
    public static Task<IReadOnlyList<TowerSession>> Get(IQuerySession session, CancellationToken cancellationToken) =>
        ActiveSessions(session, cancellationToken);
}

public static class TowerSessionEndpoint
{
    [WolverineGet("/api/admin/sessions/{id}", OperationId = "towerSession")]
    [ProducesResponseType<ChatSessionDetails>(StatusCodes.Status200OK)]
    [RequireRole(Role.Admin)]
    public static async Task<IResult> Get(Guid id, long? before, int? limit, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<ChatSessionView>(id, cancellationToken) is { } view
            ? Results.Ok(ChatSessionDetails.From(view, await ChatPages.ReadAsync(session, id, before, limit, cancellationToken)))
            : ApiProblems.Result(StatusCodes.Status404NotFound, "No such chat session.");
}

/// <summary>What a Control Tower action did, for the admin who asked.</summary>
public record TowerActionResult(string Message, Guid SessionId);

public static class TakeOverEndpoint
{
    public static ProblemDetails Validate(TakeOver command) =>
        command.SessionId == Guid.Empty ? ApiProblems.Validation("session_id is required.") : WolverineContinue.NoProblems;

    /// <summary>Only one admin takes a session over: writers of one session take turns, so a second takeover is a 409.</summary>
    [WolverinePost("/api/admin/takeover", OperationId = "takeOver")]
    [RequireRole(Role.Admin)]
    [ProducesResponseType<TowerActionResult>(StatusCodes.Status200OK)]
    [Emits(typeof(ChatTakenOver))]
    public static (IResult, Events) Post(
        TakeOver command, [WriteAggregate(nameof(TakeOver.SessionId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] ChatSession? session,
        ClaimsPrincipal user, TimeProvider clock)
    {
        var decision = ChatDecisions.TakeOver(session, user.Actor(), clock.GetUtcNow());
        return (decision.Refusal?.ToResult() ?? Results.Ok(new TowerActionResult("Takeover successful", command.SessionId)), ChatWrites.EventsOf(decision));
    }
}

public static class HandBackEndpoint
{
    /// <summary>The AI coach is back in charge and answers, in order, what the seeker asked that nobody answered.</summary>
    [WolverinePost("/api/admin/sessions/{id}/handback", OperationId = "handBack")]
    [RequireRole(Role.Admin)]
    [ProducesResponseType<TowerActionResult>(StatusCodes.Status200OK)]
    [Emits(typeof(ChatHandedBack))]
    public static (IResult, Events, OutgoingMessages) Post(
        Guid id, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] ChatSession? session, ClaimsPrincipal user, TimeProvider clock)
    {
        var decision = ChatDecisions.HandBack(session, user.Actor(), clock.GetUtcNow());
        return (decision.Refusal?.ToResult() ?? Results.Ok(new TowerActionResult("Handed back to the AI coach", id)),
            ChatWrites.EventsOf(decision), ChatWrites.CoachFollowUp(session, decision));
    }
}

public static class AdminReplyEndpoint
{
    public static ProblemDetails Validate(AdminReply command) =>
        string.IsNullOrWhiteSpace(command.Content) ? ApiProblems.Validation("content is required.")
        : System.Text.Encoding.UTF8.GetByteCount(command.Content) > ChatRules.MaxMessageBytes ? ApiProblems.Validation("content may be at most 4 KB.")
        : WolverineContinue.NoProblems;

    /// <summary>A human coach's message: the same rules as one sent over the chat socket (a takeover first, never after close).</summary>
    [WolverinePost("/api/admin/sessions/{id}/messages", OperationId = "adminReply")]
    [RequireRole(Role.Admin)]
    [ProducesResponseType<TowerActionResult>(StatusCodes.Status200OK)]
    [Emits(typeof(ChatMessagePosted))]
    public static (IResult, Events, OutgoingMessages) Post(
        Guid id, AdminReply command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] ChatSession? session,
        ClaimsPrincipal user, TimeProvider clock)
    {
        var decision = ChatDecisions.PostFromAdmin(session, new PostChatMessage(Guid.CreateVersion7(), command.Content!, null), user.Actor(), clock.GetUtcNow());
        return (decision.Refusal?.ToResult() ?? Results.Ok(new TowerActionResult("Sent", id)), ChatWrites.EventsOf(decision),
            AwayChecks.For(session, decision));
    }
}
