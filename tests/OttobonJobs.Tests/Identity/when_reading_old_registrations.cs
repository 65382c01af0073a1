using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Identity;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Identity;

/// <summary>
/// Databases made before credentials became a document hold <c>user_registered</c> rows with the password hash inside.
/// They must read as today's event, and the start-up migration must move the hash out without locking anyone out.
/// </summary>
public class when_reading_old_registrations(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string OldPassword = "old-password-1";

    /// <summary>Writes the row exactly as the first version of sign-up stored it, bypassing Marten.</summary>
    private async Task<(Guid UserId, string Email, string Hash)> OldShapeRegistration()
    {
        var userId = Guid.CreateVersion7();
        var email = Accounts.UniqueEmail("veteran").ToLowerInvariant();
        var hash = api.Host.Services.GetRequiredService<PasswordHashing>().Hash(OldPassword);
        var oldJson = $$"""{"UserId": "{{userId}}", "Email": "{{email}}", "FullName": "Veteran User", "Role": "seeker", "PasswordHash": "{{hash}}", "RegisteredAt": "2025-06-01T10:00:00+00:00"}""";

        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO ottobon.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived)
            VALUES (@stream, 'user', 1, now(), now(), '*DEFAULT*', false);
            INSERT INTO ottobon.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
            VALUES (nextval('ottobon.mt_events_sequence'), @event, @stream, 1, @data::jsonb, 'user_registered', now(), '*DEFAULT*',
                    'OttobonJobs.Domain.Identity.UserRegistered, OttobonJobs.Domain', false);
            """, connection);
        insert.Parameters.AddWithValue("stream", userId);
        insert.Parameters.AddWithValue("event", Guid.NewGuid());
        insert.Parameters.AddWithValue("data", oldJson);
        await insert.ExecuteNonQueryAsync();
        return (userId, email, hash);
    }

    private async Task<string> RawRegistration(Guid userId)
    {
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT data::text FROM ottobon.mt_events WHERE stream_id = @id AND version = 1", connection);
        query.Parameters.AddWithValue("id", userId);
        return (string)(await query.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task an_old_shape_registration_reads_as_the_new_event_and_aggregate()
    {
        var (userId, email, hash) = await OldShapeRegistration();
        (await RawRegistration(userId)).ShouldContain(hash);

        await using var session = api.Store.LightweightSession();
        var registered = (await session.Events.FetchStreamAsync(userId)).ShouldHaveSingleItem().Data.ShouldBeOfType<UserRegistered>();
        registered.ShouldBe(new UserRegistered(userId, email, "Veteran User", Role.Seeker, new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero)));

        var stream = await session.Events.FetchForWriting<User>(userId);
        stream.Aggregate.ShouldNotBeNull().ShouldSatisfyAllConditions(
            u => u.Email.ShouldBe(email), u => u.Role.ShouldBe(Role.Seeker), u => u.Version.ShouldBe(1));
    }

    [Fact]
    public async Task the_migration_moves_the_hash_to_credentials_and_the_user_still_signs_in()
    {
        var (userId, email, hash) = await OldShapeRegistration();
        using (var daemon = await api.Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync("UserAccount", CancellationToken.None);

        var migration = api.Host.Services.GetServices<IHostedService>().OfType<CredentialsMigration>().Single();
        (await migration.MigrateAsync(CancellationToken.None)).ShouldBe(1);
        (await migration.MigrateAsync(CancellationToken.None)).ShouldBe(0);

        var raw = await RawRegistration(userId);
        raw.ShouldNotContain("PasswordHash");
        raw.ShouldNotContain(hash);
        raw.ShouldContain(email);
        await using (var session = api.Store.QuerySession())
            (await session.LoadAsync<UserCredentials>(userId)).ShouldNotBeNull().PasswordHash.ShouldBe(hash);

        var login = await api.Host.Scenario(s =>
        {
            s.Post.Json(new { email, password = OldPassword }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });
        login.Json().GetProperty("user").GetProperty("id").GetGuid().ShouldBe(userId);
    }
}
