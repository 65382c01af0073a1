namespace OttobonJobs.Domain.Identity;

/// <summary>The three kinds of people who use Ottobon Jobs. Stored and sent as lower-case names.</summary>
public static class Role
{
    public const string Seeker = "seeker";
    public const string Provider = "provider";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Seeker, Provider, Admin];

    /// <summary>Admins are created by an operator, never by signing up.</summary>
    public static readonly IReadOnlyList<string> SelfService = [Seeker, Provider];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
