using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Tests.Support;

/// <summary>An AI that never answers: the process can be stopped while a job's enrichment is in flight.</summary>
public class HangingEnricher : IJobEnricher
{
    private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string ModelName => "hanging-test-ai";
    public Task Called => _called.Task;

    public async Task<JobEnrichment> EnrichAsync(JobToEnrich job, CancellationToken cancellationToken)
    {
        _called.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new OperationCanceledException();
    }
}
