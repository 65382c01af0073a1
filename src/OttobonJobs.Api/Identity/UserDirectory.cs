using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Projections.Resumes;
using Wolverine.Http;

namespace OttobonJobs.Api.Identity;

public record UserDirectoryPage(IReadOnlyList<UserProfileResponse> Items, long Total, int Skip, int Limit);

/// <summary>Admins look people up: who signed up, as what, and when.</summary>
public static class UserDirectoryEndpoint
{
    public const int MaxLimit = 100;

    public static ProblemDetails Validate(int? skip, int? limit, string? role) =>
        skip < 0 ? ApiProblems.Validation("skip must be 0 or more.")
        : limit is < 1 or > MaxLimit ? ApiProblems.Validation($"limit must be between 1 and {MaxLimit}.")
        : role is not null && !Role.IsKnown(role) ? ApiProblems.Validation("role must be seeker, provider or admin.")
        : WolverineContinue.NoProblems;

    [WolverineGet("/api/admin/users", OperationId = "listUsers")]
    [RequireRole(Role.Admin)]
    public static async Task<UserDirectoryPage> Get(
        IQuerySession session, int? skip, int? limit, string? role, CancellationToken cancellationToken)
    {
        var (from, take) = (skip ?? 0, limit ?? 20);
        var query = session.Query<UserAccount>().AsQueryable();
        if (role is not null) query = query.Where(a => a.Role == role);

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(a => a.CreatedAt).Skip(from).Take(take).ToListAsync(cancellationToken);
        var resumes = await session.LoadManyAsync<SeekerResume>(cancellationToken, page.Select(a => a.Id).ToArray());
        var withResume = resumes.Select(r => r.Id).ToHashSet();
        return new UserDirectoryPage(page.Select(a => UserProfileResponse.From(a, withResume.Contains(a.Id))).ToList(), total, from, take);
    }
}
