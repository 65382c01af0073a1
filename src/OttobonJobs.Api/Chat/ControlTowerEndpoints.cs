using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Identity;
using Wolverine.Http;

namespace OttobonJobs.Api.Chat;

public record TowerSession(
    Guid Id, Guid UserId, string SeekerName, string SeekerEmail, Guid? JobId, string? JobTitle, string Status,
    ChatLine? LastMessage, int WaitingMessages, string? TakenOverByName, DateTimeOffset UpdatedAt);

public record TakeOver(Guid? SessionId);
public record AdminReply(string? Content);

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
    [RequireRole(Role.Admin)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<ChatSessionView>(id, cancellationToken) is { } view
            ? Results.Ok(ChatSessionDetails.From(view))
            : ApiProblems.Result(StatusCodes.Status404NotFound, "No such chat session.");
}

public static class TakeOverEndpoint
{
    public static ProblemDetails Validate(TakeOver command) =>
        command.SessionId is null ? ApiProblems.Validation("session_id is required.") : WolverineContinue.NoProblems;

    [WolverinePost("/api/admin/takeover", OperationId = "takeOver")]
    [RequireRole(Role.Admin)]
    public static async Task<IResult> Post(
        TakeOver command, ClaimsPrincipal user, IQuerySession session, ChatConversations conversations, TimeProvider clock, CancellationToken cancellationToken)
    {
        var id = command.SessionId!.Value;
        var view = await session.LoadAsync<ChatSessionView>(id, cancellationToken);
        if (view is null) return ApiProblems.Result(StatusCodes.Status404NotFound, "No such chat session.");
        if (view.Status == ChatStatus.Closed) return ApiProblems.Result(StatusCodes.Status409Conflict, "This chat is closed.");
        if (view.Status == ChatStatus.ActiveAi)
            await conversations.AppendAsync(id, new ChatTakenOver(user.UserId(), user.FindFirstValue(CurrentUser.NameClaim) ?? "Coach", clock.GetUtcNow()), cancellationToken);
        return Results.Ok(new { message = "Takeover successful", session_id = id });
    }
}

public static class HandBackEndpoint
{
    [WolverinePost("/api/admin/sessions/{id}/handback", OperationId = "handBack")]
    [RequireRole(Role.Admin)]
    public static async Task<IResult> Post(Guid id, ClaimsPrincipal user, IQuerySession session, ChatConversations conversations, TimeProvider clock, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<ChatSessionView>(id, cancellationToken);
        if (view is null) return ApiProblems.Result(StatusCodes.Status404NotFound, "No such chat session.");
        if (view.Status != ChatStatus.ActiveHuman) return ApiProblems.Result(StatusCodes.Status409Conflict, "Only a session a human has taken over can be handed back.");
        await conversations.AppendAsync(id, new ChatHandedBack(user.UserId(), clock.GetUtcNow()), cancellationToken);
        return Results.Ok(new { message = "Handed back to the AI coach", session_id = id });
    }
}

public static class AdminReplyEndpoint
{
    public static ProblemDetails Validate(AdminReply command) =>
        string.IsNullOrWhiteSpace(command.Content) ? ApiProblems.Validation("content is required.")
        : System.Text.Encoding.UTF8.GetByteCount(command.Content) > ChatRules.MaxMessageBytes ? ApiProblems.Validation("content may be at most 4 KB.")
        : WolverineContinue.NoProblems;

    [WolverinePost("/api/admin/sessions/{id}/messages", OperationId = "adminReply")]
    [RequireRole(Role.Admin)]
    public static async Task<IResult> Post(
        Guid id, AdminReply command, ClaimsPrincipal user, IQuerySession session, ChatConversations conversations, TimeProvider clock, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<ChatSessionView>(id, cancellationToken);
        if (view is null) return ApiProblems.Result(StatusCodes.Status404NotFound, "No such chat session.");
        if (view.Status != ChatStatus.ActiveHuman) return ApiProblems.Result(StatusCodes.Status409Conflict, "Take the session over before replying as a human.");
        await conversations.AppendAsync(id,
            new ChatMessagePosted(Guid.CreateVersion7(), ChatRole.Admin, command.Content!.Trim(), null, user.UserId(), clock.GetUtcNow()), cancellationToken);
        return Results.Ok(new { message = "Sent", session_id = id });
    }
}
