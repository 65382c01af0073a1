using System.Security.Claims;
using Marten;
using OttobonJobs.Api.Access;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Jobs;
using Wolverine.Http;

namespace OttobonJobs.Api.Jobs.Browsing;

public static class ProviderListingsEndpoint
{
    /// <summary>The caller's own postings, newest first, with status and any enrichment failure.</summary>
    [WolverineGet("/api/jobs/provider", OperationId = "myListings")]
    [RequireRole(Role.Provider, Role.Admin)]
    public static async Task<IReadOnlyList<ProviderListing>> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var ownerId = user.UserId();
        return await session.Query<ProviderListing>().Where(l => l.OwnerId == ownerId)
            .OrderByDescending(l => l.CreatedAt).ToListAsync(cancellationToken);
    }
}
