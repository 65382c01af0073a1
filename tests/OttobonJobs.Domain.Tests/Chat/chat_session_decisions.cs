using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Domain.Tests.Chat;

public class chat_session_decisions
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor Seeker = new(Guid.NewGuid(), Role.Seeker, "Sita Seeker");
    private static readonly Actor Stranger = new(Guid.NewGuid(), Role.Seeker, "Someone Else");
    private static readonly Actor Meera = new(Guid.NewGuid(), Role.Admin, "Meera Coach");
    private static readonly Actor Arun = new(Guid.NewGuid(), Role.Admin, "Arun Admin");
    private static readonly ChatJobContext Job = new(Guid.NewGuid(), "Junior Node.js Developer", "Acme", "Build APIs.", ["Node.js"], [], []);
    private static readonly Guid SessionId = ChatRules.SessionIdFor(Seeker.Id, Job.JobId);

    private static ChatSession Given(params object[] events) =>
        ChatSession.Fold(null, [new ChatSessionStarted(SessionId, Seeker.Id, Job, Now), .. events])!;

    private static ChatMessagePosted FromSeeker(string content, string? clientId = null) =>
        new(Guid.NewGuid(), ChatRole.User, content, clientId, Seeker.Id, Now);

    private static ChatMessagePosted FromCoach(Guid inReplyTo) => new(Guid.NewGuid(), ChatRole.Assistant, "An answer.", null, null, Now, inReplyTo);

    private static ChatTakenOver TakenOverByMeera() => new(Meera.Id, Meera.Name, Now);

    private static PostChatMessage Message(string content, string? clientId = null) => new(Guid.NewGuid(), content, clientId);

    [Fact]
    public void a_seeker_starts_the_session_derived_from_them_and_the_job()
    {
        var decision = ChatDecisions.Start(null, new StartChatAbout(Job.JobId, Job), Seeker, Now);

        var started = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ChatSessionStarted>();
        started.SessionId.ShouldBe(SessionId);
        started.SeekerId.ShouldBe(Seeker.Id);
        started.Job.ShouldBe(Job);
    }

    [Fact]
    public void starting_an_existing_session_changes_nothing()
    {
        ChatDecisions.Start(Given(), new StartChatAbout(Job.JobId, Job), Seeker, Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void a_session_about_a_job_that_is_not_active_is_refused_as_not_found()
    {
        ChatDecisions.Start(null, new StartChatAbout(Guid.NewGuid(), null), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void a_seekers_message_is_posted_and_waits_for_the_coach()
    {
        var command = Message("  How do I prepare?  ", "c-1");
        var decision = ChatDecisions.PostFromSeeker(Given(), command, Seeker, Now);

        var posted = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ChatMessagePosted>();
        posted.ShouldBe(new ChatMessagePosted(command.MessageId, ChatRole.User, "How do I prepare?", "c-1", Seeker.Id, Now));
        var after = ChatSession.Fold(Given(), decision.Events)!;
        after.Unanswered.ShouldBe([command.MessageId]);
        after.AwaitsCoach.ShouldBeTrue();
    }

    [Fact]
    public void a_resent_message_is_not_posted_twice()
    {
        ChatDecisions.PostFromSeeker(Given(FromSeeker("hello", "c-1")), Message("hello", "c-1"), Seeker, Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void a_seekers_message_to_a_closed_session_is_refused()
    {
        var decision = ChatDecisions.PostFromSeeker(Given(new ChatClosed(Seeker.Id, Now)), Message("hello?"), Seeker, Now);

        decision.Refusal.ShouldBe(new Refusal(RefusalKind.Conflict, ChatDecisions.SessionClosed));
    }

    [Fact]
    public void someone_elses_session_is_not_found()
    {
        ChatDecisions.PostFromSeeker(Given(), Message("hi"), Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        ChatDecisions.PostFromSeeker(null, Message("hi"), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void an_empty_or_oversized_message_is_invalid()
    {
        ChatDecisions.PostFromSeeker(Given(), Message("   "), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
        ChatDecisions.PostFromSeeker(Given(), Message(new string('x', ChatRules.MaxMessageBytes + 1)), Seeker, Now).Refusal!.Reason.ShouldContain("4 KB");
    }

    [Fact]
    public void during_a_takeover_the_seekers_messages_are_kept_and_counted_as_waiting_but_the_coach_stays_quiet()
    {
        var first = FromSeeker("Can a person look at my CV?");
        var command = Message("Hello?");
        var session = Given(TakenOverByMeera(), first);

        var decision = ChatDecisions.PostFromSeeker(session, command, Seeker, Now);

        var after = ChatSession.Fold(session, decision.Events)!;
        after.Unanswered.ShouldBe([first.MessageId, command.MessageId]);
        after.AwaitsCoach.ShouldBeFalse();
    }

    [Fact]
    public void an_admin_replies_only_in_a_session_taken_over()
    {
        var decision = ChatDecisions.PostFromAdmin(Given(), Message("Hi, I'm Meera."), Meera, Now);

        decision.Refusal.ShouldBe(new Refusal(RefusalKind.Conflict, ChatDecisions.TakeOverFirst));
    }

    [Fact]
    public void an_admins_reply_answers_every_waiting_message()
    {
        var session = Given(TakenOverByMeera(), FromSeeker("one"), FromSeeker("two"));
        var command = Message("Hi, I'm Meera.");

        var decision = ChatDecisions.PostFromAdmin(session, command, Meera, Now);

        decision.Events.ShouldHaveSingleItem().ShouldBe(
            new ChatMessagePosted(command.MessageId, ChatRole.Admin, "Hi, I'm Meera.", null, Meera.Id, Now, AuthorName: "Meera Coach"));
        ChatSession.Fold(session, decision.Events)!.Unanswered.ShouldBeEmpty();
    }

    [Fact]
    public void an_agents_message_carries_the_name_they_had_when_they_took_over()
    {
        var session = Given(TakenOverByMeera());
        var renamed = Meera with { Name = "Meera R." };

        var posted = ChatDecisions.PostFromAdmin(session, Message("Hello!"), renamed, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<ChatMessagePosted>();

        posted.AuthorName.ShouldBe("Meera Coach");
    }

    [Fact]
    public void another_admin_writing_in_a_taken_over_session_is_shown_under_their_own_name()
    {
        var posted = ChatDecisions.PostFromAdmin(Given(TakenOverByMeera()), Message("I'm here too."), Arun, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ChatMessagePosted>();

        posted.AuthorName.ShouldBe("Arun Admin");
    }

    [Fact]
    public void an_agent_without_a_display_name_takes_over_unnamed_and_is_shown_as_the_human_coach()
    {
        var nameless = new Actor(Guid.NewGuid(), Role.Admin, "  ");

        var takeover = ChatDecisions.TakeOver(Given(), nameless, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<ChatTakenOver>();
        var posted = ChatDecisions.PostFromAdmin(Given(takeover), Message("Hi."), nameless, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<ChatMessagePosted>();

        takeover.AdminName.ShouldBeNull();
        posted.AuthorName.ShouldBeNull();
        ChatRules.AgentLabel(posted.AuthorName).ShouldBe("Ottobon coach (human)");
        ChatRules.TakeoverNote(takeover.AdminName).ShouldBe("A human coach joined the chat.");
        ChatRules.TakeoverNote("Priya").ShouldBe("A human coach (Priya) joined the chat.");
    }

    [Fact]
    public void an_admins_reply_to_a_closed_session_is_refused_even_after_a_takeover()
    {
        var decision = ChatDecisions.PostFromAdmin(Given(TakenOverByMeera(), new ChatClosed(Seeker.Id, Now)), Message("still there?"), Meera, Now);

        decision.Refusal.ShouldBe(new Refusal(RefusalKind.Conflict, ChatDecisions.SessionClosed));
    }

    [Fact]
    public void a_seeker_cannot_reply_as_a_human_coach()
    {
        ChatDecisions.PostFromAdmin(Given(TakenOverByMeera()), Message("I'm the coach now"), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
    }

    [Fact]
    public void the_coach_answers_the_oldest_unanswered_message_in_reply_to_it()
    {
        var question = FromSeeker("What skills?");
        var answer = new CoachAnswer(Guid.NewGuid(), question.MessageId, "Learn Express.", null);

        var decision = ChatDecisions.RecordCoachAnswer(Given(question), answer, Now);

        decision.Events.ShouldHaveSingleItem()
            .ShouldBe(new ChatMessagePosted(answer.MessageId, ChatRole.Assistant, "Learn Express.", null, null, Now, question.MessageId));
    }

    [Fact]
    public void the_coachs_answer_is_dropped_when_a_human_took_over_meanwhile()
    {
        var question = FromSeeker("What skills?");

        ChatDecisions.RecordCoachAnswer(Given(question, TakenOverByMeera()), new CoachAnswer(Guid.NewGuid(), question.MessageId, "Learn Express.", null), Now)
            .ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void the_coachs_answer_is_dropped_when_the_message_was_already_answered()
    {
        var question = FromSeeker("What skills?");
        var session = Given(question, FromCoach(question.MessageId));

        ChatDecisions.RecordCoachAnswer(session, new CoachAnswer(Guid.NewGuid(), question.MessageId, "Learn Express.", null), Now)
            .ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void a_failed_coach_is_recorded_and_the_seeker_gets_the_fallback()
    {
        var question = FromSeeker("Help me");
        var answer = new CoachAnswer(Guid.NewGuid(), question.MessageId, null, "HTTP 500");

        var decision = ChatDecisions.RecordCoachAnswer(Given(question), answer, Now);

        decision.Events[0].ShouldBe(new CoachReplyFailed("HTTP 500", Now));
        decision.Events[1].ShouldBeOfType<ChatMessagePosted>().Content.ShouldBe(ChatRules.FallbackReply);
    }

    [Fact]
    public void a_second_takeover_is_a_conflict()
    {
        var decision = ChatDecisions.TakeOver(Given(TakenOverByMeera()), Arun, Now);

        decision.Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
        decision.Refusal.Reason.ShouldContain("Meera Coach");
    }

    [Fact]
    public void an_admin_takes_over_a_session_the_ai_is_running()
    {
        var decision = ChatDecisions.TakeOver(Given(), Meera, Now);

        decision.Events.ShouldHaveSingleItem().ShouldBe(new ChatTakenOver(Meera.Id, "Meera Coach", Now));
        ChatSession.Fold(Given(), decision.Events)!.TakenOverBy.ShouldBe(Meera.Id);
    }

    [Fact]
    public void a_closed_session_cannot_be_taken_over()
    {
        ChatDecisions.TakeOver(Given(new ChatClosed(Seeker.Id, Now)), Meera, Now).Refusal.ShouldBe(new Refusal(RefusalKind.Conflict, ChatDecisions.SessionClosed));
    }

    [Fact]
    public void only_a_session_taken_over_can_be_handed_back()
    {
        ChatDecisions.HandBack(Given(), Meera, Now).Refusal.ShouldBe(new Refusal(RefusalKind.Conflict, ChatDecisions.NotTakenOver));
    }

    [Fact]
    public void on_hand_back_the_coach_answers_what_the_seeker_asked_during_the_takeover_in_order()
    {
        var first = FromSeeker("one");
        var second = FromSeeker("two");
        var session = Given(TakenOverByMeera(), first, second);

        var decision = ChatDecisions.HandBack(session, Meera, Now);

        decision.Events.ShouldHaveSingleItem().ShouldBe(new ChatHandedBack(Meera.Id, Now));
        var after = ChatSession.Fold(session, decision.Events)!;
        after.AwaitsCoach.ShouldBeTrue();
        after.Unanswered.ShouldBe([first.MessageId, second.MessageId]);

        ChatDecisions.RecordCoachAnswer(after, new CoachAnswer(Guid.NewGuid(), second.MessageId, "two first?", null), Now).ShouldBe(Decision.Unchanged);
        var answered = ChatSession.Fold(after, ChatDecisions.RecordCoachAnswer(after, new CoachAnswer(Guid.NewGuid(), first.MessageId, "one.", null), Now).Events)!;
        answered.Unanswered.ShouldBe([second.MessageId]);
        answered.AwaitsCoach.ShouldBeTrue();
    }

    [Fact]
    public void a_hand_back_with_nothing_unanswered_leaves_the_coach_quiet()
    {
        var session = Given(TakenOverByMeera(), FromSeeker("one"), new ChatMessagePosted(Guid.NewGuid(), ChatRole.Admin, "Answered.", null, Meera.Id, Now));

        ChatSession.Fold(session, ChatDecisions.HandBack(session, Meera, Now).Events)!.AwaitsCoach.ShouldBeFalse();
    }

    [Fact]
    public void closing_is_for_the_seeker_or_an_admin_and_closing_twice_changes_nothing()
    {
        ChatDecisions.Close(Given(), Seeker, Now).Events.ShouldHaveSingleItem().ShouldBe(new ChatClosed(Seeker.Id, Now));
        ChatDecisions.Close(Given(), Meera, Now).Events.ShouldHaveSingleItem().ShouldBe(new ChatClosed(Meera.Id, Now));
        ChatDecisions.Close(Given(), Stranger, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        ChatDecisions.Close(Given(new ChatClosed(Seeker.Id, Now)), Seeker, Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void the_coach_greets_a_new_session_once()
    {
        var command = new GreetSeeker(Guid.NewGuid(), "Sita Seeker");

        var decision = ChatDecisions.Greet(Given(), command, Seeker, Now);

        var greeting = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ChatMessagePosted>();
        greeting.Content.ShouldStartWith("Hi Sita!");
        greeting.Content.ShouldContain("Junior Node.js Developer");
        ChatDecisions.Greet(ChatSession.Fold(Given(), decision.Events), new GreetSeeker(Guid.NewGuid(), "Sita Seeker"), Seeker, Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void a_session_that_already_has_messages_is_not_greeted()
    {
        ChatDecisions.Greet(Given(FromSeeker("hi")), new GreetSeeker(Guid.NewGuid(), "Sita"), Seeker, Now).ShouldBe(Decision.Unchanged);
    }
}
