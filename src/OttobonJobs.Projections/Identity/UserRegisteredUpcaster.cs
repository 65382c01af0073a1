using System.Text.Json;
using Marten.Services.Json.Transformations.SystemTextJson;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Projections.Identity;

/// <summary>
/// Reads <c>user_registered</c> in every shape it was stored in as today's <see cref="UserRegistered"/>. The first
/// shape carried the password hash (<c>PasswordHash</c>); the hash moved to <see cref="UserCredentials"/>, so it is
/// dropped here and never reaches an aggregate, a projection or a history response. The start-up migration
/// (<c>CredentialsMigration</c>) copies such hashes to credentials and removes them from the stored rows.
/// </summary>
public sealed class UserRegisteredUpcaster : EventUpcaster<UserRegistered>
{
    public const string StoredName = "user_registered";

    /// <summary>The property of the first shape that held the hash, as Marten's serializer wrote it.</summary>
    public const string RetiredPasswordHashProperty = "PasswordHash";

    public override string EventTypeName => StoredName;

    protected override UserRegistered Upcast(JsonDocument stored)
    {
        var json = stored.RootElement;
        return new UserRegistered(
            json.GetProperty(nameof(UserRegistered.UserId)).GetGuid(),
            json.GetProperty(nameof(UserRegistered.Email)).GetString()!,
            json.GetProperty(nameof(UserRegistered.FullName)).GetString()!,
            json.GetProperty(nameof(UserRegistered.Role)).GetString()!,
            json.GetProperty(nameof(UserRegistered.RegisteredAt)).GetDateTimeOffset());
    }
}
