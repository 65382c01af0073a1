using System.Diagnostics.Metrics;
using Marten;
using Marten.Services;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// The product's own metrics, all on one meter. Facts that are events are counted by <see cref="ProductMetricsListener"/>
/// once their transaction has committed, so a retried or rolled-back handler never counts twice; the rest (open sockets)
/// are counted where they happen.
/// </summary>
public sealed class ProductMetrics
{
    public const string MeterName = "OttobonJobs";

    /// <summary>The <c>source</c> of a job a provider or an admin posted by hand (scraped jobs carry their career site's source).</summary>
    public const string PostedSource = "posted";

    /// <summary>The sockets counted by <c>ottobon.sockets.open</c>, by their <c>socket</c> tag.</summary>
    public static class Sockets
    {
        public const string Chat = "chat";
        public const string ControlTower = "control_tower";
        public const string IngestionFeed = "ingestion_feed";
        public const string Notifications = "notifications";
    }

    // One meter for the process, not one per host from IMeterFactory: OpenTelemetry merges instruments of equally named
    // meters, so with several hosts in one process (the tests) a disposed host's meter took the others' counts with it.
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> JobsIngested = Meter.CreateCounter<long>("ottobon.jobs.ingested", "{job}", "Jobs that entered the platform: scraped from a career site (by its source) or posted by hand (source \"posted\").");
    private static readonly Counter<long> JobsEnriched = Meter.CreateCounter<long>("ottobon.jobs.enriched", "{job}", "Enrichments recorded: by the AI (method \"ai\") or copied from a twin with the same description (method \"copied\").");
    private static readonly Counter<long> EnrichmentFailures = Meter.CreateCounter<long>("ottobon.jobs.enrichment_failures", "{attempt}", "Failed enrichment attempts; will_retry says whether another attempt was scheduled.");
    private static readonly Counter<long> ChatMessages = Meter.CreateCounter<long>("ottobon.chat.messages", "{message}", "Chat messages posted, by the sender's role (user, assistant, admin).");
    private static readonly Counter<long> AlertEmails = Meter.CreateCounter<long>("ottobon.alert_emails.sent", "{email}", "Job alert emails handed to the mail server.");
    private static readonly UpDownCounter<long> OpenSockets = Meter.CreateUpDownCounter<long>("ottobon.sockets.open", "{connection}", "WebSocket connections open on this node, by socket.");

    /// <summary>Defined for the job-alert emails (issue 16): the sender adds one per email the mail server accepted.</summary>
    public Counter<long> AlertEmailsSent => AlertEmails;

    /// <summary>Counts one open socket until the returned handle is disposed (when the connection ends).</summary>
    public IDisposable SocketOpened(string socket)
    {
        var tag = new KeyValuePair<string, object?>("socket", socket);
        OpenSockets.Add(1, tag);
        return new OpenSocket(() => OpenSockets.Add(-1, tag));
    }

    /// <summary>Counts what one committed transaction recorded.</summary>
    internal void Committed(IEnumerable<object> events)
    {
        foreach (var data in events)
        {
            switch (data)
            {
                case JobScraped scraped:
                    JobsIngested.Add(1, new KeyValuePair<string, object?>("source", scraped.Source));
                    break;
                case JobPosted:
                    JobsIngested.Add(1, new KeyValuePair<string, object?>("source", PostedSource));
                    break;
                case JobEnriched:
                    JobsEnriched.Add(1, new KeyValuePair<string, object?>("method", "ai"));
                    break;
                case JobDeduplicated:
                    JobsEnriched.Add(1, new KeyValuePair<string, object?>("method", "copied"));
                    break;
                case JobEnrichmentFailed failed:
                    EnrichmentFailures.Add(1, new KeyValuePair<string, object?>("will_retry", failed.WillRetry));
                    break;
                case ChatMessagePosted message:
                    ChatMessages.Add(1, new KeyValuePair<string, object?>("sender_role", message.Role));
                    break;
            }
        }
    }

    private sealed class OpenSocket(Action close) : IDisposable
    {
        private int _closed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0) close();
        }
    }
}

/// <summary>Hands every committed session's events to <see cref="ProductMetrics"/> (a Marten listener on every session).</summary>
public sealed class ProductMetricsListener(ProductMetrics metrics) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        metrics.Committed(commit.GetEvents().Select(e => e.Data));
        return Task.CompletedTask;
    }
}
