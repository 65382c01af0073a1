using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>
/// What every career-site scraper must do, run once per adapter against a fake site that serves the sample
/// fixtures: 36 postings per list, of which 30 are entry-level roles in India (4 senior titles, 2 abroad); an
/// employer with a second list (KPMG's second site number) says what it adds.
/// </summary>
public abstract class a_career_site_scraper : IAsyncLifetime
{
    /// <summary>Postings a clean run keeps, and those the filters skip.</summary>
    protected virtual int EntryLevelInIndia => 30;
    protected virtual int SkippedByFilters => 6;

    private readonly List<ServiceProvider> _providers = [];
    protected FakeCareerSite Site { get; private set; } = null!;

    protected abstract string Source { get; }
    protected abstract string Company { get; }

    /// <summary>The source's section under Ottobon:Scrapers.</summary>
    protected abstract string Section { get; }

    /// <summary>Listing requests in a full run of the samples, the empty page past the end included.</summary>
    protected abstract int ListingPages { get; }

    protected abstract bool IsListing(SiteRequest request);

    /// <summary>Garbage where the listing should be: broken JSON, or HTML that is not a search page.</summary>
    protected abstract SiteReply MalformedListing { get; }

    public async Task InitializeAsync() => Site = await FakeCareerSite.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await Site.DisposeAsync();
    }

    protected ICareerSiteScraper Scraper(Action<Dictionary<string, string?>>? tweak = null)
    {
        var provider = ScraperTestServices.Against(Site, tweak);
        _providers.Add(provider);
        return provider.GetServices<ICareerSiteScraper>().Single(s => s.SourceName == Source);
    }

    protected Task<ScrapeResult> ScrapeAsync(Action<Dictionary<string, string?>>? tweak = null) =>
        Scraper(tweak).ScrapeAsync(CancellationToken.None);

    protected List<SiteRequest> ListingRequests => Site.Requests.Where(IsListing).ToList();
    protected List<SiteRequest> DetailRequests => Site.Requests.Where(r => !IsListing(r)).ToList();

    /// <summary>The id of a posting a clean run keeps; the requests of that run are then forgotten.</summary>
    protected async Task<string> AKeptPostingIdAsync()
    {
        var id = (await ScrapeAsync()).Postings[5].ExternalId;
        Site.ClearRequests();
        return id;
    }

    private static Action<Dictionary<string, string?>> Setting(string key, string value) => s => s[$"Ottobon:Scrapers:{key}"] = value;

    [Fact]
    public async Task it_reads_every_listing_page_and_keeps_the_entry_level_postings_in_india()
    {
        var result = await ScrapeAsync();

        result.Errors.ShouldBeEmpty();
        result.Postings.Count.ShouldBe(EntryLevelInIndia);
        result.Skipped.Count.ShouldBe(SkippedByFilters);
        result.ListingComplete.ShouldBeTrue();
        ListingRequests.Count.ShouldBe(ListingPages);
        result.Postings.Select(p => p.ExternalId).ShouldBeUnique();
        result.Postings.ShouldAllBe(p => p.Title.Length > 0 && p.DescriptionHtml.Contains("<li>"));
        result.Postings.ShouldAllBe(p => p.ApplyUrl.StartsWith("http://127.0.0.1:"));
        result.Postings.Select(p => p.DescriptionHtml).ShouldBeUnique();
    }

    [Fact]
    public async Task it_fetches_details_only_for_the_postings_the_filters_keep()
    {
        var result = await ScrapeAsync();

        DetailRequests.Count.ShouldBe(EntryLevelInIndia);
        result.Postings.ShouldAllBe(p => !p.Title.Contains("Senior") && !p.Title.Contains("Manager") && !p.Title.Contains("Director"));
        result.Postings.ShouldAllBe(p => p.Location == null || !p.Location.Contains("Singapore") && !p.Location.Contains("London"));
    }

    [Fact]
    public async Task it_stops_at_max_jobs_per_run()
    {
        var result = await ScrapeAsync(Setting($"{Section}:MaxJobsPerRun", "12"));

        result.Postings.Count.ShouldBe(12);
        DetailRequests.Count.ShouldBe(12);
        ListingRequests.Count.ShouldBeLessThan(ListingPages);
        result.ListingComplete.ShouldBeFalse(); // the postings past the cap were not seen: they must not count as gone
    }

    [Fact]
    public async Task it_reads_details_in_parallel_within_the_sites_concurrency_limit()
    {
        Site.SampleDelay = TimeSpan.FromMilliseconds(20);

        await ScrapeAsync(Setting($"{Section}:MaxJobsPerRun", "12"));
        Site.MostAtOnce.ShouldBeGreaterThan(1);

        Site.ClearRequests();
        await ScrapeAsync(s =>
        {
            s[$"Ottobon:Scrapers:{Section}:MaxJobsPerRun"] = "12";
            s["Ottobon:Scrapers:Http:MaxConcurrentRequests"] = "1";
        });
        Site.MostAtOnce.ShouldBe(1);
    }

    [Fact]
    public async Task it_identifies_itself_with_the_bot_user_agent()
    {
        await ScrapeAsync(Setting($"{Section}:MaxJobsPerRun", "1"));

        Site.Requests.ShouldAllBe(r => r.UserAgent == ScraperSetup.UserAgent);
    }

    [Fact]
    public async Task a_malformed_listing_makes_the_source_unavailable()
    {
        Site.When(IsListing, MalformedListing);

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync());

        failure.Message.ShouldStartWith($"{Company}: the job listing at offset 0 could not be read");
    }

    [Fact]
    public async Task a_listing_that_keeps_answering_500_makes_the_source_unavailable_after_the_retries()
    {
        Site.When(IsListing, SiteReply.Error(500));

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync());

        failure.Message.ShouldContain("HTTP 500");
        ListingRequests.Count.ShouldBe(3); // the first attempt and MaxRetries = 2
        DetailRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_listing_error_that_clears_up_is_retried()
    {
        Site.When(IsListing, SiteReply.Error(503), times: 1);
        Site.When(IsListing, SiteReply.Error(429), times: 1);

        var result = await ScrapeAsync();

        result.Postings.Count.ShouldBe(EntryLevelInIndia);
        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_later_listing_page_that_fails_makes_the_source_unavailable_too()
    {
        var listings = 0;
        Site.When(r => IsListing(r) && ++listings > 1, SiteReply.Error(500));

        await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync());
        ListingRequests.Count.ShouldBe(4); // page 1, then page 2 three times
    }

    [Fact]
    public async Task a_detail_that_answers_500_becomes_an_error_and_the_rest_are_kept()
    {
        var id = await AKeptPostingIdAsync();
        Site.When(r => !IsListing(r) && r.Mentions(id), SiteReply.Error(500));

        var result = await ScrapeAsync();

        result.Postings.Count.ShouldBe(EntryLevelInIndia - 1);
        result.Postings.ShouldNotContain(p => p.ExternalId == id);
        var error = result.Errors.ShouldHaveSingleItem();
        error.ShouldContain(id);
        error.ShouldContain("HTTP 500");
        DetailRequests.Count(r => r.Mentions(id)).ShouldBe(3);
    }

    [Fact]
    public async Task a_stalled_listing_times_out_and_makes_the_source_unavailable()
    {
        Site.When(IsListing, SiteReply.Stall(TimeSpan.FromSeconds(20)));
        var clock = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync(s =>
        {
            s["Ottobon:Scrapers:Http:AttemptTimeout"] = "00:00:00.500";
            s["Ottobon:Scrapers:Http:TotalRequestTimeout"] = "00:00:01.500";
            s["Ottobon:Scrapers:Http:MaxRetries"] = "1";
        }));

        failure.Message.ShouldContain("timed out");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        // Two attempts at most; on a busy machine the first may time out before it even reaches the site.
        ListingRequests.Count.ShouldBeInRange(1, 2);
    }

    [Fact]
    public async Task a_stalled_detail_times_out_into_an_error_entry()
    {
        var id = await AKeptPostingIdAsync();
        Site.When(r => !IsListing(r) && r.Mentions(id), SiteReply.Stall(TimeSpan.FromSeconds(20)));

        var result = await ScrapeAsync(s =>
        {
            // Short, yet with a retry so that a merely slow answer on a busy machine is not mistaken for the stall.
            s["Ottobon:Scrapers:Http:AttemptTimeout"] = "00:00:00.500";
            s["Ottobon:Scrapers:Http:MaxRetries"] = "1";
        });

        result.Postings.Count.ShouldBe(EntryLevelInIndia - 1);
        result.Errors.ShouldHaveSingleItem().ShouldContain("timed out");
    }

    [Fact]
    public async Task an_oversized_listing_is_refused()
    {
        Site.When(IsListing, SiteReply.Huge(1024 * 1024, declareLength: true));

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync());

        failure.Message.ShouldContain("refused");
    }

    [Fact]
    public async Task an_oversized_detail_is_refused_even_without_a_declared_length()
    {
        var id = await AKeptPostingIdAsync();
        Site.When(r => !IsListing(r) && r.Mentions(id), SiteReply.Huge(1024 * 1024, declareLength: false));

        var result = await ScrapeAsync();

        result.Postings.Count.ShouldBe(EntryLevelInIndia - 1);
        result.Errors.ShouldHaveSingleItem().ShouldContain("refused");
    }

    [Fact]
    public async Task a_listing_page_cut_off_mid_element_makes_the_source_unavailable_naming_the_url()
    {
        Site.WhenSample(IsListing, sample => sample.CutOff(0.6));

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync());

        failure.Message.ShouldStartWith($"{Company}: the job listing at offset 0 could not be read");
        failure.Message.ShouldContain($"{Site.BaseUrl.ToString().TrimEnd('/')}{ListingRequests[0].Path}");
        failure.Message.ShouldContain("was cut off");
        DetailRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_later_listing_page_cut_off_fails_the_source_rather_than_ending_the_listing()
    {
        var listings = 0;
        Site.WhenSample(r => IsListing(r) && ++listings == 2, sample => sample.CutOff(0.5));

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync());

        failure.Message.ShouldContain("was cut off");
    }

    [Fact]
    public async Task a_listing_shorter_than_its_content_length_makes_the_source_unavailable()
    {
        Site.When(IsListing, SiteReply.ShorterThanDeclared("<!DOCTYPE html><html><body><article", declared: 40_000));

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync());

        failure.Message.ShouldContain("was cut off", customMessage: failure.Message);
    }

    [Fact]
    public async Task a_detail_page_cut_off_is_an_error_entry_for_that_posting()
    {
        var id = await AKeptPostingIdAsync();
        Site.WhenSample(r => !IsListing(r) && r.Mentions(id), sample => sample.CutOff(0.7));

        var result = await ScrapeAsync();

        result.Postings.Count.ShouldBe(EntryLevelInIndia - 1);
        result.Postings.ShouldNotContain(p => p.ExternalId == id);
        var error = result.Errors.ShouldHaveSingleItem();
        error.ShouldContain(id);
        error.ShouldContain("was cut off");
        error.ShouldContain(Site.BaseUrl.Authority);
    }

    [Fact]
    public async Task a_listing_that_sends_its_headers_then_stalls_fails_within_the_idle_timeout()
    {
        Site.When(IsListing, SiteReply.HeadersThenStall(TimeSpan.FromSeconds(60)));
        var clock = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync(s =>
        {
            s["Ottobon:Scrapers:Http:IdleReadTimeout"] = "00:00:00.500";
            s["Ottobon:Scrapers:Http:TotalRequestTimeout"] = "00:00:30";
        }));

        failure.Message.ShouldContain("timed out: no data for 0.5 s");
        failure.Message.ShouldContain(Site.BaseUrl.Authority);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}
