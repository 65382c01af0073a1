using Microsoft.Extensions.Options;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Chat;

/// <summary>
/// Chat messages per user across all their sockets on every node (a sliding window, <see cref="ChatFloodSettings"/>),
/// counted in the shared request counters: ten sockets, on one node or several, share one budget.
/// </summary>
public sealed class ChatMessageLimiter(IRateLimitCounters counters, IOptions<OttobonSettings> settings)
{
    /// <summary>Null when the user may send one more message now, else the seconds to wait.</summary>
    public async ValueTask<int?> TryAcquireAsync(Guid userId, CancellationToken cancellationToken)
    {
        var flood = settings.Value.ChatFlood;
        var hit = await counters.HitSlidingAsync($"chat:{userId}", flood.MessagesPerUser, TimeSpan.FromSeconds(flood.WindowSeconds), cancellationToken);
        return hit.Admitted ? null : Math.Max(1, (int)Math.Ceiling(hit.RetryAfter.TotalSeconds));
    }
}
