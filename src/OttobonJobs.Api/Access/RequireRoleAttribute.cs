using Microsoft.AspNetCore.Authorization;

namespace OttobonJobs.Api.Access;

/// <summary>
/// The one way endpoints declare who may call them: <c>[RequireRole(Role.Admin)]</c> or
/// <c>[RequireRole(Role.Provider, Role.Admin)]</c>. A missing or bad token is 401, a valid token with
/// another role is 403. Endpoints open to any signed-in user use plain <c>[Authorize]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RequireRoleAttribute : AuthorizeAttribute
{
    public RequireRoleAttribute(params string[] roles)
    {
        if (roles.Length == 0) throw new ArgumentException("Name at least one role.", nameof(roles));
        Roles = string.Join(',', roles);
    }
}
