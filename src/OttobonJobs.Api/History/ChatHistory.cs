using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Identity;
using Wolverine.Http;

namespace OttobonJobs.Api.History;

/// <summary>One event of a chat session's stream. <c>data</c> is null for an event type this API does not describe yet.</summary>
public record ChatHistoryEntry(long Version, long Sequence, string Type, DateTimeOffset Timestamp, ChatEventData? Data);

/// <summary>What a chat event says, keyed by the same stable <c>type</c> as its entry.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ChatSessionStartedData), "chat_session_started")]
[JsonDerivedType(typeof(ChatMessagePostedData), "chat_message_posted")]
[JsonDerivedType(typeof(ChatTakenOverData), "chat_taken_over")]
[JsonDerivedType(typeof(ChatHandedBackData), "chat_handed_back")]
[JsonDerivedType(typeof(ChatClosedData), "chat_closed")]
[JsonDerivedType(typeof(CoachReplyFailedData), "coach_reply_failed")]
public abstract record ChatEventData;

/// <summary>The job the session is about, without the hidden context (description, prep guide) the coach was given.</summary>
public record ChatJobData(Guid JobId, string Title, string CompanyName);

public record ChatSessionStartedData(Guid SessionId, Guid SeekerId, ChatJobData? Job, DateTimeOffset StartedAt) : ChatEventData;

/// <summary>Role is user, assistant or admin.</summary>
/// <summary><c>in_reply_to</c>: the seeker's message a coach answer answers (the earlier unanswered ones are answered with it).</summary>
/// <summary><c>author_name</c>: the human agent's name on an admin's message (null: shown as "Ottobon coach (human)").</summary>
public record ChatMessagePostedData(Guid MessageId, string Role, string Content, Guid? AuthorId, DateTimeOffset PostedAt, Guid? InReplyTo, string? AuthorName)
    : ChatEventData;

/// <summary><c>admin_name</c>: the agent's display name at the takeover (null if they had none).</summary>
public record ChatTakenOverData(Guid AdminId, string? AdminName, DateTimeOffset At) : ChatEventData;

public record ChatHandedBackData(Guid AdminId, DateTimeOffset At) : ChatEventData;

public record ChatClosedData(Guid ClosedBy, DateTimeOffset At) : ChatEventData;

public record CoachReplyFailedData(string Reason, DateTimeOffset At) : ChatEventData;

/// <summary>The chat stream's events → their history DTOs: the one place a chat event's public shape is decided.</summary>
public static class ChatHistory
{
    public static readonly HistoryMapping<ChatEventData> Mapping = new HistoryMapping<ChatEventData>(ChatEvents.Contract)
        .Map((ChatSessionStarted e) => new ChatSessionStartedData(
            e.SessionId, e.SeekerId, e.Job is { } job ? new ChatJobData(job.JobId, job.Title, job.CompanyName) : null, e.StartedAt))
        .Map((ChatMessagePosted e) => new ChatMessagePostedData(e.MessageId, e.Role, e.Content, e.AuthorId, e.PostedAt, e.InReplyTo, e.AuthorName))
        .Map((ChatTakenOver e) => new ChatTakenOverData(e.AdminId, e.AdminName, e.At))
        .Map((ChatHandedBack e) => new ChatHandedBackData(e.AdminId, e.At))
        .Map((ChatClosed e) => new ChatClosedData(e.ClosedBy, e.At))
        .Map((CoachReplyFailed e) => new CoachReplyFailedData(e.Reason, e.At));

    public static ChatHistoryEntry Entry(IEvent e) => new(e.Version, e.Sequence, Mapping.NameOf(e), e.Timestamp, Mapping.DataOf(e.Data));
}

public static class ChatHistoryEndpoint
{
    /// <summary>Every event of the session in order, for replay; 404 for any id that is not a chat session's stream.</summary>
    [WolverineGet("/api/admin/sessions/{id}/history", OperationId = "towerSessionHistory")]
    [RequireRole(Role.Admin)]
    [ProducesResponseType<IReadOnlyList<ChatHistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await ChatHistory.Mapping.LoadStreamAsync(session, id, cancellationToken) is { } events
            ? Results.Ok(events.Select(ChatHistory.Entry).ToList())
            : ApiProblems.Result(StatusCodes.Status404NotFound, "No such chat session.");
}
