using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Chat;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.SavedSearches;
using OttobonJobs.Api.Notifications;
using OttobonJobs.Api.Tailoring;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Identity;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Identity;

/// <summary>The caller confirms the deletion of their account with their password.</summary>
public record DeleteMyAccount(string? Password);

public static class DeleteMyAccountEndpoint
{
    public static ProblemDetails Validate(DeleteMyAccount command) =>
        string.IsNullOrEmpty(command.Password)
            ? ApiProblems.Validation("password is required: type your password to confirm that your account should be deleted.")
            : WolverineContinue.NoProblems;

    /// <summary>
    /// Deletes the caller's account (seekers and providers; admins are refused). In one transaction: the
    /// <see cref="AccountErased"/> fact, the credentials gone (so every token of the account stops working), and the
    /// inline read models emptied (profile tombstone, no resume, no resume vector). Then, after the commit,
    /// <see cref="EraseAccountData"/> deletes the resume file and masks the personal data left in the event log.
    /// </summary>
    [WolverineDelete("/api/users/me", OperationId = "deleteMyAccount")]
    [ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    [Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [Emits(typeof(AccountErased))]
    public static async Task<(IResult, Events, IMartenOp, OutgoingMessages)> Delete(
        DeleteMyAccount command,
        [WriteAggregate(FromClaim = CurrentUser.UserIdClaim, Required = false)] User? me,
        ClaimsPrincipal user, IDocumentSession session, PasswordHashing passwords, SessionValidity validity, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // The outside check comes first; its result is an input of the decision.
        var credentials = me is null ? null : await session.LoadAsync<UserCredentials>(me.Id, cancellationToken);
        var passwordMatches = passwords.Verify(credentials?.PasswordHash, command.Password!);

        var decision = UserDecisions.DeleteAccount(me, new DeleteAccount(user.UserId(), passwordMatches), user.Actor(), clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return (refusal.ToResult(), [], MartenOps.Nothing(), []);

        // The account's sign-in sessions go with it (in the same transaction); this node's open sockets and cached
        // checks notice at once (other nodes within the session check cache time).
        session.DeleteWhere<RefreshSession>(s => s.UserId == me!.Id);
        validity.ForgetUser(me!.Id);

        return (Results.NoContent(), new Events(decision.Events), MartenOps.Delete<UserCredentials>(me!.Id),
            [new EraseAccountData(me.Id, me.Resume?.StorageKey)]);
    }
}

/// <summary>After an account's erasure committed: remove what the transaction could not (files, the event log's copies).</summary>
public record EraseAccountData(Guid UserId, string? ResumeStorageKey);

public static class EraseAccountDataHandler
{
    /// <summary>
    /// Deletes the resume file and rewrites the personal values in the user's stream with Marten's event data masking
    /// (the rules are in <c>IdentityStoreConfiguration</c>); then each of their chat sessions is closed by its own
    /// decision and masked after that (<see cref="CloseErasedChat"/>), so a coach answer landing late is dropped
    /// instead of becoming a new, unmasked message. Every step is idempotent, so a retry after a failure finishes the job.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(
        EraseAccountData command, IQuerySession query, IDocumentStore store, IFileStorage storage, CancellationToken cancellationToken)
    {
        if (command.ResumeStorageKey is { } key) await storage.DeleteAsync(key, cancellationToken);

        await store.Advanced.ApplyEventDataMasking(masking => masking.IncludeStream(command.UserId), cancellationToken);

        // The read model only says which sessions to visit; each session's own stream decides the closing.
        var chats = await query.Query<ChatSessionView>().Where(v => v.UserId == command.UserId).Select(v => v.Id).ToListAsync(cancellationToken);
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(chats.Select(chat => new CloseErasedChat(chat, command.UserId)));
        outgoing.Add(new Applicants.EraseSeekerApplications(command.UserId));
        outgoing.Add(new Applications.EraseSeekerTracker(command.UserId));
        outgoing.Add(new EraseSavedSearches(command.UserId));
        outgoing.Add(new EraseUserNotifications(command.UserId));
        outgoing.Add(new EraseSeekerTailoring(command.UserId));
        outgoing.Add(new EraseEmailData(command.UserId));
        return outgoing;
    }
}

/// <summary>An erased seeker's chat session, closed: its events can now be masked (nothing will be added after).</summary>
public record MaskErasedChat(Guid ChatSessionId);

public static class MaskErasedChatHandler
{
    /// <summary>
    /// Masks the session's messages in the event log, rebuilds its view from the masked events and rewrites its
    /// transcript lines from them (same ids, so each line is overwritten in place).
    /// </summary>
    public static async Task Handle(MaskErasedChat command, IDocumentStore store, IDocumentSession session, CancellationToken cancellationToken)
    {
        await store.Advanced.ApplyEventDataMasking(masking => masking.IncludeStream(command.ChatSessionId), cancellationToken);
        await store.Advanced.RebuildSingleStreamAsync<ChatSessionView>(command.ChatSessionId, cancellationToken);
        var events = await session.Events.FetchStreamAsync(command.ChatSessionId, token: cancellationToken);
        session.Store(events.Where(e => e.Data is ChatMessagePosted).Select(e => ChatTranscript.LineOf(e, e.Version)).ToArray());
    }
}
