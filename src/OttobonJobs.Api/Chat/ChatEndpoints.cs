using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Chat;
using Wolverine.Http;

namespace OttobonJobs.Api.Chat;

public record StartChat(Guid? JobId);

public record ChatSessionSummary(Guid Id, Guid UserId, string Status, Guid? JobId, string? JobTitle, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, ChatLine? LastMessage)
{
    public static ChatSessionSummary From(ChatSessionView view) =>
        new(view.Id, view.UserId, view.Status, view.JobId, view.JobTitle, view.CreatedAt, view.UpdatedAt, view.LastMessage);
}

public record ChatSessionDetails(Guid Id, Guid UserId, string Status, Guid? JobId, string? JobTitle, DateTimeOffset CreatedAt, IReadOnlyList<ChatLine> Messages)
{
    public static ChatSessionDetails From(ChatSessionView view) =>
        new(view.Id, view.UserId, view.Status, view.JobId, view.JobTitle, view.CreatedAt, view.Messages);
}

public static class StartChatEndpoint
{
    /// <summary>One seeker and one job give one session: asking again returns the same one.</summary>
    [WolverinePost("/api/chat/sessions", OperationId = "startChat")]
    [RequireRole(Role.Seeker)]
    public static async Task<IResult> Post(StartChat command, ClaimsPrincipal user, ChatConversations conversations, CancellationToken cancellationToken)
    {
        var view = await conversations.StartAsync(user.UserId(), command.JobId, cancellationToken);
        return view is null
            ? ApiProblems.Result(StatusCodes.Status404NotFound, "No such active job to talk about.")
            : Results.Ok(ChatSessionSummary.From(view));
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
    [RequireRole(Role.Seeker, Role.Admin)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<ChatSessionView>(id, cancellationToken);
        return view is not null && user.CanManage(view.UserId)
            ? Results.Ok(ChatSessionDetails.From(view))
            : ApiProblems.Result(StatusCodes.Status404NotFound, "No such chat session.");
    }
}

public static class CloseChatEndpoint
{
    [WolverinePost("/api/chat/sessions/{id}/close", OperationId = "closeChat")]
    [RequireRole(Role.Seeker, Role.Admin)]
    public static async Task<IResult> Post(Guid id, ClaimsPrincipal user, IQuerySession session, ChatConversations conversations, TimeProvider clock, CancellationToken cancellationToken)
    {
        var view = await session.LoadAsync<ChatSessionView>(id, cancellationToken);
        if (view is null || !user.CanManage(view.UserId)) return ApiProblems.Result(StatusCodes.Status404NotFound, "No such chat session.");
        if (view.Status != ChatStatus.Closed) await conversations.AppendAsync(id, new ChatClosed(user.UserId(), clock.GetUtcNow()), cancellationToken);
        return Results.Ok(new { id, status = ChatStatus.Closed });
    }
}
