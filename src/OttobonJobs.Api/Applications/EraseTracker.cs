using Marten;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Projections.Applications;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Applications;

/// <summary>An erased account's tracker (sent by <c>EraseAccountDataHandler</c>): each application stream closes itself.</summary>
public record EraseSeekerTracker(Guid SeekerId);

public record EraseApplication(Guid ApplicationId);

/// <summary>A closed application stream: its notes and reminder texts can now be masked (nothing is added after).</summary>
public record MaskErasedApplication(Guid ApplicationId);

public static class EraseSeekerTrackerHandler
{
    /// <summary>The read model only says which streams to visit (jobs taken off the tracker included); each stream decides.</summary>
    public static async Task<OutgoingMessages> Handle(EraseSeekerTracker command, IQuerySession session, CancellationToken cancellationToken)
    {
        var ids = await session.Query<ApplicationView>().Where(v => v.SeekerId == command.SeekerId).Select(v => v.Id).ToListAsync(cancellationToken);
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(ids.Select(id => new EraseApplication(id)));
        return outgoing;
    }
}

public static class EraseApplicationHandler
{
    /// <summary>The erasure deletes the view (ApplicationViewProjection); a reminder firing later finds the stream closed.</summary>
    [Emits(typeof(ApplicationErased))]
    public static (Events, MaskErasedApplication) Handle(
        EraseApplication command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Application? application, TimeProvider clock) =>
        (new Events(ApplicationDecisions.Erase(application, clock.GetUtcNow()).Events), new MaskErasedApplication(command.ApplicationId));
}

public static class MaskErasedApplicationHandler
{
    public static Task Handle(MaskErasedApplication command, IDocumentStore store, CancellationToken cancellationToken) =>
        store.Advanced.ApplyEventDataMasking(masking => masking.IncludeStream(command.ApplicationId), cancellationToken);
}
