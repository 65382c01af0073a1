using System.Net;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Email;

/// <summary>A host whose mail goes through the real MailKit adapter to a server that answers as each test scripts it.</summary>
public class FailingMailApiFixture : ApiFixture
{
    public ScriptedSmtpServer Smtp { get; } = new();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Ottobon:Email:SmtpHost"] = "127.0.0.1",
        ["Ottobon:Email:SmtpPort"] = Smtp.Port.ToString(),
        ["Ottobon:Email:SmtpSecurity"] = "None",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public class when_the_mail_server_fails(FailingMailApiFixture api) : IClassFixture<FailingMailApiFixture>
{
    private async Task<SignedIn> SignUpWhileServerAnswers(params string[] rcptAnswers)
    {
        api.Smtp.AnswerRecipients(rcptAnswers);
        SignedIn? user = null;
        var email = Accounts.UniqueEmail("failing");
        await api.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(async _ => user = await api.Host.SignedUp("seeker", email)));
        return user!;
    }

    private async Task<string> EmailStatusOf(SignedIn user)
    {
        var me = await api.Host.Scenario(s => { s.Get.Url("/api/users/me"); s.As(user); });
        return me.Json().GetProperty("email_status").GetString()!;
    }

    [Fact]
    public async Task a_transient_refusal_is_retried_and_the_mail_delivered()
    {
        var before = api.Smtp.Accepted.Count;
        var user = await SignUpWhileServerAnswers("451 4.3.0 Mailbox busy, try again later");

        api.Smtp.Accepted.Count.ShouldBe(before + 1);
        api.Smtp.Accepted.ShouldContain(m => m.Contains(user.Email, StringComparison.OrdinalIgnoreCase));
        (await EmailStatusOf(user)).ShouldBe(EmailStatus.Unverified);
    }

    [Fact]
    public async Task a_permanent_refusal_marks_the_address_undeliverable_and_stops_the_mail()
    {
        var before = api.Smtp.Accepted.Count;
        var user = await SignUpWhileServerAnswers("550 5.1.1 No such user here");

        (await EmailStatusOf(user)).ShouldBe(EmailStatus.Undeliverable);
        var events = await api.Store.QuerySession().Events.FetchStreamAsync(user.Id);
        events.Select(e => e.Data).OfType<EmailMarkedUndeliverable>().Single().Reason.ShouldContain("550");

        // Automatic mail (an alert) is not even attempted any more.
        var attempts = api.Smtp.RcptAttempts;
        await api.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).InvokeMessageAndWaitAsync(new Api.Email.SendSearchAlertEmail(user.Id, Guid.CreateVersion7(), "Anything", false,
            [new Api.Email.AlertedJob(Guid.CreateVersion7(), "Engineer", "Acme", null)]));
        api.Smtp.RcptAttempts.ShouldBe(attempts);
        api.Smtp.Accepted.Count.ShouldBe(before);

        // What the user asks for themselves is tried again: that is how they recover the address.
        await api.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
            api.Host.Scenario(s => { s.Post.Url("/api/users/me/verification-email"); s.As(user); s.StatusCodeShouldBe(HttpStatusCode.Accepted); })));
        api.Smtp.Accepted.Count.ShouldBe(before + 1);
    }
}
