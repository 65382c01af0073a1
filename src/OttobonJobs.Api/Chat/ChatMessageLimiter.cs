using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Chat;

/// <summary>
/// Chat messages per user across all their sockets on this node (a sliding window, <see cref="ChatFloodSettings"/>):
/// ten sockets share one budget, so opening more sockets does not send more messages.
/// </summary>
public sealed class ChatMessageLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter;
    private readonly TimeSpan _segment;

    public ChatMessageLimiter(IOptions<OttobonSettings> settings)
    {
        var flood = settings.Value.ChatFlood;
        const int segments = 10;
        var window = TimeSpan.FromSeconds(flood.WindowSeconds);
        _segment = window / segments;
        _limiter = PartitionedRateLimiter.Create<Guid, Guid>(userId => RateLimitPartition.GetSlidingWindowLimiter(userId,
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = flood.MessagesPerUser, Window = window, SegmentsPerWindow = segments, QueueLimit = 0 }));
    }

    /// <summary>Null when the user may send one more message now, else the seconds to wait.</summary>
    public int? TryAcquire(Guid userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        if (lease.IsAcquired) return null;
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _segment;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    public void Dispose() => _limiter.Dispose();
}
