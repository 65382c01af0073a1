namespace OttobonJobs.Domain.Jobs;

/// <summary>
/// The plain label a smart-search result carries instead of its raw scores. The fused rank score says only how a
/// job ranks against the others, not whether it fits, so the label reads the absolute signals: whether every word of
/// the query is in the job (full text), the cosine of the query's and the job's embeddings (all-MiniLM-L6-v2), and how
/// far that cosine is below the best one of the same search.
/// <para>
/// Thresholds from the sample catalogue and hand-made queries (tests/…/when_searching_with_a_place_or_job_type, README
/// "Smart search"): a short query against the posting it describes scores 0.45–0.60 ("entry level audit role" → audit
/// jobs 0.57–0.60, "ward nurse" → Staff Nurse 0.50, "GST returns" → Tax Analyst 0.46), a vaguer one 0.37–0.45
/// ("protect companies from hackers" → Cyber Security Analyst 0.37, "accountant" → audit jobs 0.41–0.45, "hospital
/// jobs" → Staff Nurse 0.44), unrelated postings 0.0–0.31. Neighbouring fields reach 0.39 ("entry level audit role" →
/// Cyber Security Analyst), which only the distance to the best (0.60 there) tells from a vague query's true match.
/// </para>
/// </summary>
public static class SearchRelevance
{
    public const string Strong = "strong";
    public const string Good = "good";
    public const string Related = "related";

    public const double StrongSimilarity = 0.45;
    public const double GoodSimilarity = 0.36;

    /// <summary>A good match by meaning is within this of the search's best cosine.</summary>
    public const double GoodDistanceFromBest = 0.15;

    /// <param name="keywordMatch">Every word of the query is in the job's searchable text.</param>
    /// <param name="similarity">The cosine of the query's and the job's embeddings; null when the job has no comparable vector.</param>
    /// <param name="bestSimilarity">The highest cosine among the search's candidates.</param>
    public static string Of(bool keywordMatch, double? similarity, double? bestSimilarity)
    {
        if (similarity >= StrongSimilarity || keywordMatch && similarity >= GoodSimilarity) return Strong;
        var closeToBest = similarity is { } s && (bestSimilarity is not { } best || s >= best - GoodDistanceFromBest);
        return keywordMatch || similarity >= GoodSimilarity && closeToBest ? Good : Related;
    }

    public static bool FitsWell(string relevance) => relevance is Strong or Good;
}
