using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Domain.Decisions;

/// <summary>Who issues a command, as decisions need to know it: the API builds it from the verified token.</summary>
public sealed record Actor(Guid Id, string Role, string Name)
{
    public bool IsAdmin => Role == Identity.Role.Admin;

    /// <summary>A resource owned by a user may be changed by that user or by an admin.</summary>
    public bool CanManage(Guid ownerId) => IsAdmin || Id == ownerId;
}
