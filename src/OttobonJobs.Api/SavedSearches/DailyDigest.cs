using System.ComponentModel.DataAnnotations;
using Marten;
using OttobonJobs.Domain.SavedSearches;
using OttobonJobs.Projections.SavedSearches;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.SavedSearches;

/// <summary>Ottobon:SavedSearches — when the daily digest of the <c>daily</c> saved searches goes out.</summary>
public class SavedSearchSettings
{
    public const string Section = "Ottobon:SavedSearches";

    public bool DigestEnabled { get; set; } = true;

    /// <summary>Cron (5 fields) in <see cref="DigestTimeZone"/>: 08:00 in India by default.</summary>
    [Required]
    public string DigestCron { get; set; } = "0 8 * * *";

    [Required]
    public string DigestTimeZone { get; set; } = "Asia/Kolkata";
}

/// <summary>The daily digest's tick (a recurring Wolverine schedule: one node of the cluster fires it).</summary>
public record SendDailySearchDigests;

/// <summary>One search's digest of <see cref="DigestId"/> (one id per day: a redelivered tick sends nothing twice).</summary>
public record SendSearchDigest(Guid SavedSearchId, Guid DigestId);

public static class SavedSearchAlertsSetup
{
    public static void AddSavedSearchAlerts(this WolverineOptions opts, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SavedSearchSettings.Section).Get<SavedSearchSettings>() ?? new SavedSearchSettings();
        if (settings.DigestEnabled)
            opts.Schedules.ScheduleRecurring<SendDailySearchDigests>(settings.DigestCron, TimeZoneInfo.FindSystemTimeZoneById(settings.DigestTimeZone));
    }
}

public static class SendDailySearchDigestsHandler
{
    /// <summary>Visits each daily search with matches waiting (the read model only names them; each stream decides).</summary>
    public static async Task<OutgoingMessages> Handle(SendDailySearchDigests tick, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var digestId = SavedSearchIds.DigestFor(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var due = await session.Query<SavedSearchView>()
            .Where(v => v.Frequency == AlertFrequencies.Daily && v.PendingMatches > 0).Select(v => v.Id).ToListAsync(cancellationToken);
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(due.Select(id => new SendSearchDigest(id, digestId)));
        return outgoing;
    }
}

public static class SendSearchDigestHandler
{
    /// <summary>ONE notification and ONE digest email with every match collected since the last digest.</summary>
    [Emits(typeof(SavedSearchDigestSent))]
    public static (Events, OutgoingMessages) Handle(
        SendSearchDigest command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SavedSearch? search,
        TimeProvider clock)
    {
        var decision = SavedSearchDecisions.SendDigest(search, command.DigestId, clock.GetUtcNow());
        var outgoing = new OutgoingMessages();
        if (!decision.Events.OfType<SavedSearchDigestSent>().Any()) return ([], outgoing);
        outgoing.AddRange(SavedSearchAlert.For(search!, command.DigestId, search!.Pending, isDigest: true));
        return (new Events(decision.Events), outgoing);
    }
}
