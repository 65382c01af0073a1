using Marten;
using Npgsql;
using OttobonJobs.Api.Identity;
using OttobonJobs.Projections;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Jobs;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// Rebuilds, once, the read models whose shape a release changed, so a database made before it works without anyone
/// running <c>read-models-rebuild</c> by hand: the posting dates of the feed and job details (from the JobScraped
/// events), the feed's filter columns (derived values only a rebuild fills), posted descriptions rendered from Markdown,
/// the job kinds and the feed's full-text description, the chat's snapshot and transcript rows (new read models of old
/// streams) and the chat's timeline notices. Runs at start-up, before the server takes
/// requests, only where an old row is found; a marker document then makes later starts skip the checks. A session
/// advisory lock (released with its connection, so it cannot outlive a crashed node) keeps two nodes starting
/// together from rebuilding at once; the second finds the marker and does nothing. Like <see cref="CredentialsMigration"/>
/// it opens its own sessions: it is a start-up migration, not a handler.
/// </summary>
public class ReadModelUpgrades(IDocumentStore store, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<ReadModelUpgrades> logger)
    : IHostedService
{
    private const long LockKey = 7_705_024_001; // any constant no other advisory lock here uses
    private static readonly string Schema = EventStoreSetup.MartenSchema;

    /// <summary>Each upgrade: its marker, the projections it rebuilds, the documents it reads, and the check for an old row.</summary>
    public static readonly IReadOnlyList<ReadModelUpgrade> All =
    [
        // First: a feed row without listed_at predates posting dates, and its job's details lack posted_on too.
        // (Run before the filter columns' upgrade, whose rebuild of the feed alone would hide the old details.)
        new("feed-posting-dates", ["JobFeedItem", "JobDetails"], [typeof(JobFeedItem), typeof(JobDetails)],
            $"SELECT EXISTS (SELECT 1 FROM {Schema}.mt_doc_jobfeeditem WHERE listed_at IS NULL)"),
        new("feed-filter-columns", ["JobFeedItem"], [typeof(JobFeedItem)],
            $"SELECT EXISTS (SELECT 1 FROM {Schema}.mt_doc_jobfeeditem WHERE search_text IS NULL)"),
        // Normalised places (city, state, country) beside each job's location, and the feed's location key that matches them.
        new("job-places", ["JobDetails", "JobFeedItem"], [typeof(JobDetails), typeof(JobFeedItem)],
            $"SELECT EXISTS (SELECT 1 FROM {Schema}.mt_doc_jobfeeditem WHERE data ->> 'Location' IS NOT NULL AND data ->> 'Country' IS NULL)"),
        // Posted descriptions became Markdown: a posted job's details without a description format were rendered as plain text.
        new("markdown-descriptions", ["JobDetails", "JobSearchIndex"], [typeof(JobDetails)],
            $"SELECT EXISTS (SELECT 1 FROM {Schema}.mt_doc_jobdetails WHERE data ->> 'Origin' = 'posted' AND NOT data ? 'DescriptionFormat')"),
        // Job type, work mode and experience beside each job, and the feed's full-text vector over its description.
        new("job-kinds-and-full-text", ["JobDetails", "JobFeedItem"], [typeof(JobDetails), typeof(JobFeedItem)],
            $"SELECT EXISTS (SELECT 1 FROM {Schema}.mt_doc_jobfeeditem WHERE job_type IS NULL)"),
        new("chat-snapshot-and-transcript", ["ChatSession", "ChatTranscript", "ChatSessionView"],
            [typeof(ChatSessionView), typeof(OttobonJobs.Domain.Chat.ChatSession)],
            $"SELECT EXISTS (SELECT 1 FROM {Schema}.mt_doc_chatsessionview v " +
            $"WHERE NOT EXISTS (SELECT 1 FROM {Schema}.mt_doc_chatsession s WHERE s.id = v.id))"),
        // Takeovers and hand-backs became timeline items of their own: a takeover without its notice row predates them.
        new("chat-timeline-notices", ["ChatTranscript"], [typeof(ChatTimelineNotice), typeof(ChatTranscriptLine)],
            $"SELECT EXISTS (SELECT 1 FROM {Schema}.mt_events e WHERE e.type IN ('{OttobonJobs.Domain.Chat.ChatEventNames.TakenOver}', " +
            $"'{OttobonJobs.Domain.Chat.ChatEventNames.HandedBack}') " +
            $"AND NOT EXISTS (SELECT 1 FROM {Schema}.mt_doc_chattimelinenotice n WHERE n.id = e.id))"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var locked = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", locked))
            await take.ExecuteNonQueryAsync(cancellationToken);

        foreach (var upgrade in All)
        {
            await using (var query = store.QuerySession())
                if (await query.CheckExistsAsync<CompletedMigration>(upgrade.Marker, cancellationToken)) continue;
            await RunAsync(upgrade, cancellationToken);
        }
        // Closing the connection releases the lock.
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Rebuilds the upgrade's projections if an old row is there, then records that it is done.</summary>
    public async Task RunAsync(ReadModelUpgrade upgrade, CancellationToken cancellationToken)
    {
        foreach (var type in upgrade.Documents) await store.Storage.Database.EnsureStorageExistsAsync(type, cancellationToken);
        await using (var check = dataSource.CreateCommand(upgrade.NeedsRebuildSql))
        {
            if ((bool)(await check.ExecuteScalarAsync(cancellationToken))!)
            {
                logger.LogInformation("Rebuilding {Projections} once for this release ({Upgrade}).", string.Join(", ", upgrade.Projections), upgrade.Marker);
                await ReadModelRebuild.RebuildAsync(store, upgrade.Projections, rebuilt: null, cancellationToken);
            }
        }
        await using var session = store.LightweightSession();
        session.Store(new CompletedMigration(upgrade.Marker, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
    }
}

public sealed record ReadModelUpgrade(string Marker, IReadOnlyList<string> Projections, IReadOnlyList<Type> Documents, string NeedsRebuildSql);
