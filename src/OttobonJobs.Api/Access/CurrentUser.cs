using System.Security.Claims;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Api.Access;

/// <summary>Reads who is calling from the verified token's claims.</summary>
public static class CurrentUser
{
    public const string UserIdClaim = "sub";
    public const string EmailClaim = "email";
    public const string RoleClaim = "role";
    public const string NameClaim = "name";
    /// <summary>The sign-in session (refresh token family) the access token belongs to.</summary>
    public const string SessionClaim = "sid";

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(UserIdClaim), out var id)
            ? id
            : throw new InvalidOperationException("The caller is not signed in; guard the endpoint with [Authorize].");

    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionClaim), out var id) ? id : null;

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(RoleClaim) ?? "";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Domain.Identity.Role.Admin);

    /// <summary>The caller as the domain's decisions see it.</summary>
    public static Actor Actor(this ClaimsPrincipal user) => new(user.UserId(), user.Role(), user.FindFirstValue(NameClaim) ?? "");
}

/// <summary>
/// Ownership has one home: a resource owned by a user may be changed by that user or by an admin.
/// Endpoints call this rather than comparing ids themselves.
/// </summary>
public static class Ownership
{
    public static bool CanManage(this ClaimsPrincipal user, Guid ownerId) =>
        user.IsAdmin() || user.UserId() == ownerId;
}
