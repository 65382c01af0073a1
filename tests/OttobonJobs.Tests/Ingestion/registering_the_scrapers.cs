using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Api.Adapters.Scrapers.SampleSites;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Tests.Ingestion;

public class registering_the_scrapers
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings) =>
        ScraperTestServices.Build(settings.ToDictionary(s => $"Ottobon:Scrapers:{s.Key}", s => (string?)s.Value));

    [Fact]
    public void registers_one_scraper_per_source()
    {
        using var provider = Build();

        provider.GetServices<ICareerSiteScraper>().Select(s => s.SourceName).ShouldBe(["deloitte", "pwc", "kpmg", "ey"]);
    }

    [Fact]
    public void the_sample_server_starts_with_the_host_only_in_sample_mode()
    {
        using var sample = Build();
        using var live = Build(("Mode", "live"));

        sample.GetServices<IHostedService>().ShouldContain(s => s is SampleCareerSiteServer);
        live.GetServices<IHostedService>().ShouldNotContain(s => s is SampleCareerSiteServer);
    }

    [Fact]
    public void defaults_are_the_real_sites_a_hundred_jobs_a_run_and_no_page_delay()
    {
        using var provider = Build();
        var settings = provider.GetRequiredService<IOptions<ScraperSettings>>().Value;

        settings.IsSampleMode.ShouldBeTrue();
        settings.Deloitte.BaseUrl.ShouldBe("https://apply.deloitte.com");
        settings.Pwc.BaseUrl.ShouldBe("https://pwc.wd3.myworkdayjobs.com");
        settings.Kpmg.BaseUrl.ShouldBe("https://ejgk.fa.em2.oraclecloud.com");
        settings.Ey.BaseUrl.ShouldBe("https://careers.ey.com");
        settings.Ey.MaxJobsPerRun.ShouldBe(100);
        settings.Ey.PageDelayMilliseconds.ShouldBe(0);
    }

    [Fact]
    public void an_unknown_mode_is_refused()
    {
        using var provider = Build(("Mode", "staging"));

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScraperSettings>>().Value)
            .Message.ShouldContain("must be \"sample\" or \"live\"");
    }

    [Fact]
    public void configured_filter_lists_replace_the_defaults()
    {
        using var provider = Build(
            ("Filters:RejectedTitleWords:0", "intern"),
            ("Filters:KeepRemote", "false"));
        var filter = provider.GetRequiredService<PostingFilter>();

        filter.IsEntryLevelTitle("Tax Intern").ShouldBeFalse();
        filter.IsEntryLevelTitle("Senior Analyst").ShouldBeTrue();
        filter.IsWantedLocation("Remote").ShouldBeFalse();
        filter.IsWantedLocation("Pune").ShouldBeTrue();
    }

    [Fact]
    public void without_filter_settings_the_defaults_apply()
    {
        var options = ScraperSetup.ReadFilterOptions(new ConfigurationBuilder().Build().GetSection(ScraperSetup.FiltersSection));

        options.ShouldBeEquivalentTo(new PostingFilterOptions());
    }
}
