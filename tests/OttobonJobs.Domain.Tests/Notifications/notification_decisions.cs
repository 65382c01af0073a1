using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Notifications;

namespace OttobonJobs.Domain.Tests.Notifications;

public class notification_decisions
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor Seeker = new(Guid.NewGuid(), Role.Seeker, "Sita Seeker");
    private static readonly Actor Stranger = new(Guid.NewGuid(), Role.Seeker, "Someone Else");
    private static readonly Actor Admin = new(Guid.NewGuid(), Role.Admin, "Arun Admin");

    private static readonly User Recipient = new() { Id = Seeker.Id };

    private static AddNotification Request(string dedupKey = "coach-reply:1", string? link = "/chat") =>
        new(Seeker.Id, NotificationKinds.HumanCoachReplied, "Your coach replied", "Meera answered your question.", link, dedupKey);

    private static Notification Given(params object[] more) =>
        more.Prepend(NotificationDecisions.Add(null, Recipient, Request(), Now).Events.Single()).Aggregate((Notification?)null, Notification.Evolve)!;

    [Fact]
    public void a_request_for_an_erased_or_unknown_account_adds_nothing()
    {
        NotificationDecisions.Add(null, Recipient with { IsErased = true }, Request(), Now).ShouldBe(Decision.Unchanged);
        NotificationDecisions.Add(null, null, Request(), Now).ShouldBe(Decision.Unchanged);
        NotificationDecisions.Add(null, new User { Id = Stranger.Id }, Request(), Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void a_request_adds_a_notification_in_the_stream_derived_from_the_user_and_the_dedup_key()
    {
        var added = NotificationDecisions.Add(null, Recipient, Request(), Now).Events.ShouldHaveSingleItem().ShouldBeOfType<NotificationAdded>();

        added.NotificationId.ShouldBe(NotificationIds.For(Seeker.Id, "coach-reply:1"));
        added.ShouldBe(new NotificationAdded(added.NotificationId, Seeker.Id, NotificationKinds.HumanCoachReplied, "Your coach replied",
            "Meera answered your question.", "/chat", "coach-reply:1", Now));
    }

    [Fact]
    public void the_same_dedup_key_for_the_same_user_lands_once()
    {
        NotificationDecisions.Add(Given(), null, Request(), Now.AddMinutes(1)).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void the_same_dedup_key_for_another_user_is_another_notification()
    {
        NotificationIds.For(Seeker.Id, "k").ShouldNotBe(NotificationIds.For(Stranger.Id, "k"));
        NotificationIds.For(Seeker.Id, "k").ShouldBe(NotificationIds.For(Seeker.Id, "k"));
    }

    [Theory]
    [InlineData("unknown_kind", "Title", "k", "/jobs", "Unknown notification kind")]
    [InlineData(NotificationKinds.Reminder, " ", "k", "/jobs", "title")]
    [InlineData(NotificationKinds.Reminder, "Title", "", "/jobs", "dedup key")]
    [InlineData(NotificationKinds.Reminder, "Title", "k", "https://evil.example/", "path inside the app")]
    [InlineData(NotificationKinds.Reminder, "Title", "k", "//evil.example/", "path inside the app")]
    public void a_request_without_a_known_kind_a_title_a_key_or_an_app_link_is_refused(string kind, string title, string key, string link, string reason)
    {
        var refusal = NotificationDecisions.Add(null, Recipient, new AddNotification(Seeker.Id, kind, title, "", link, key), Now).Refusal!;

        refusal.Kind.ShouldBe(RefusalKind.Invalid);
        refusal.Reason.ShouldContain(reason);
    }

    [Fact]
    public void a_long_title_and_body_are_shortened_not_refused()
    {
        var added = (NotificationAdded)NotificationDecisions.Add(null, Recipient, Request() with { Title = new string('t', 500), Body = new string('b', 5000) }, Now).Events.Single();

        added.Title.Length.ShouldBe(NotificationDecisions.MaxTitleLength);
        added.Body.Length.ShouldBe(NotificationDecisions.MaxBodyLength);
        added.Body.ShouldEndWith("…");
    }

    [Fact]
    public void the_user_marks_their_notification_read_once()
    {
        var read = NotificationDecisions.MarkRead(Given(), Seeker, Now.AddHours(1)).Events.ShouldHaveSingleItem().ShouldBeOfType<NotificationRead>();
        read.ShouldBe(new NotificationRead(Given().Id, Seeker.Id, Now.AddHours(1)));

        var after = Given(read);
        after.IsRead.ShouldBeTrue();
        NotificationDecisions.MarkRead(after, Seeker, Now.AddHours(2)).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void another_users_notification_is_not_found_even_for_an_admin()
    {
        NotificationDecisions.MarkRead(Given(), Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        NotificationDecisions.MarkRead(Given(), Admin, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        NotificationDecisions.MarkRead(null, Seeker, Now).Refusal!.Reason.ShouldBe(NotificationDecisions.NoSuchNotification);
    }
}
