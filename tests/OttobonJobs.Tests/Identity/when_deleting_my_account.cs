using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OttobonJobs.Api.Adapters.Storage;
using OttobonJobs.Api.Chat;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Identity;

public class when_deleting_my_account(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Password = "correct-horse-1";

    private string StorageRoot => api.Host.Services.GetRequiredService<IOptions<StorageSettings>>().Value.Root!;

    private Task<IScenarioResult> DeleteAccount(SignedIn user, string? password, HttpStatusCode expected) =>
        api.Host.Scenario(s =>
        {
            s.Delete.Json(new { password }).ToUrl("/api/users/me");
            s.As(user);
            s.StatusCodeShouldBe(expected);
        });

    /// <summary>Deletes the account and waits for the follow-up erasure (files, masking) to finish.</summary>
    private async Task Deleted(SignedIn user) =>
        await api.Host.ExecuteAndWaitAsync(() => DeleteAccount(user, Password, HttpStatusCode.NoContent));

    /// <summary>A seeker with a profile, an embedded resume and a chat message: every kind of personal data there is.</summary>
    private async Task<(SignedIn Seeker, Guid ChatId, string ChatText)> SeekerWithEverything()
    {
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.Scenario(s => { s.Patch.Json(new { full_name = "Priya Sharma", phone = "+91 98765 43210", location = "Bengaluru" }).ToUrl("/api/users/me"); s.As(seeker); });
        await api.Host.UploadedResume(seeker, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "Priya Sharma CV.pdf");

        var chat = await api.Host.Scenario(s => { s.Post.Json(new { job_id = (Guid?)null }).ToUrl("/api/chat/sessions"); s.As(seeker); });
        var chatId = chat.Json().GetProperty("id").GetGuid();
        var chatText = $"My home address is 12 MG Road {Guid.NewGuid():N}";
        await using (var session = api.Store.LightweightSession())
        {
            session.Events.Append(chatId, new ChatMessagePosted(Guid.NewGuid(), ChatRole.User, chatText, null, seeker.Id, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        return (seeker, chatId, chatText);
    }

    private async Task<List<string>> RawEventData(Guid streamId)
    {
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT data::text FROM ottobon.mt_events WHERE stream_id = @id ORDER BY version", connection);
        command.Parameters.AddWithValue("id", streamId);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task<long> ResumeVectorRows(Guid userId)
    {
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM ottobon.{ResumeVectorProjection.TableName} WHERE user_id = @id", connection);
        command.Parameters.AddWithValue("id", userId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task a_seekers_personal_data_is_gone_from_files_read_models_and_the_event_log()
    {
        var (seeker, chatId, chatText) = await SeekerWithEverything();
        await using (var before = api.Store.QuerySession())
        {
            var resume = (await before.LoadAsync<SeekerResume>(seeker.Id)).ShouldNotBeNull();
            File.Exists(Path.Combine(StorageRoot, resume.StorageKey)).ShouldBeTrue();
        }
        (await ResumeVectorRows(seeker.Id)).ShouldBe(1);

        await Deleted(seeker);

        Directory.GetFiles(StorageRoot, "*", SearchOption.AllDirectories).ShouldNotContain(f => f.Contains(seeker.Id.ToString("N")));
        await using var session = api.Store.QuerySession();
        (await session.LoadAsync<SeekerResume>(seeker.Id)).ShouldBeNull();
        (await ResumeVectorRows(seeker.Id)).ShouldBe(0);
        (await session.LoadAsync<UserCredentials>(seeker.Id)).ShouldBeNull();
        var account = (await session.LoadAsync<UserAccount>(seeker.Id)).ShouldNotBeNull();
        (account.Email, account.FullName, account.Phone, account.Location).ShouldBe((ErasedUser.EmailFor(seeker.Id), ErasedUser.Name, null, null));
        account.ErasedAt.ShouldNotBeNull();

        var userRows = string.Join("\n", await RawEventData(seeker.Id));
        foreach (var personal in new[] { seeker.Email, "Priya Sharma", "98765", "Bengaluru", "Node.js and Express", "Priya Sharma CV" })
            userRows.ShouldNotContain(personal, Case.Insensitive);
        userRows.ShouldContain(ErasedUser.Name);

        var chatRows = string.Join("\n", await RawEventData(chatId));
        chatRows.ShouldNotContain(chatText);
        (await session.LoadAsync<ChatSessionView>(chatId)).ShouldNotBeNull().LastMessage.ShouldNotBeNull().Content.ShouldNotContain("MG Road");
        var lines = await ChatTranscript.PageAsync(session, chatId, null, 100, CancellationToken.None);
        lines.ShouldNotBeEmpty();
        lines.ShouldNotContain(m => m.Content.Contains("MG Road"));

        // The facts stay, and read as a deleted user.
        var events = await session.Events.FetchStreamAsync(seeker.Id);
        events.First().Data.ShouldBeOfType<UserRegistered>().FullName.ShouldBe(ErasedUser.Name);
        events.Last().Data.ShouldBeOfType<AccountErased>().Role.ShouldBe(Role.Seeker);
    }

    [Fact]
    public async Task the_seekers_chats_are_closed_so_a_coach_answer_arriving_after_the_erasure_records_nothing()
    {
        var (seeker, chatId, _) = await SeekerWithEverything();
        ChatSession? before;
        await using (var query = api.Store.QuerySession()) before = await query.Events.AggregateStreamAsync<ChatSession>(chatId);
        var waiting = before.ShouldNotBeNull().Unanswered.ShouldHaveSingleItem();

        await Deleted(seeker);

        await using var session = api.Store.QuerySession();
        var closed = (await session.Events.AggregateStreamAsync<ChatSession>(chatId)).ShouldNotBeNull();
        closed.Status.ShouldBe(ChatStatus.Closed);
        (await session.LoadAsync<ChatSessionView>(chatId)).ShouldNotBeNull().Status.ShouldBe(ChatStatus.Closed);

        // The coach's answer to the seeker's message, computed before the erasure, lands now: its decision drops it.
        await api.Host.InvokeMessageAndWaitAsync(new RecordCoachReply(chatId, waiting, "About your flat on 12 MG Road: ...", null));

        (await session.Events.FetchStreamStateAsync(chatId)).ShouldNotBeNull().Version.ShouldBe(closed.Version);
        (await session.Events.FetchStreamAsync(chatId)).ShouldAllBe(e => ChatEvents.Contract.Any(c => c.Type == e.Data.GetType()));
        string.Join("\n", await RawEventData(chatId)).ShouldNotContain("MG Road");
    }

    [Fact]
    public async Task the_old_token_stops_working_at_once_and_the_email_can_sign_up_again()
    {
        var seeker = await api.Host.SignedUpSeeker();
        await Deleted(seeker);

        var result = await api.Host.Scenario(s => { s.Get.Url("/api/users/me"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.Unauthorized); });
        result.Detail().ShouldContain("no longer exists");
        await api.Host.Scenario(s => { s.Patch.Json(new { full_name = "Back" }).ToUrl("/api/users/me"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.Unauthorized); });
        await api.Host.Scenario(s =>
        {
            s.Post.Json(new { email = seeker.Email, password = Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });

        var again = await api.Host.SignedUp("seeker", seeker.Email);
        again.Id.ShouldNotBe(seeker.Id);
    }

    [Fact]
    public async Task a_wrong_or_missing_password_deletes_nothing()
    {
        var seeker = await api.Host.SignedUpSeeker();

        (await DeleteAccount(seeker, "not-my-password", HttpStatusCode.Forbidden)).Detail().ShouldContain("password");
        (await DeleteAccount(seeker, null, HttpStatusCode.UnprocessableEntity)).Detail().ShouldContain("password");

        await api.Host.Scenario(s => { s.Get.Url("/api/users/me"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.OK); });
        await using var session = api.Store.QuerySession();
        (await session.Events.FetchStreamAsync(seeker.Id)).ShouldNotContain(e => e.Data is AccountErased);
    }

    [Fact]
    public async Task an_admin_is_refused_with_a_clear_detail()
    {
        var admin = await api.Host.SignedInAdmin();
        var result = await api.Host.Scenario(s =>
        {
            s.Delete.Json(new { password = ApiFixture.AdminPassword }).ToUrl("/api/users/me");
            s.As(admin);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        result.Detail().ShouldContain("Admin accounts cannot delete themselves");
    }

    [Fact]
    public async Task a_providers_jobs_survive_and_the_projections_still_rebuild()
    {
        var provider = await api.Host.SignedUpProvider();
        var jobId = await api.Host.PostedJob(provider, title: "Survives its provider");
        var (seeker, _, _) = await SeekerWithEverything();
        await Deleted(provider);
        await Deleted(seeker);

        using (var daemon = await api.Store.BuildProjectionDaemonAsync())
        {
            foreach (var projection in new[] { "JobDetails", "JobFeedItem", "UserAccount", "SeekerResume", "ResumeVectors", "ChatSessionView", "ChatSession", ChatTranscript.ProjectionName })
                await daemon.RebuildProjectionAsync(projection, CancellationToken.None);
        }

        await using var session = api.Store.QuerySession();
        var job = (await session.LoadAsync<JobDetails>(jobId)).ShouldNotBeNull();
        (job.Title, job.OwnerId).ShouldBe(("Survives its provider", provider.Id));
        var accounts = await session.LoadManyAsync<UserAccount>(provider.Id, seeker.Id);
        accounts.Count.ShouldBe(2);
        accounts.ShouldAllBe(a => a.FullName == ErasedUser.Name && a.ErasedAt != null);
        accounts.Single(a => a.Id == provider.Id).Role.ShouldBe(Role.Provider);
        (await session.LoadAsync<SeekerResume>(seeker.Id)).ShouldBeNull();
        (await ResumeVectorRows(seeker.Id)).ShouldBe(0);
    }
}
