namespace OttobonJobs.Domain.Jobs;

/// <summary>
/// Scraped jobs get a stream id derived from (company, external id): the same posting always maps to the same
/// stream, so two runs (or two servers) can never turn one posting into two jobs — the second StartStream fails.
/// </summary>
public static class JobIdentity
{
    // A fixed namespace for name-based (version 5 style) UUIDs of scraped postings.
    private static readonly Guid ScrapedNamespace = new("6f1c9a52-8d4e-4f0b-9a57-3c2d1e0b7a41");

    public static Guid ForScrapedPosting(string company, string externalId) =>
        NameBasedIds.Create(ScrapedNamespace, $"{company.Trim().ToLowerInvariant()}\n{externalId.Trim()}");
}
