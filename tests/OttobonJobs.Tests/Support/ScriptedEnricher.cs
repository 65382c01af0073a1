using System.Collections.Concurrent;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// A stand-in behind the AI port for tests about the enrichment workflow (retries, failures, dedup), where the
/// point is what the product does with the AI's answers. The real adapters have their own tests.
/// </summary>
public class ScriptedEnricher : IJobEnricher
{
    private readonly ConcurrentQueue<Exception> _failures = new();
    private int _calls;

    public string ModelName => "scripted-test-ai";
    public int Calls => _calls;
    public ConcurrentBag<string> TitlesSeen { get; } = [];

    /// <summary>The next calls throw these, in order; after that calls succeed.</summary>
    public void FailNext(params Exception[] failures)
    {
        foreach (var failure in failures) _failures.Enqueue(failure);
    }

    public void Reset()
    {
        _failures.Clear();
        Interlocked.Exchange(ref _calls, 0);
    }

    public Task<JobEnrichment> EnrichAsync(JobToEnrich job, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        TitlesSeen.Add(job.Title);
        if (_failures.TryDequeue(out var failure)) throw failure;

        var skills = job.SkillsHint.Concat(["Communication"]).Take(JobEnrichmentRules.MaxSkills).ToList();
        return Task.FromResult(new JobEnrichment(
            Enumerable.Range(1, 5).Select(i => new PrepQuestion($"Question {i} about {job.Title}?", $"Strategy {i} for {job.Title}.")).ToList(),
            Enumerable.Range(1, 5).Select(i => $"Tip {i} for {job.Title}.").ToList(),
            skills,
            new SalaryRange("INR", 400_000, 700_000, "year", "₹4L – ₹7L per year"),
            "Entry level (0–2 years)",
            "Bachelor's degree"));
    }
}

/// <summary>An API whose AI port is scripted; the embedding model stays the real local one.</summary>
public class ApiWithScriptedAi : ApiFixture
{
    public ScriptedEnricher Ai { get; } = new();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Ottobon:Enrichment:MaxAttempts"] = "3",
        ["Ottobon:Enrichment:FirstRetryDelay"] = "00:00:00.100",
    };

    protected override void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IJobEnricher>(services, Ai);
}
