using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// The offline enricher: no model, no network, the same output for the same job. It reads the posting (skills from
/// the taxonomy, responsibilities, years of experience, qualification, location) and writes questions, tips and a
/// salary estimate from that reading, so two different jobs get different content. It is the default when no
/// OpenAI key is configured, and the fallback the tests and demos rely on.
/// </summary>
public sealed class LocalJobEnricher : IJobEnricher
{
    public const string Model = "ottobon-local-enricher/1";

    public string ModelName => Model;

    public Task<JobEnrichment> EnrichAsync(JobToEnrich job, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Enrich(job));
    }

    public JobEnrichment Enrich(JobToEnrich job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var profile = JobProfile.Of(job);
        var enrichment = new JobEnrichment(
            PrepQuestionWriter.Write(profile),
            ResumeTipWriter.Write(profile),
            profile.Skills,
            SalaryTable.Estimate(profile.Family, profile.Seniority, profile.Location),
            profile.Seniority.Display(),
            profile.Qualification);

        // The writers are built to always satisfy the rules; failing loudly here beats storing a broken enrichment.
        if (JobEnrichmentRules.Problem(enrichment) is { } problem)
            throw new EnrichmentRejectedException($"{Model} produced an invalid enrichment for '{job.Title}': {problem}");
        return enrichment;
    }
}
