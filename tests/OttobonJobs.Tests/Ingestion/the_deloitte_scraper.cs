using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Tests.Ingestion;

public class the_deloitte_scraper : a_career_site_scraper
{
    protected override string Source => Sources.Deloitte;
    protected override string Company => "Deloitte";
    protected override string Section => "Deloitte";
    protected override int ListingPages => 4; // 10 cards a page; the fourth has no "next" link

    protected override bool IsListing(SiteRequest request) => request.Path.Contains("/SearchJobs");

    protected override SiteReply MalformedListing =>
        SiteReply.Html("<html><body><h1>We'll be back soon</h1><p>Scheduled maintenance.</p></body></html>");

    [Fact]
    public async Task it_pages_by_job_offset_and_asks_for_a_hundred_a_page()
    {
        await ScrapeAsync();

        ListingRequests.Select(r => r.Query).ShouldBe(
            new[] { 0, 10, 20, 30 }.Select(offset => $"?listFilterMode=1&jobRecordsPerPage=100&jobOffset={offset}"));
    }

    [Fact]
    public async Task the_description_joins_every_rich_text_block_of_the_detail_page()
    {
        var posting = (await ScrapeAsync()).Postings[0];

        posting.DescriptionHtml.ShouldContain("What you will do");
        posting.DescriptionHtml.ShouldContain("What you bring");
        posting.DescriptionHtml.ShouldContain("<strong>Good to have:</strong>");
        posting.DescriptionHtml.ShouldNotContain("field-label"); // only the values
        posting.ApplyUrl.ShouldStartWith(new Uri(Site.BaseUrl, "/en_US/careers/JobDetail/").ToString()); // the detail page
        posting.ApplyUrl.ShouldEndWith($"/{posting.ExternalId}");
    }

    [Fact]
    public async Task the_location_is_the_cards_location_span_and_a_card_without_one_whose_page_names_none_either_is_kept()
    {
        var postings = (await ScrapeAsync()).Postings;

        postings.Count(p => p.Location is null).ShouldBe(1);
        postings.Where(p => p.Location is not null).ShouldAllBe(p => p.Location!.EndsWith(", India"));
    }

    [Fact]
    public async Task a_card_without_its_title_link_is_an_error_and_the_others_are_read()
    {
        Site.When(IsListing, SiteReply.Html("""
            <html><body>
              <article class="article article--result">
                <h3 class="article__header__text__title"><a class="link" href="/en_US/careers/JobDetail/Tax-Analyst/999001">Tax Analyst</a></h3>
                <div class="article__header__text__subtitle"><span>Tax</span><span>Pune, Maharashtra, India</span></div>
              </article>
              <article class="article article--result">
                <h3 class="article__header__text__title"><span>Audit Associate</span></h3>
              </article>
            </body></html>
            """));
        Site.When(r => r.Mentions("999001"), SiteReply.Html("""
            <div class="article__view__item view--rich-text"><span class="field-value"><p>Prepare tax computations and draft corporate tax returns for review by the senior team.</p></span></div>
            """));

        var result = await ScrapeAsync();

        var posting = result.Postings.ShouldHaveSingleItem();
        posting.ExternalId.ShouldBe("999001");
        posting.Title.ShouldBe("Tax Analyst");
        posting.Location.ShouldBe("Pune, Maharashtra, India");
        posting.DescriptionHtml.ShouldBe("<p>Prepare tax computations and draft corporate tax returns for review by the senior team.</p>");
        result.Errors.ShouldHaveSingleItem().ShouldContain("has no id");
        ListingRequests.Count.ShouldBe(1); // no "next" link
    }

    [Fact]
    public async Task a_detail_page_without_a_description_is_an_error()
    {
        var id = await AKeptPostingIdAsync();
        Site.When(r => r.Mentions(id), SiteReply.Html("<html><body><p>This job is no longer available.</p></body></html>"));

        var result = await ScrapeAsync();

        result.Errors.ShouldHaveSingleItem().ShouldContain("has no job description");
    }

    [Fact]
    public async Task a_description_with_only_a_few_words_of_text_is_an_error_naming_the_page()
    {
        var id = await AKeptPostingIdAsync();
        Site.When(r => r.Mentions(id), SiteReply.Html("""
            <div class="article__view__item view--rich-text"><span class="field-value"><div><p><font face="tahoma" size="2"><b>Job description</b><br>&nbsp;</font></p><div></div></div></span></div>
            """));

        var result = await ScrapeAsync();

        result.Postings.ShouldNotContain(p => p.ExternalId == id);
        var error = result.Errors.ShouldHaveSingleItem();
        error.ShouldContain($"{Site.BaseUrl}en_US/careers/JobDetail/");
        error.ShouldContain($"/{id}");
        error.ShouldContain("description has only 15 characters of text");
    }

    [Fact]
    public async Task the_minimum_description_length_is_a_setting()
    {
        var id = await AKeptPostingIdAsync();
        Site.When(r => r.Mentions(id), SiteReply.Html("""
            <div class="article__view__item view--rich-text"><span class="field-value"><p>Prepare tax computations.</p></span></div>
            """));

        var result = await ScrapeAsync(settings => settings["Ottobon:Scrapers:MinDescriptionCharacters"] = "10");

        result.Errors.ShouldBeEmpty();
        result.Postings.Single(p => p.ExternalId == id).DescriptionHtml.ShouldBe("<p>Prepare tax computations.</p>");
    }

    [Fact]
    public async Task font_wrapped_and_word_pasted_descriptions_keep_their_text()
    {
        var postings = (await ScrapeAsync()).Postings;

        var wrapped = postings.Where(p => p.DescriptionHtml.Contains("<font face=\"tahoma\" size=\"2\">")).ToList();
        var pasted = postings.Where(p => p.DescriptionHtml.Contains("class=\"MsoNormal\"") || p.DescriptionHtml.Contains("class=MsoNormal")).ToList();
        wrapped.Count.ShouldBeGreaterThan(5);
        pasted.Count.ShouldBeGreaterThan(5);
        foreach (var posting in wrapped.Concat(pasted))
        {
            var text = OttobonJobs.Projections.Jobs.DescriptionHtml.ToPlainText(posting.DescriptionHtml);
            text.ShouldContain("What you will do");
            text.ShouldContain("What you bring");
            text.Length.ShouldBeGreaterThan(600);
            text.ShouldNotContain("WordDocument");
            var html = OttobonJobs.Projections.Jobs.DescriptionHtml.From(posting.DescriptionHtml);
            OttobonJobs.Projections.Jobs.DescriptionHtml.ToPlainText(html).ShouldBe(text);
        }
    }

    [Fact]
    public async Task a_link_that_leaves_the_site_is_not_followed()
    {
        Site.When(IsListing, SiteReply.Html("""
            <article class="article article--result">
              <h3 class="article__header__text__title"><a class="link" href="http://127.0.0.2:1/en_US/careers/JobDetail/X/999002">Analyst</a></h3>
            </article>
            """));

        var result = await ScrapeAsync();

        result.Postings.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().ShouldContain("leads off the site");
    }

    /// <summary>Avature detail page for a posting, with its "Location" field (empty when <paramref name="location"/> is).</summary>
    private static SiteReply DetailPage(string title, string location) => SiteReply.Html($"""
        <!DOCTYPE html><html lang="en"><body class="page page--job-detail"><main><article class="article article--details">
          <header class="article__header"><h2 class="article__header__text__title">{title}</h2></header>
          <div class="article__content">
            <div class="article__view__item view--text"><span class="field-label">Location</span><span class="field-value">{location}</span></div>
            <div class="article__view__item view--rich-text"><span class="field-label">Job description</span><span class="field-value"><p>Work on statutory audits of listed clients: vouching, sampling and drafting the audit file.</p></span></div>
          </div></article></main></body></html>
        """);

    [Fact]
    public async Task a_card_without_a_location_is_placed_by_its_detail_page_before_the_india_filter()
    {
        Site.When(IsListing, SiteReply.Html("""
            <article class="article article--result"><div class="article__header"><div class="article__header__text">
              <h3 class="article__header__text__title"><a class="link" href="/en_US/careers/JobDetail/Audit-Analyst/999101">Audit Analyst</a></h3>
              <div class="article__header__text__subtitle"><span class="list-item-department">Audit &amp; Assurance</span></div>
            </div></div></article>
            <article class="article article--result"><div class="article__header"><div class="article__header__text">
              <h3 class="article__header__text__title"><a class="link" href="/en_US/careers/JobDetail/Tax-Analyst/999102">Tax Analyst</a></h3>
              <div class="article__header__text__subtitle"><span class="list-item-department">Tax</span></div>
            </div></div></article>
            """));
        Site.When(r => r.Mentions("999101"), DetailPage("Audit Analyst", "New York, NY, United States"));
        Site.When(r => r.Mentions("999102"), DetailPage("Tax Analyst", "Pune, Maharashtra, India"));

        var result = await ScrapeAsync();

        var kept = result.Postings.ShouldHaveSingleItem();
        (kept.ExternalId, kept.Location).ShouldBe(("999102", "Pune, Maharashtra, India"));
        result.Skipped.ShouldBe([new SkippedPosting("999101", "Audit Analyst", "New York, NY, United States",
            "the detail page places it in New York, United States, outside India")]);
        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_listing_page_that_links_a_next_page_but_has_no_cards_fails_the_source()
    {
        var listings = 0;
        Site.When(r => IsListing(r) && ++listings == 2, SiteReply.Html("""
            <section class="section--search-results"><div class="list-controls__text__legend">11-20 of 36 results</div></section>
            <div class="list-controls__pagination"><a class="paginationNextLink" href="/en_US/careers/SearchJobs/?jobOffset=20">Next</a></div>
            """));

        var failure = await Should.ThrowAsync<SourceUnavailableException>(() => ScrapeAsync());

        failure.Message.ShouldContain("links a next page but has no job cards");
    }
}
