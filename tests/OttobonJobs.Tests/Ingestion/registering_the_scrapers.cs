using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        using var sample = Build(("Mode", "sample"));
        using var live = Build(("Mode", "live"));

        sample.GetServices<IHostedService>().ShouldContain(s => s is SampleCareerSiteServer);
        live.GetServices<IHostedService>().ShouldNotContain(s => s is SampleCareerSiteServer);
    }

    [Fact]
    public void without_a_mode_production_reads_the_real_sites_and_says_so()
    {
        using var provider = Build();

        provider.GetRequiredService<IOptions<ScraperSettings>>().Value.Mode.ShouldBe(ScraperModes.Live);
        provider.GetServices<IHostedService>().ShouldNotContain(s => s is SampleCareerSiteServer);
        var announced = provider.GetServices<IHostedService>().OfType<ScraperModeAnnouncement>().Single().Announced;
        announced.Level.ShouldBe(LogLevel.Information);
        announced.Text.ShouldStartWith("Scraper mode: live.");
        announced.Text.ShouldContain("Ottobon:Scrapers:Mode (OTTOBON_SCRAPER_MODE) is not set and the environment is Production");
    }

    [Fact]
    public void without_a_mode_development_keeps_the_sample_sites_with_a_warning()
    {
        using var provider = ScraperTestServices.Build([], environment: "Development");

        provider.GetRequiredService<IOptions<ScraperSettings>>().Value.IsSampleMode.ShouldBeTrue();
        provider.GetServices<IHostedService>().ShouldContain(s => s is SampleCareerSiteServer);
        var announced = provider.GetServices<IHostedService>().OfType<ScraperModeAnnouncement>().Single().Announced;
        announced.Level.ShouldBe(LogLevel.Warning);
        announced.Text.ShouldStartWith("Scraper mode: sample.");
        announced.Text.ShouldContain("the environment is Development");
    }

    [Fact]
    public void an_explicit_mode_wins_in_any_environment()
    {
        using var sampleInProduction = Build(("Mode", "Sample"));
        using var liveInDevelopment = ScraperTestServices.Build(new() { ["Ottobon:Scrapers:Mode"] = "live" }, environment: "Development");

        sampleInProduction.GetRequiredService<IOptions<ScraperSettings>>().Value.IsSampleMode.ShouldBeTrue();
        sampleInProduction.GetServices<IHostedService>().OfType<ScraperModeAnnouncement>().Single().Announced.Text
            .ShouldContain("Ottobon:Scrapers:Mode is sample");
        liveInDevelopment.GetRequiredService<IOptions<ScraperSettings>>().Value.Mode.ShouldBe(ScraperModes.Live);
    }

    [Fact]
    public void defaults_are_the_real_sites_a_hundred_jobs_a_run_and_no_page_delay()
    {
        using var provider = Build();
        var settings = provider.GetRequiredService<IOptions<ScraperSettings>>().Value;

        settings.IsSampleMode.ShouldBeFalse();
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
            .Message.ShouldContain("Ottobon:Scrapers:Mode must be one of \"sample\", \"live\", was \"staging\"");
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
