using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Projections.Applications;
using OttobonJobs.Projections.Notifications;
using OttobonJobs.Tests.Applicants;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Applications;

/// <summary>A reminder is a durable scheduled message: scheduled on one host, delivered by the next one on the same database.</summary>
public sealed class when_a_reminder_comes_due_after_a_restart : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task the_next_host_delivers_it_and_notifies_the_seeker()
    {
        Guid id, reminderId;
        SignedIn seeker;
        DateTimeOffset due;
        var first = await ApiFixture.StartHostAsync(_database.ConnectionString);
        try
        {
            var job = await first.ScrapedJob();
            seeker = await first.SignedUpSeeker();
            id = (await first.Saved(seeker, job)).GetProperty("id").GetGuid();
            due = DateTimeOffset.UtcNow.AddSeconds(15);
            reminderId = (await first.Scenario(s =>
            {
                s.Post.Json(new { due_at = due, text = "Follow up with the recruiter" }).ToUrl($"/api/applications/{id}/reminders");
                s.As(seeker);
                s.StatusCodeShouldBe(HttpStatusCode.Created);
            })).Json().GetProperty("id").GetGuid();
        }
        finally
        {
            await ApiFixture.StopQuietly(first);
        }
        DateTimeOffset.UtcNow.ShouldBeLessThan(due, "the first host stopped before the reminder came due");

        var second = await ApiFixture.StartHostAsync(_database.ConnectionString);
        try
        {
            var store = second.Services.GetRequiredService<IDocumentStore>();
            var delivered = await Poll(async () =>
            {
                await using var session = store.QuerySession();
                var view = await session.LoadAsync<ApplicationView>(id);
                return view!.Timeline.Any(t => t.Kind == "reminder_delivered")
                    && await session.Query<UserNotification>().AnyAsync(n => n.UserId == seeker.Id && n.Kind == "reminder");
            });

            delivered.ShouldBeTrue("the reminder was delivered and notified within a minute of coming due");
            var notification = (await second.Notifications(seeker)).GetProperty("items").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "reminder");
            notification.GetProperty("title").GetString().ShouldBe("Reminder: Follow up with the recruiter");
            notification.GetProperty("link").GetString().ShouldBe($"/applications/{id}");
            var detail = await second.ApplicationDetail(seeker, id);
            detail.GetProperty("reminders").GetArrayLength().ShouldBe(0);
            detail.GetProperty("timeline").EnumerateArray().Count(t => t.GetProperty("kind").GetString() == "reminder_delivered").ShouldBe(1);
        }
        finally
        {
            await ApiFixture.StopQuietly(second);
        }
    }

    /// <summary>Polls the read models (the delivery happens on the host's own schedule, not on a tracked call).</summary>
    private static async Task<bool> Poll(Func<Task<bool>> condition)
    {
        var until = DateTimeOffset.UtcNow.AddMinutes(1);
        while (DateTimeOffset.UtcNow < until)
        {
            if (await condition()) return true;
            await Task.Delay(250);
        }
        return false;
    }
}
