using JasperFx.Events;

namespace OttobonJobs.Projections;

/// <summary>
/// The stream version after an event, for views that fold every event of the stream. An event appended without
/// loading the stream first (quick append mode, e.g. ingestion's JobSeenAgain) reaches inline projections with version
/// 0; each event moves the version by one, so the view counts instead.
/// </summary>
public static class FoldedVersion
{
    public static long After(long? previous, IEvent e) => e.Version > 0 ? e.Version : (previous ?? 0) + 1;
}
