using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Email;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Domain.Tests.Identity;

public class email_decisions
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.CreateVersion7();
    private const string Address = "asha@example.com";

    private static User Given(params object[] events) =>
        events.Aggregate(User.Evolve(null, new UserRegistered(Id, Address, "Asha", Role.Seeker, Now))!, (u, e) => User.Evolve(u, e)!);

    [Fact]
    public void a_new_account_s_address_is_unverified()
    {
        Given().EmailStatus.ShouldBe(EmailStatus.Unverified);
    }

    [Fact]
    public void following_the_link_for_the_current_address_verifies_it_once()
    {
        var decision = UserDecisions.VerifyEmail(Given(), new VerifyEmail(Id, Address), Now);

        decision.Events.ShouldBe([new EmailVerified(Address, Now)]);
        UserDecisions.VerifyEmail(Given(decision.Events.ToArray()), new VerifyEmail(Id, Address), Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void a_link_for_another_address_is_refused()
    {
        UserDecisions.VerifyEmail(Given(), new VerifyEmail(Id, "old@example.com"), Now).Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
    }

    [Fact]
    public void an_erased_account_cannot_be_verified()
    {
        var erased = Given(new AccountErased(Id, Role.Seeker, Now));
        UserDecisions.VerifyEmail(erased, new VerifyEmail(Id, Address), Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void vouching_verifies_the_current_address_once_even_an_undeliverable_one()
    {
        var decision = UserDecisions.VouchForEmail(Given(), new VouchForEmail(Id), Now);

        decision.Events.ShouldBe([new EmailVerified(Address, Now)]);
        UserDecisions.VouchForEmail(Given(decision.Events.ToArray()), new VouchForEmail(Id), Now).Events.ShouldBeEmpty();
        var undeliverable = Given(new EmailMarkedUndeliverable(Address, "550 no such user", Now));
        UserDecisions.VouchForEmail(undeliverable, new VouchForEmail(Id), Now).Events.ShouldBe([new EmailVerified(Address, Now)]);
    }

    [Fact]
    public void an_erased_account_cannot_be_vouched_for()
    {
        var erased = Given(new AccountErased(Id, Role.Seeker, Now));
        UserDecisions.VouchForEmail(erased, new VouchForEmail(Id), Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void a_permanent_refusal_marks_the_current_address_undeliverable_once()
    {
        var decision = UserDecisions.MarkEmailUndeliverable(Given(), new MarkEmailUndeliverable(Id, Address, "550 no such user"), Now);

        decision.Events.ShouldBe([new EmailMarkedUndeliverable(Address, "550 no such user", Now)]);
        var marked = Given(decision.Events.ToArray());
        marked.EmailStatus.ShouldBe(EmailStatus.Undeliverable);
        UserDecisions.MarkEmailUndeliverable(marked, new MarkEmailUndeliverable(Id, Address, "550"), Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void a_refusal_of_an_old_address_changes_nothing()
    {
        UserDecisions.MarkEmailUndeliverable(Given(), new MarkEmailUndeliverable(Id, "old@example.com", "550"), Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void verifying_an_undeliverable_address_makes_it_deliverable_again()
    {
        Given(new EmailMarkedUndeliverable(Address, "550", Now), new EmailVerified(Address, Now)).EmailStatus.ShouldBe(EmailStatus.Verified);
    }

    [Fact]
    public void a_password_reset_also_verifies_an_unverified_address()
    {
        UserDecisions.RecordPasswordReset(Given(), new RecordPasswordReset(Id, Address), Now).Events
            .ShouldBe([new PasswordReset(Now), new EmailVerified(Address, Now)]);
        UserDecisions.RecordPasswordReset(Given(new EmailVerified(Address, Now)), new RecordPasswordReset(Id, Address), Now).Events
            .ShouldBe([new PasswordReset(Now)]);
    }

    [Fact]
    public void alerts_go_only_to_verified_deliverable_addresses()
    {
        EmailRules.MayMail(Given(), Address, EmailKinds.InstantAlert, requestedByUser: false).ShouldBeFalse();
        EmailRules.MayMail(Given(new EmailVerified(Address, Now)), Address, EmailKinds.DailyDigest, requestedByUser: false).ShouldBeTrue();
        EmailRules.MayMail(Given(new EmailVerified(Address, Now), new EmailMarkedUndeliverable(Address, "550", Now)), Address,
            EmailKinds.InstantAlert, requestedByUser: false).ShouldBeFalse();
    }

    [Fact]
    public void an_undeliverable_address_gets_only_the_mail_its_user_asked_for()
    {
        var undeliverable = Given(new EmailMarkedUndeliverable(Address, "550", Now));
        EmailRules.MayMail(undeliverable, Address, EmailKinds.Verification, requestedByUser: false).ShouldBeFalse();
        EmailRules.MayMail(undeliverable, Address, EmailKinds.PasswordReset, requestedByUser: true).ShouldBeTrue();
    }

    [Fact]
    public void mail_for_an_address_the_account_no_longer_has_is_not_sent()
    {
        EmailRules.MayMail(Given(), "old@example.com", EmailKinds.Verification, requestedByUser: true).ShouldBeFalse();
        EmailRules.MayMail(Given(new AccountErased(Id, Role.Seeker, Now)), "", EmailKinds.Verification, requestedByUser: true).ShouldBeFalse();
    }
}
