using System.Globalization;
using Marten;
using OttobonJobs.Api.Notifications;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Domain.Notifications;
using OttobonJobs.Projections.Jobs;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Applications;

/// <summary>The seeker's application through Ottobon, for their tracker's stream to record.</summary>
public record RecordOttobonApplication(Guid ApplicationId, Guid SeekerId, Guid JobId, string? Note, DateTimeOffset AppliedAt);

/// <summary>The provider's move, for the seeker's tracker stream to follow.</summary>
public record FollowProviderMove(Guid ApplicationId, Guid SeekerId, Guid JobId, string ProviderStage, DateTimeOffset MovedAt);

public static class ApplicationSubmittedThroughOttobonHandler
{
    public static RecordOttobonApplication Handle(ApplicationSubmittedThroughOttobon message) =>
        new(ApplicationIds.For(message.SeekerId, message.JobId), message.SeekerId, message.JobId, message.Note, message.AppliedAt);
}

public static class RecordOttobonApplicationHandler
{
    /// <summary>Idempotent: a redelivered message finds the application recorded and changes nothing.</summary>
    [Emits(typeof(ApplicationRecorded))]
    public static Events Handle(
        RecordOttobonApplication command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application) =>
        new(ApplicationDecisions.RecordOttobonApplication(
            application, command.ApplicationId, command.SeekerId, command.JobId, command.Note, command.AppliedAt).Events);
}

public static class ApplicantStageMovedByProviderHandler
{
    public static FollowProviderMove Handle(ApplicantStageMovedByProvider message) =>
        new(ApplicationIds.For(message.SeekerId, message.JobId), message.SeekerId, message.JobId, message.Stage, message.MovedAt);
}

public static class FollowProviderMoveHandler
{
    /// <summary>
    /// Records the provider's move and tells the seeker. The notification's dedup key is the application and the
    /// version the move reached, so a retried handler lands one notification; a redelivered move changes nothing.
    /// </summary>
    [Emits(typeof(ApplicationRecorded), typeof(ProviderMovedApplication))]
    public static async Task<(Events, OutgoingMessages)> Handle(
        FollowProviderMove command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application,
        IDocumentSession session, CancellationToken cancellationToken)
    {
        var decision = ApplicationDecisions.ProviderMove(
            application, command.ApplicationId, command.SeekerId, command.JobId, command.ProviderStage, command.MovedAt);
        if (decision.Events.Count == 0) return ([], []);

        var version = (application?.Version ?? 0) + decision.Events.Count;
        var job = await session.LoadAsync<JobFeedItem>(command.JobId, cancellationToken);
        var stage = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(command.ProviderStage);
        var notify = new NotifyUser(
            command.SeekerId, NotificationKinds.ApplicationStageChanged, $"{job?.Title ?? "Your application"}: {stage}",
            $"{job?.CompanyName ?? "The employer"} moved your application to {command.ProviderStage}.",
            ApplicationLinks.PageOf(command.ApplicationId), $"{command.ApplicationId:N}:{version}");
        return (new Events(decision.Events), [notify]);
    }
}
