using System.Net;
using Marten;
using Npgsql;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Identity;

public class when_editing_my_profile(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task me_returns_the_callers_own_profile()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/users/me");
            s.As(seeker);
        });

        var me = result.Json();
        me.GetProperty("id").GetGuid().ShouldBe(seeker.Id);
        me.GetProperty("role").GetString().ShouldBe("seeker");
        me.GetProperty("full_name").GetString().ShouldBe("Test seeker");
        me.GetProperty("created_at").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        me.TryGetProperty("password_hash", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task a_patch_changes_only_the_fields_given_and_is_recorded_as_an_event()
    {
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.Scenario(s =>
        {
            s.Patch.Json(new { phone = "+91 98765 43210", location = "Bengaluru" }).ToUrl("/api/users/me");
            s.As(seeker);
        });
        var result = await api.Host.Scenario(s =>
        {
            s.Patch.Json(new { full_name = "Asha M." }).ToUrl("/api/users/me");
            s.As(seeker);
        });

        var me = result.Json();
        me.GetProperty("full_name").GetString().ShouldBe("Asha M.");
        me.GetProperty("phone").GetString().ShouldBe("+91 98765 43210");
        me.GetProperty("location").GetString().ShouldBe("Bengaluru");

        await using var session = api.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(seeker.Id);
        events.Select(e => e.Data.GetType()).ShouldBe([typeof(UserRegistered), typeof(UserProfileUpdated), typeof(UserProfileUpdated)]);
    }

    [Fact]
    public async Task an_empty_location_clears_it()
    {
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.Scenario(s => { s.Patch.Json(new { location = "Pune" }).ToUrl("/api/users/me"); s.As(seeker); });
        var result = await api.Host.Scenario(s => { s.Patch.Json(new { location = "" }).ToUrl("/api/users/me"); s.As(seeker); });
        result.Json().GetProperty("location").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("""{"full_name":""}""", "full_name")]
    [InlineData("""{"phone":"call me maybe"}""", "phone")]
    public async Task invalid_profile_values_are_422(string body, string field)
    {
        var seeker = await api.Host.SignedUpSeeker();
        var result = await api.Host.Scenario(s =>
        {
            s.Patch.Text(body).ToUrl("/api/users/me");
            s.WithRequestHeader("Content-Type", "application/json");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        result.Detail().ShouldContain(field);
    }

    [Fact]
    public async Task the_profile_needs_a_token()
    {
        await api.Host.Scenario(s =>
        {
            s.Patch.Json(new { full_name = "Nobody" }).ToUrl("/api/users/me");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
    }

    [Fact]
    public async Task the_profile_carries_its_stream_version_as_etag_and_an_edit_returns_the_next_one()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var read = await api.Host.Scenario(s => { s.Get.Url("/api/users/me"); s.As(seeker); });
        read.Context.Response.Headers.ETag.ToString().ShouldBe("\"1\"");

        var edited = await api.Host.Scenario(s =>
        {
            s.Patch.Json(new { location = "Chennai" }).ToUrl("/api/users/me");
            s.WithRequestHeader("If-Match", "\"1\"");
            s.As(seeker);
        });
        edited.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
        var reread = await api.Host.Scenario(s => { s.Get.Url("/api/users/me"); s.As(seeker); });
        reread.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
    }

    [Fact]
    public async Task an_edit_from_a_stale_version_is_412_naming_the_current_version_and_changes_nothing()
    {
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.Scenario(s => { s.Patch.Json(new { location = "Pune" }).ToUrl("/api/users/me"); s.As(seeker); });

        var result = await api.Host.Scenario(s =>
        {
            s.Patch.Json(new { location = "Delhi" }).ToUrl("/api/users/me");
            s.WithRequestHeader("If-Match", "\"1\"");
            s.As(seeker);
            s.StatusCodeShouldBe(HttpStatusCode.PreconditionFailed);
        });

        result.Detail().ShouldContain("current version is 2");
        result.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
        var me = await api.Host.Scenario(s => { s.Get.Url("/api/users/me"); s.As(seeker); });
        me.Json().GetProperty("location").GetString().ShouldBe("Pune");
    }

    [Fact]
    public async Task the_etag_follows_every_event_of_the_stream_also_one_appended_without_loading_it()
    {
        var seeker = await api.Host.SignedUpSeeker();
        await api.Host.UploadedResume(seeker, ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "cv.pdf");
        // Quick append mode: an event appended without fetching the stream reaches the inline view without a version.
        await using (var writer = api.Store.LightweightSession())
        {
            writer.Events.Append(seeker.Id, new UserProfileUpdated("Quick Append", null, "Pune", DateTimeOffset.UtcNow));
            await writer.SaveChangesAsync();
        }

        await using var query = api.Store.QuerySession();
        var state = (await query.Events.FetchStreamStateAsync(seeker.Id)).ShouldNotBeNull();
        state.Version.ShouldBeGreaterThanOrEqualTo(3);
        var me = await api.Host.Scenario(s => { s.Get.Url("/api/users/me"); s.As(seeker); });
        me.Context.Response.Headers.ETag.ToString().ShouldBe($"\"{state.Version}\"");
        me.Json().GetProperty("full_name").GetString().ShouldBe("Quick Append");

        // Stored under the member's old name, so documents written before it was renamed keep their version.
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT data ->> 'Version' FROM ottobon.mt_doc_useraccount WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", seeker.Id);
        ((string?)await command.ExecuteScalarAsync()).ShouldBe(state.Version.ToString());
    }
}
