using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Domain.Tests.Jobs;

public class labelling_search_results
{
    [Theory]
    [InlineData(false, 0.60, 0.60, SearchRelevance.Strong)] // "entry level audit role" → an audit job
    [InlineData(true, 0.37, 0.50, SearchRelevance.Strong)] // every word there and close in meaning
    [InlineData(false, 0.37, 0.37, SearchRelevance.Good)] // "protect companies from hackers" → the security job, the best there is
    [InlineData(true, null, 0.50, SearchRelevance.Good)] // found by its words only (no comparable vector)
    [InlineData(false, 0.39, 0.60, SearchRelevance.Related)] // a neighbouring field, far below the best
    [InlineData(false, 0.30, 0.30, SearchRelevance.Related)] // nothing close
    [InlineData(false, null, null, SearchRelevance.Related)]
    public void the_label_reads_the_words_the_meaning_and_the_distance_to_the_best(bool keywords, double? similarity, double? best, string label) =>
        SearchRelevance.Of(keywords, similarity, best).ShouldBe(label);

    [Fact]
    public void strong_and_good_fit_well_and_related_does_not()
    {
        SearchRelevance.FitsWell(SearchRelevance.Strong).ShouldBeTrue();
        SearchRelevance.FitsWell(SearchRelevance.Good).ShouldBeTrue();
        SearchRelevance.FitsWell(SearchRelevance.Related).ShouldBeFalse();
    }
}
