using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Domain.Identity;
using Wolverine.Http;

namespace OttobonJobs.Api.History;

/// <summary>One event of a seeker's application stream. <c>data</c> is null for an event type this API does not describe yet.</summary>
public record ApplicationHistoryEntry(long Version, long Sequence, string Type, DateTimeOffset Timestamp, ApplicationEventData? Data);

/// <summary>What an application event says, keyed by the same stable <c>type</c> as its entry.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(JobSavedData), "job_saved")]
[JsonDerivedType(typeof(JobUnsavedData), "job_unsaved")]
[JsonDerivedType(typeof(ApplicationRecordedData), "application_recorded")]
[JsonDerivedType(typeof(InterviewRoundRecordedData), "interview_round_recorded")]
[JsonDerivedType(typeof(OfferReceivedData), "offer_received")]
[JsonDerivedType(typeof(ApplicationRejectedData), "application_rejected")]
[JsonDerivedType(typeof(ApplicationWithdrawnData), "application_withdrawn")]
[JsonDerivedType(typeof(NoteAddedData), "note_added")]
[JsonDerivedType(typeof(ReminderScheduledData), "reminder_scheduled")]
[JsonDerivedType(typeof(ReminderDeliveredData), "reminder_delivered")]
[JsonDerivedType(typeof(ReminderCancelledData), "reminder_cancelled")]
[JsonDerivedType(typeof(ProviderMovedApplicationData), "provider_moved_application")]
[JsonDerivedType(typeof(ApplicationErasedData), "application_erased")]
public abstract record ApplicationEventData;

public record JobSavedData(Guid ApplicationId, Guid SeekerId, Guid JobId, DateTimeOffset SavedAt) : ApplicationEventData;

public record JobUnsavedData(DateTimeOffset UnsavedAt) : ApplicationEventData;

public record ApplicationRecordedData(Guid ApplicationId, Guid SeekerId, Guid JobId, string Channel, DateOnly AppliedOn, string? Note, DateTimeOffset RecordedAt)
    : ApplicationEventData;

public record InterviewRoundRecordedData(DateTimeOffset? RoundAt, string? Note, DateTimeOffset RecordedAt) : ApplicationEventData;

public record OfferReceivedData(string? Note, DateTimeOffset RecordedAt) : ApplicationEventData;

public record ApplicationRejectedData(string? Note, DateTimeOffset RecordedAt) : ApplicationEventData;

public record ApplicationWithdrawnData(string? Note, DateTimeOffset WithdrawnAt) : ApplicationEventData;

public record NoteAddedData(string Note, DateTimeOffset AddedAt) : ApplicationEventData;

public record ReminderScheduledData(Guid ReminderId, DateTimeOffset DueAt, string Text, DateTimeOffset ScheduledAt) : ApplicationEventData;

public record ReminderDeliveredData(Guid ReminderId, DateTimeOffset DeliveredAt) : ApplicationEventData;

public record ReminderCancelledData(Guid ReminderId, DateTimeOffset CancelledAt) : ApplicationEventData;

public record ProviderMovedApplicationData(string ProviderStage, string Stage, DateTimeOffset MovedAt) : ApplicationEventData;

public record ApplicationErasedData(DateTimeOffset ErasedAt) : ApplicationEventData;

/// <summary>The application stream's events → their history DTOs: the one place an application event's public shape is decided.</summary>
public static class ApplicationHistory
{
    public static readonly HistoryMapping<ApplicationEventData> Mapping = new HistoryMapping<ApplicationEventData>(ApplicationEvents.Contract)
        .Map((JobSaved e) => new JobSavedData(e.ApplicationId, e.SeekerId, e.JobId, e.SavedAt))
        .Map((JobUnsaved e) => new JobUnsavedData(e.UnsavedAt))
        .Map((ApplicationRecorded e) => new ApplicationRecordedData(e.ApplicationId, e.SeekerId, e.JobId, e.Channel, e.AppliedOn, e.Note, e.RecordedAt))
        .Map((InterviewRoundRecorded e) => new InterviewRoundRecordedData(e.RoundAt, e.Note, e.RecordedAt))
        .Map((OfferReceived e) => new OfferReceivedData(e.Note, e.RecordedAt))
        .Map((ApplicationRejected e) => new ApplicationRejectedData(e.Note, e.RecordedAt))
        .Map((ApplicationWithdrawn e) => new ApplicationWithdrawnData(e.Note, e.WithdrawnAt))
        .Map((NoteAdded e) => new NoteAddedData(e.Note, e.AddedAt))
        .Map((ReminderScheduled e) => new ReminderScheduledData(e.ReminderId, e.DueAt, e.Text, e.ScheduledAt))
        .Map((ReminderDelivered e) => new ReminderDeliveredData(e.ReminderId, e.DeliveredAt))
        .Map((ReminderCancelled e) => new ReminderCancelledData(e.ReminderId, e.CancelledAt))
        .Map((ProviderMovedApplication e) => new ProviderMovedApplicationData(e.ProviderStage, e.Stage, e.MovedAt))
        .Map((ApplicationErased e) => new ApplicationErasedData(e.ErasedAt));

    public static ApplicationHistoryEntry Entry(IEvent e) => new(e.Version, e.Sequence, Mapping.NameOf(e), e.Timestamp, Mapping.DataOf(e.Data));
}

public static class ApplicationHistoryEndpoint
{
    /// <summary>Every event of a seeker's application in order, for replay; 404 for any id that is not an application's stream.</summary>
    [WolverineGet("/api/admin/applications/{id}/history", OperationId = "applicationHistory")]
    [RequireRole(Role.Admin)]
    [ProducesResponseType<IReadOnlyList<ApplicationHistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await ApplicationHistory.Mapping.LoadStreamAsync(session, id, cancellationToken) is { } events
            ? Results.Ok(events.Select(ApplicationHistory.Entry).ToList())
            : ApiProblems.Result(StatusCodes.Status404NotFound, "No such application.");
}
