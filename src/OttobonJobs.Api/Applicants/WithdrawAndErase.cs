using Marten;
using OttobonJobs.Api.Applications;
using OttobonJobs.Domain.Applicants;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Projections.Applicants;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Applicants;

/// <summary>The seeker withdrew (their tracker said so): the candidacy decides, by its own id.</summary>
public record WithdrawCandidacy(Guid CandidacyId, DateTimeOffset WithdrawnAt);

/// <summary>An erased seeker's candidacy: it keeps no personal data.</summary>
public record EraseCandidacy(Guid CandidacyId);

/// <summary>A seeker's account was erased: each of their candidacies erases itself (sent by <c>EraseAccountDataHandler</c>).</summary>
public record EraseSeekerApplications(Guid SeekerId);

/// <summary>A candidacy that no longer shares its resume: delete the application's copy of the file.</summary>
public record DiscardApplicantResume(Guid CandidacyId, string StorageKey);

/// <summary>An erased candidacy, closed: its events can now be masked (nothing will be added after).</summary>
public record MaskErasedCandidacy(Guid CandidacyId);

public static class SeekerWithdrewApplicationHandler
{
    public static WithdrawCandidacy Handle(SeekerWithdrewApplication message) =>
        new(CandidacyIds.For(message.JobId, message.SeekerId), message.WithdrawnAt);
}

public static class WithdrawCandidacyHandler
{
    /// <summary>A tracker entry that never went through Ottobon has no candidacy: nothing to do.</summary>
    [Emits(typeof(CandidacyWithdrawn))]
    public static (Events, OutgoingMessages) Handle(
        WithdrawCandidacy command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Candidacy? candidacy)
    {
        var decision = CandidacyDecisions.Withdraw(candidacy, command.WithdrawnAt);
        if (decision.Events.Count == 0) return ([], []);
        return (new Events(decision.Events), [new DiscardApplicantResume(candidacy!.Id, candidacy.Resume!.StorageKey)]);
    }
}

public static class EraseSeekerApplicationsHandler
{
    /// <summary>The read model only says which candidacies to visit; each candidacy's own stream decides.</summary>
    public static async Task<OutgoingMessages> Handle(EraseSeekerApplications command, IQuerySession session, CancellationToken cancellationToken)
    {
        var candidacies = await session.Query<ApplicantView>().Where(v => v.SeekerId == command.SeekerId).Select(v => v.Id).ToListAsync(cancellationToken);
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(candidacies.Select(id => new EraseCandidacy(id)));
        return outgoing;
    }
}

public static class EraseCandidacyHandler
{
    [Emits(typeof(CandidacyErased))]
    public static (Events, OutgoingMessages) Handle(
        EraseCandidacy command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Candidacy? candidacy, TimeProvider clock)
    {
        var decision = CandidacyDecisions.Erase(candidacy, clock.GetUtcNow());
        if (decision.Events.Count == 0) return ([], []);
        var outgoing = new OutgoingMessages { new MaskErasedCandidacy(candidacy!.Id) };
        // A withdrawn candidacy's file went with the withdrawal.
        if (candidacy.SharesResume) outgoing.Add(new DiscardApplicantResume(candidacy.Id, candidacy.Resume!.StorageKey));
        return (new Events(decision.Events), outgoing);
    }
}

public static class MaskErasedCandidacyHandler
{
    /// <summary>Rewrites the personal values of the candidacy's events (the rules are in <c>ApplicantsStoreConfiguration</c>).</summary>
    public static Task Handle(MaskErasedCandidacy command, IDocumentStore store, CancellationToken cancellationToken) =>
        store.Advanced.ApplyEventDataMasking(masking => masking.IncludeStream(command.CandidacyId), cancellationToken);
}

public static class DiscardApplicantResumeHandler
{
    public static Task Handle(DiscardApplicantResume command, IFileStorage storage, CancellationToken cancellationToken) =>
        storage.DeleteAsync(command.StorageKey, cancellationToken);
}
