using System.Text.Json;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Chat;

/// <summary>The API on Kestrel with one active job to talk about, shared by a test class.</summary>
public class ChatFixture : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public SocketApi Api { get; private set; } = null!;
    public Guid JobId { get; private set; }
    public string DatabaseConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Api = await SocketApi.Start(_database.ConnectionString);
        var provider = await Api.SignUp("provider");
        var accepted = await Api.Json(HttpMethod.Post, "/api/jobs", provider, new
        {
            title = "Junior Node.js Backend Developer",
            description_raw = JobScenarios.NodeDescription,
            skills_required = new[] { "Node.js", "Express", "PostgreSQL" },
            company_name = "Acme Analytics",
        });
        JobId = accepted.GetProperty("id").GetGuid();
        await WaitUntilActive(JobId);
    }

    public async Task WaitUntilActive(Guid jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var response = await Api.Send(HttpMethod.Get, $"/api/jobs/{jobId}/details", null);
            if (response.IsSuccessStatusCode) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The job never became active.");
    }

    /// <summary>A new seeker with a session about the fixture's job.</summary>
    public async Task<(SignedIn Seeker, Guid SessionId)> SeekerWithSession()
    {
        var seeker = await Api.SignUp("seeker");
        var session = await Api.Json(HttpMethod.Post, "/api/chat/sessions", seeker, new { job_id = JobId });
        return (seeker, session.GetProperty("id").GetGuid());
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await _database.DisposeAsync();
    }
}

public static class Frames
{
    public static IReadOnlyList<string> Contents(this JsonElement replay) =>
        replay.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()!).ToList();
}
