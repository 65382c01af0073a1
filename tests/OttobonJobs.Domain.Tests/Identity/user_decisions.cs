using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Domain.Tests.Identity;

public class user_decisions
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid SeekerId = Guid.CreateVersion7();

    private static readonly Actor Seeker = new(SeekerId, Role.Seeker, "Asha Menon");

    private static User? Given(params object[] events) =>
        events.Select((e, i) => (e, i)).Aggregate((User?)null, (state, next) => User.Evolve(state, next.e) is { } u ? u with { Version = next.i + 1 } : null);

    private static UserRegistered Registered(string role = Role.Seeker, Guid? id = null) =>
        new(id ?? SeekerId, "asha@example.com", "Asha Menon", role, Now.AddDays(-1));

    private static ResumeUploaded Uploaded(string sha) =>
        new(SeekerId, "cv.pdf", ResumeFormat.Pdf, 1234, sha, $"resumes/{SeekerId:N}/{sha}.pdf", 60, new string('x', 60), ["SQL"], Now.AddHours(-1));

    private static RecordResumeUpload Upload(string sha) =>
        new(SeekerId, "new.pdf", ResumeFormat.Pdf, 2345, sha, $"resumes/{SeekerId:N}/{sha}.pdf", "Backend developer with Node.js", ["Node.js"]);

    private static readonly AccountErased Erased = new(SeekerId, Role.Seeker, Now.AddMinutes(-5));

    [Fact]
    public void registering_starts_the_stream_with_a_normalised_email_and_no_password()
    {
        var decision = UserDecisions.Register(null, new RegisterUser(SeekerId, "  Asha@Example.COM ", " Asha Menon ", Role.Seeker), Now);

        var registered = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<UserRegistered>();
        registered.ShouldBe(new UserRegistered(SeekerId, "asha@example.com", "Asha Menon", Role.Seeker, Now));
        typeof(UserRegistered).GetProperties().Select(p => p.Name).ShouldNotContain(name => name.Contains("Password"));
    }

    [Fact]
    public void registering_an_existing_stream_is_a_conflict()
    {
        var decision = UserDecisions.Register(Given(Registered()), new RegisterUser(SeekerId, "asha@example.com", "Asha", Role.Seeker), Now);
        decision.Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
    }

    [Theory]
    [InlineData("not-an-email", "Asha", Role.Seeker, "email")]
    [InlineData("asha@example.com", " ", Role.Seeker, "full_name")]
    [InlineData("asha@example.com", "Asha", "superuser", "role")]
    public void registering_invalid_values_is_refused_naming_the_field(string email, string name, string role, string field)
    {
        var decision = UserDecisions.Register(null, new RegisterUser(SeekerId, email, name, role), Now);
        decision.Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
        decision.Refusal.Reason.ShouldContain(field);
    }

    [Fact]
    public void a_profile_edit_changes_only_the_fields_given_and_an_empty_value_clears_one()
    {
        var user = Given(Registered(), new UserProfileUpdated("Asha Menon", "+91 98765 43210", "Pune", Now.AddHours(-2)));

        var decision = UserDecisions.UpdateProfile(user, new UpdateProfile(null, null, "", ExpectedVersion: 2), Seeker, Now);

        decision.Events.ShouldHaveSingleItem().ShouldBe(new UserProfileUpdated("Asha Menon", "+91 98765 43210", null, Now));
    }

    [Fact]
    public void a_profile_edit_that_changes_nothing_records_nothing()
    {
        var decision = UserDecisions.UpdateProfile(Given(Registered()), new UpdateProfile(" Asha Menon ", null, null, null), Seeker, Now);
        decision.ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void a_profile_edit_from_a_stale_version_is_refused_naming_the_current_version()
    {
        var user = Given(Registered(), new UserProfileUpdated("Asha M.", null, null, Now.AddHours(-2)));

        var decision = UserDecisions.UpdateProfile(user, new UpdateProfile("Asha", null, null, ExpectedVersion: 1), Seeker, Now);

        decision.Refusal!.Kind.ShouldBe(RefusalKind.StaleVersion);
        decision.Refusal.Reason.ShouldContain("current version is 2");
    }

    [Fact]
    public void an_invalid_profile_value_is_refused()
    {
        var decision = UserDecisions.UpdateProfile(Given(Registered()), new UpdateProfile(null, "call me maybe", null, null), Seeker, Now);
        decision.Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
        decision.Refusal.Reason.ShouldContain("phone");
    }

    [Fact]
    public void someone_else_cannot_edit_the_profile()
    {
        var other = new Actor(Guid.CreateVersion7(), Role.Seeker, "Other");
        UserDecisions.UpdateProfile(Given(Registered()), new UpdateProfile("X", null, null, null), other, Now).Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
    }

    [Fact]
    public void the_first_resume_upload_is_recorded_with_nothing_to_delete()
    {
        var result = UserDecisions.RecordResumeUpload(Given(Registered()), Upload("aaa"), Now);

        var uploaded = result.Decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ResumeUploaded>();
        (uploaded.Sha256, uploaded.CharactersExtracted, uploaded.UploadedAt).ShouldBe(("aaa", "Backend developer with Node.js".Length, Now));
        result.ObsoleteStorageKey.ShouldBeNull();
    }

    [Fact]
    public void a_new_resume_replaces_the_previous_one_and_names_its_file_for_deletion()
    {
        var result = UserDecisions.RecordResumeUpload(Given(Registered(), Uploaded("aaa")), Upload("bbb"), Now);

        result.Decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ResumeUploaded>().Sha256.ShouldBe("bbb");
        result.ObsoleteStorageKey.ShouldBe($"resumes/{SeekerId:N}/aaa.pdf");
    }

    [Fact]
    public void uploading_the_same_file_again_deletes_no_file()
    {
        var result = UserDecisions.RecordResumeUpload(Given(Registered(), Uploaded("aaa")), Upload("aaa"), Now);
        result.Decision.IsRefused.ShouldBeFalse();
        result.ObsoleteStorageKey.ShouldBeNull();
    }

    [Fact]
    public void only_seekers_upload_resumes()
    {
        var result = UserDecisions.RecordResumeUpload(Given(Registered(Role.Provider)), Upload("aaa"), Now);
        result.Decision.Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
        result.ObsoleteStorageKey.ShouldBeNull();
    }

    [Fact]
    public void a_vector_of_the_current_resume_is_recorded()
    {
        var decision = UserDecisions.RecordResumeEmbedding(
            Given(Registered(), Uploaded("aaa")), new RecordResumeEmbedding(SeekerId, "aaa", "all-MiniLM-L6-v2", [0.1f, 0.2f]), Now);

        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ResumeEmbedded>()
            .ShouldSatisfyAllConditions(e => e.Dimensions.ShouldBe(2), e => e.Sha256.ShouldBe("aaa"), e => e.EmbeddedAt.ShouldBe(Now));
    }

    [Fact]
    public void a_vector_of_a_replaced_resume_is_dropped()
    {
        var decision = UserDecisions.RecordResumeEmbedding(
            Given(Registered(), Uploaded("aaa"), Uploaded("bbb")), new RecordResumeEmbedding(SeekerId, "aaa", "m", [0.1f]), Now);
        decision.ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void a_repeated_embedding_of_the_same_resume_by_the_same_model_records_nothing()
    {
        var user = Given(Registered(), Uploaded("aaa"), new ResumeEmbedded("aaa", "m", 1, [0.1f], Now.AddMinutes(-1)));
        UserDecisions.RecordResumeEmbedding(user, new RecordResumeEmbedding(SeekerId, "aaa", "m", [0.1f]), Now).ShouldBe(Decision.Unchanged);
    }

    [Fact]
    public void a_vector_from_another_model_replaces_the_old_one()
    {
        var user = Given(Registered(), Uploaded("aaa"), new ResumeEmbedded("aaa", "old-model", 1, [0.1f], Now.AddMinutes(-1)));
        UserDecisions.RecordResumeEmbedding(user, new RecordResumeEmbedding(SeekerId, "aaa", "new-model", [0.2f]), Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ResumeEmbedded>().Model.ShouldBe("new-model");
    }

    [Fact]
    public void deleting_the_account_with_the_right_password_records_the_erasure()
    {
        var decision = UserDecisions.DeleteAccount(Given(Registered(), Uploaded("aaa")), new DeleteAccount(SeekerId, PasswordMatches: true), Seeker, Now);
        decision.Events.ShouldHaveSingleItem().ShouldBe(new AccountErased(SeekerId, Role.Seeker, Now));
    }

    [Fact]
    public void deleting_the_account_with_a_wrong_password_is_refused()
    {
        var decision = UserDecisions.DeleteAccount(Given(Registered()), new DeleteAccount(SeekerId, PasswordMatches: false), Seeker, Now);
        decision.Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
        decision.Refusal.Reason.ShouldContain("password");
    }

    [Fact]
    public void an_admin_cannot_delete_their_own_account()
    {
        var adminId = Guid.CreateVersion7();
        var decision = UserDecisions.DeleteAccount(
            Given(Registered(Role.Admin, adminId)), new DeleteAccount(adminId, true), new Actor(adminId, Role.Admin, "Root"), Now);
        decision.Refusal!.Kind.ShouldBe(RefusalKind.Forbidden);
        decision.Refusal.Reason.ShouldContain("Admin");
    }

    [Fact]
    public void a_provider_can_delete_their_account()
    {
        var providerId = Guid.CreateVersion7();
        var decision = UserDecisions.DeleteAccount(
            Given(Registered(Role.Provider, providerId)), new DeleteAccount(providerId, true), new Actor(providerId, Role.Provider, "Ravi"), Now);
        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<AccountErased>().Role.ShouldBe(Role.Provider);
    }

    [Fact]
    public void after_deletion_every_command_is_not_found()
    {
        var user = Given(Registered(), Uploaded("aaa"), Erased);

        Decision[] decisions =
        [
            UserDecisions.UpdateProfile(user, new UpdateProfile("Back again", null, null, null), Seeker, Now),
            UserDecisions.RecordResumeUpload(user, Upload("bbb"), Now).Decision,
            UserDecisions.RecordResumeEmbedding(user, new RecordResumeEmbedding(SeekerId, "aaa", "m", [0.1f]), Now),
            UserDecisions.DeleteAccount(user, new DeleteAccount(SeekerId, true), Seeker, Now),
        ];

        decisions.ShouldAllBe(d => d.Refusal!.Kind == RefusalKind.NotFound);
        UserDecisions.RecordResumeUpload(user, Upload("bbb"), Now).ObsoleteStorageKey.ShouldBeNull();
    }

    [Fact]
    public void an_erased_user_keeps_no_personal_data_in_its_state()
    {
        var user = Given(Registered(), new UserProfileUpdated("Asha", "+91 1", "Pune", Now), Uploaded("aaa"), Erased)!;
        (user.Email, user.FullName, user.Phone, user.Location, user.Resume).ShouldBe(("", ErasedUser.Name, null, null, null));
        user.Role.ShouldBe(Role.Seeker);
    }

    [Fact]
    public void commands_on_a_stream_that_never_existed_are_not_found()
    {
        UserDecisions.UpdateProfile(null, new UpdateProfile("X", null, null, null), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
        UserDecisions.DeleteAccount(null, new DeleteAccount(SeekerId, true), Seeker, Now).Refusal!.Kind.ShouldBe(RefusalKind.NotFound);
    }
}
