using System.ComponentModel.DataAnnotations;

namespace OttobonJobs.Api.Chat;

/// <summary>Chat settings, bound from <c>Ottobon:Chat</c>.</summary>
public class ChatSettings
{
    public const string Section = "Ottobon:Chat";

    /// <summary>
    /// A /ws/chat connection that sends nothing (not even "__ping__") for this long is closed with 4408. Clients
    /// ping every 30 s, so 90 s allows two lost pings before a dead connection is let go.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SilenceLimit { get; set; } = TimeSpan.FromSeconds(90);
}
