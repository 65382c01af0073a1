using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;
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

        provider.GetServices<ICareerSiteScraper>().Select(s => s.SourceName).ShouldBe(ScraperTestServices.DefaultSources);
        provider.GetServices<ICareerSiteScraper>().Select(s => (s.SourceName, s.Platform)).ShouldContain(("kpmg", "oracle-hcm"));
    }

    [Fact]
    public void each_configured_employer_is_a_source_of_its_platform_with_its_own_http_client()
    {
        using var provider = Build(
            ("Workday:Tenants:1:Source", "nvidia"), ("Workday:Tenants:1:Company", "NVIDIA"),
            ("Workday:Tenants:1:BaseUrl", "https://nvidia.wd5.myworkdayjobs.com"), ("Workday:Tenants:1:Tenant", "nvidia"),
            ("Workday:Tenants:1:Sites:0", "NVIDIAExternalCareerSite"),
            ("Greenhouse:Boards:2:Source", "acme"), ("Greenhouse:Boards:2:Company", "Acme"), ("Greenhouse:Boards:2:Board", "acme"),
            ("Lever:Boards:1:Enabled", "false"));

        var scrapers = provider.GetServices<ICareerSiteScraper>().ToList();
        scrapers.Single(s => s.SourceName == "nvidia").ShouldSatisfyAllConditions(
            s => s.CompanyName.ShouldBe("NVIDIA"), s => s.Platform.ShouldBe("workday"));
        scrapers.Single(s => s.SourceName == "acme").Platform.ShouldBe("greenhouse");
        scrapers.ShouldNotContain(s => s.SourceName == "meesho");
        var settings = provider.GetRequiredService<IOptions<ScraperSettings>>().Value;
        settings.For("acme").BaseUrl.ShouldBe("https://boards-api.greenhouse.io");
        settings.For("pwc").BaseUrl.ShouldBe("https://pwc.wd3.myworkdayjobs.com");

        // Each source has its own named client, so its own handler, resilience pipeline and concurrency limit.
        var clients = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>();
        foreach (var source in scrapers.Select(s => s.SourceName))
            clients.Get(source).HttpMessageHandlerBuilderActions.ShouldNotBeEmpty(source);
        clients.Get("meesho").HttpMessageHandlerBuilderActions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Workday:Tenants:0:Sites:0", " ", "Ottobon:Scrapers:Workday:Tenants:0:Sites must name at least one career site in live mode")]
    [InlineData("Workday:Tenants:0:Tenant", " ", "Ottobon:Scrapers:Workday:Tenants:0:Tenant is required in live mode")]
    [InlineData("OracleHcm:Tenants:0:SiteNumbers:1", " ", "Ottobon:Scrapers:OracleHcm:Tenants:0:SiteNumbers must name at least one site number in live mode")]
    [InlineData("Greenhouse:Boards:1:Board", " ", "Ottobon:Scrapers:Greenhouse:Boards:1:Board is required in live mode")]
    [InlineData("Lever:Boards:0:Source", "CRED India", "Ottobon:Scrapers:Lever:Boards:0:Source must be a lower-case slug")]
    [InlineData("Ashby:Boards:1:Source", "pwc", "Ottobon:Scrapers:Ashby:Boards:1:Source must be unique across all platforms, \"pwc\" is taken by Ottobon:Scrapers:Workday:Tenants:0")]
    [InlineData("Ashby:Boards:0:Source", "ey", "Ottobon:Scrapers:Ashby:Boards:0:Source must be unique across all platforms, \"ey\" is taken by Ottobon:Scrapers:Ey")]
    [InlineData("Greenhouse:Boards:0:Company", " ", "Ottobon:Scrapers:Greenhouse:Boards:0:Company is required")]
    [InlineData("OracleHcm:Tenants:0:MaxJobsPerRun", "0", "Ottobon:Scrapers:OracleHcm:Tenants:0:MaxJobsPerRun must be between 1 and 10000, was 0")]
    [InlineData("Workday:Tenants:0:BaseUrl", "pwc.wd3.myworkdayjobs.com", "Ottobon:Scrapers:Workday:Tenants:0:BaseUrl must be an absolute http(s) URL")]
    // Blank values are a space: an empty one does not hide the default beneath (the configuration chain skips it).
    public void an_employer_configured_wrong_is_refused_naming_the_full_key(string key, string value, string expected)
    {
        using var provider = Build(("Mode", "live"), (key, value));

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScraperSettings>>().Value)
            .Message.ShouldContain(expected);
    }

    [Fact]
    public void in_sample_mode_the_platform_fields_are_not_needed_but_names_still_are()
    {
        using var missingTenant = Build(("Mode", "sample"), ("Workday:Tenants:0:Tenant", " "));
        using var badName = Build(("Mode", "sample"), ("Workday:Tenants:0:Source", "P W C"));

        missingTenant.GetRequiredService<IOptions<ScraperSettings>>().Value.IsSampleMode.ShouldBeTrue();
        Should.Throw<OptionsValidationException>(() => badName.GetRequiredService<IOptions<ScraperSettings>>().Value)
            .Message.ShouldContain("Ottobon:Scrapers:Workday:Tenants:0:Source must be a lower-case slug");
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
        settings.Ey.BaseUrl.ShouldBe("https://careers.ey.com");
        var pwc = settings.Workday.Tenants.ShouldHaveSingleItem();
        (pwc.Source, pwc.Company, pwc.BaseUrl, pwc.Tenant, pwc.DefaultCountry).ShouldBe(("pwc", "PwC", "https://pwc.wd3.myworkdayjobs.com", "pwc", "India"));
        pwc.Sites.ShouldBe(["Global_Experienced_Careers"]);
        var kpmg = settings.OracleHcm.Tenants.ShouldHaveSingleItem();
        (kpmg.Source, kpmg.Company, kpmg.BaseUrl).ShouldBe(("kpmg", "KPMG", "https://ejgk.fa.em2.oraclecloud.com"));
        kpmg.SiteNumbers.ShouldBe(["CX_1", "CX_2"]);
        settings.Greenhouse.Boards.ShouldAllBe(b => b.BaseUrl == "https://boards-api.greenhouse.io");
        settings.Lever.Boards.ShouldAllBe(b => b.BaseUrl == "https://api.lever.co");
        settings.Ashby.Boards.ShouldAllBe(b => b.BaseUrl == "https://api.ashbyhq.com");
        settings.For("pwc").MaxJobsPerRun.ShouldBe(100);
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
