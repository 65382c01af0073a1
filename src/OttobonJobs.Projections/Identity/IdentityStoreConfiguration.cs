using JasperFx.Events.Projections;
using Marten;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Projections.Identity;

public static class IdentityStoreConfiguration
{
    /// <summary>What a masked chat message says instead of what the erased seeker (or the coach, quoting them) wrote.</summary>
    public const string ErasedChatContent = "[removed: the seeker deleted their account]";

    public static StoreOptions AddIdentity(this StoreOptions opts)
    {
        // The user aggregate is rebuilt from its stream on demand; the lookup model is inline.
        opts.Projections.Add<UserAggregate>(ProjectionLifecycle.Live);
        opts.Projections.Add<UserAccountProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<UserAccount>().UniqueIndex(x => x.Email);
        opts.Schema.For<UserCredentials>();
        // Sign-in sessions (refresh token families). Optimistic concurrency: of two refreshes racing with one token,
        // the second commit fails (409), so a token can never be spent twice.
        opts.Schema.For<RefreshSession>().UseOptimisticConcurrency(true).Index(x => x.UserId);
        // Password reset links: of two resets racing with one link, the second commit fails (409), so a link works once.
        opts.Schema.For<PasswordResetTicket>().UseOptimisticConcurrency(true).Index(x => x.UserId);
        opts.AddEventContract(UserEvents.Contract);
        opts.Events.Upcast(new UserRegisteredUpcaster());
        opts.AddErasureMasking();
        return opts;
    }

    /// <summary>
    /// How an erased account's events are rewritten in place by <c>ApplyEventDataMasking</c> (run only when an account
    /// is deleted): personal values become placeholders, the facts (ids, roles, times, sizes) stay.
    /// </summary>
    private static void AddErasureMasking(this StoreOptions opts)
    {
        opts.Events.AddMaskingRuleForProtectedInformation<UserRegistered>(e =>
            e with { Email = ErasedUser.EmailFor(e.UserId), FullName = ErasedUser.Name });
        opts.Events.AddMaskingRuleForProtectedInformation<UserProfileUpdated>(e =>
            e with { FullName = ErasedUser.Name, Phone = null, Location = null });
        opts.Events.AddMaskingRuleForProtectedInformation<EmailVerified>(e => e with { Email = "" });
        opts.Events.AddMaskingRuleForProtectedInformation<EmailMarkedUndeliverable>(e => e with { Email = "", Reason = "" });
        opts.Events.AddMaskingRuleForProtectedInformation<ResumeUploaded>(e =>
            e with { FileName = ErasedUser.FileName, Text = ErasedUser.Text, Skills = [] });
        opts.Events.AddMaskingRuleForProtectedInformation<ResumeEmbedded>(e => e with { Vector = [] });
        opts.Events.AddMaskingRuleForProtectedInformation<ChatMessagePosted>(e => e with { Content = ErasedChatContent });
    }
}
