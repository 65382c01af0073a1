using Marten;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Tailoring;
using OttobonJobs.Projections.Tailoring;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Tailoring;

/// <summary>What a tailoring write came to: refused with the reason, or the stream as it is after the write.</summary>
public sealed record TailoringOutcome(Refusal? Refusal, TailoredResumes? After)
{
    public static TailoringOutcome Of(TailoredResumes? before, Decision decision) =>
        decision.Refusal is { } refusal ? new(refusal, before)
        : new(null, decision.Events.Aggregate(before, (state, e) =>
            TailoredResumes.Evolve(state, e) is { } next ? next with { Version = (state?.Version ?? 0) + 1 } : null));
}

/// <summary>A draft already written by the tailor (the outside call is over), for the (seeker, job) stream to accept.</summary>
public record RecordTailoredDraft(Guid TailoredResumesId, Actor Actor, WriteTailoredDraft Command);

public static class RecordTailoredDraftHandler
{
    [Emits(typeof(TailoredDraftWritten))]
    public static (TailoringOutcome, Events) Handle(
        RecordTailoredDraft command, [WriteAggregate(Required = false)] TailoredResumes? state, TimeProvider clock)
    {
        var decision = TailoringDecisions.Write(state, command.Command, command.Actor, clock.GetUtcNow());
        return (TailoringOutcome.Of(state, decision), new Events(decision.Events));
    }
}

/// <summary>The seeker saves their edit of one version.</summary>
public record SaveTailoredDraft(Guid TailoredResumesId, Actor Actor, EditTailoredDraft Edit);

public static class SaveTailoredDraftHandler
{
    [Emits(typeof(TailoredDraftEdited))]
    public static (TailoringOutcome, Events) Handle(
        SaveTailoredDraft command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] TailoredResumes? state, TimeProvider clock)
    {
        var decision = TailoringDecisions.Edit(state, command.Edit, command.Actor, clock.GetUtcNow());
        return (TailoringOutcome.Of(state, decision), new Events(decision.Events));
    }
}

/// <summary>A deleted account's tailored versions: each of its (seeker, job) streams is closed, then masked.</summary>
public record EraseSeekerTailoring(Guid UserId);

public static class EraseSeekerTailoringHandler
{
    /// <summary>The stored streams only say which streams to visit; each stream's own decision closes it.</summary>
    public static async Task<OutgoingMessages> Handle(EraseSeekerTailoring command, IQuerySession query, CancellationToken cancellationToken)
    {
        var streams = await query.Query<TailoredResumes>().Where(t => t.SeekerId == command.UserId).Select(t => t.Id).ToListAsync(cancellationToken);
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(streams.Select(id => new EraseTailoredResumes(id)));
        return outgoing;
    }
}

public record EraseTailoredResumes(Guid TailoredResumesId);

public static class EraseTailoredResumesHandler
{
    [Emits(typeof(TailoredDraftsErased))]
    public static (Events, OutgoingMessages) Handle(
        EraseTailoredResumes command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] TailoredResumes? state, TimeProvider clock) =>
        (new Events(TailoringDecisions.Erase(state, clock.GetUtcNow()).Events), [new MaskTailoredResumes(command.TailoredResumesId)]);
}

/// <summary>A closed tailoring stream: its drafts' text is masked in the event log (nothing is added after the erasure).</summary>
public record MaskTailoredResumes(Guid TailoredResumesId);

public static class MaskTailoredResumesHandler
{
    public static Task Handle(MaskTailoredResumes command, IDocumentStore store, CancellationToken cancellationToken) =>
        store.Advanced.ApplyEventDataMasking(masking => masking.IncludeStream(command.TailoredResumesId), cancellationToken);
}
