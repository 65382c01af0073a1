using JasperFx;
using Marten;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Projections.Ingestion;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace OttobonJobs.Api.Ingestion;

public abstract record RunStart
{
    public sealed record Started(Guid RunId) : RunStart;
    public sealed record AlreadyRunning(string Source, Guid RunId) : RunStart;
}

/// <summary>
/// Starts ingestion runs, from the admin endpoints and the nightly schedule alike. A run takes a lock document per
/// source in the same transaction that starts its stream and queues its work, so two triggers — on one node or
/// two — can never both start a run for one source.
/// </summary>
public class IngestionRuns(IDocumentStore store, OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock)
{
    public async Task<RunStart> StartAsync(IReadOnlyList<string> sources, string trigger, Guid? triggeredBy, CancellationToken cancellationToken)
    {
        var runId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        // Messages published on the bus commit with this session (Wolverine's outbox): no run without its work.
        await using var session = sessions.OpenSession(bus);

        foreach (var source in sources)
        {
            if (await session.LoadAsync<SourceRunLock>(source, cancellationToken) is { } existing)
                return new RunStart.AlreadyRunning(source, existing.RunId);
            session.Insert(new SourceRunLock(source, runId, now));
        }

        session.Events.StartStream<IngestionRun>(runId, new IngestionRunStarted(runId, sources, trigger, triggeredBy, now));

        foreach (var source in sources) await bus.PublishAsync(new ScrapeSource(runId, source));

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another trigger took a lock between our check and our insert.
            await using var query = store.QuerySession();
            foreach (var source in sources)
            {
                if (await query.LoadAsync<SourceRunLock>(source, cancellationToken) is { RunId: var running } && running != runId)
                    return new RunStart.AlreadyRunning(source, running);
            }
            throw;
        }
        return new RunStart.Started(runId);
    }
}
