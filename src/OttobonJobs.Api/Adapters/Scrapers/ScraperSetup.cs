using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.Scrapers.Deloitte;
using OttobonJobs.Api.Adapters.Scrapers.Ey;
using OttobonJobs.Api.Adapters.Scrapers.Ashby;
using OttobonJobs.Api.Adapters.Scrapers.Employers;
using OttobonJobs.Api.Adapters.Scrapers.Greenhouse;
using OttobonJobs.Api.Adapters.Scrapers.Lever;
using OttobonJobs.Api.Adapters.Scrapers.OracleHcm;
using OttobonJobs.Api.Adapters.Scrapers.Workday;
using OttobonJobs.Api.Adapters.Scrapers.SampleSites;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Ingestion;
using Polly;

namespace OttobonJobs.Api.Adapters.Scrapers;

/// <summary>
/// Registers the career-site scrapers as <see cref="ICareerSiteScraper"/>: Deloitte and EY, and one per configured
/// employer on Workday, Oracle HCM, Greenhouse, Lever and Ashby (<see cref="DefaultEmployers"/> beneath the
/// configuration). Each has its own HttpClient, named after its source, behind its own resilience pipeline, and, in
/// sample mode, the sample server they read.
/// </summary>
public static class ScraperSetup
{
    public const string UserAgent = "OttobonJobsBot/1.0 (+https://jobs.ottobon.cloud/bot)";
    public const string FiltersSection = ScraperSettings.Section + ":Filters";

    /// <summary>Requests that may wait for a free slot under MaxConcurrentRequests before one is refused.</summary>
    private const int QueuedRequestsPerSite = 100;

    public static IServiceCollection AddCareerSiteScrapers(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configuredMode = configuration[$"{ScraperSettings.Section}:{nameof(ScraperSettings.Mode)}"];
        var mode = ScraperModes.Resolve(configuredMode, environment);
        // The default employers sit beneath the app's configuration, so a setting changes or adds to them key by key.
        var withDefaults = new ConfigurationBuilder()
            .AddInMemoryCollection(DefaultEmployers.AsConfiguration())
            .AddConfiguration(configuration)
            .Build();
        services.AddValidatedSettings<ScraperSettings>(withDefaults, ScraperSettings.Section)
            .PostConfigure(settings =>
            {
                settings.Mode = mode;
                settings.WithPlatformHosts();
            });

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new PostingFilter(ReadFilterOptions(configuration.GetSection(FiltersSection))));
        services.AddSingleton<SampleCareerSiteServer>();
        services.AddSingleton<CareerSiteAddresses>();
        services.AddSingleton<ScraperServices>();

        services.AddHostedService(provider => new ScraperModeAnnouncement(
            ScraperModeAnnouncement.Describe(mode, configuredMode, environment), provider.GetRequiredService<ILogger<ScraperModeAnnouncement>>()));
        if (mode == ScraperModes.Sample)
        {
            services.AddHostedService(provider => provider.GetRequiredService<SampleCareerSiteServer>());
        }

        services.AddScraper(Sources.Deloitte, (http, provider) => new DeloitteScraper(http, provider.GetRequiredService<ScraperServices>()));
        // Registered from the configuration as it is now; a source that is invalid fails the start (validation) anyway.
        foreach (var employer in ScraperSettings.Read(withDefaults).Employers())
        {
            var source = employer.Settings.Source;
            services.AddScraper(source, (http, provider) => Create(employer.Platform, source, http, provider));
        }
        services.AddScraper(Sources.Ey, (http, provider) => new EyScraper(http, provider.GetRequiredService<ScraperServices>()));
        return services;
    }

    /// <summary>The scraper for a configured employer, with its settings as validated at start.</summary>
    private static ICareerSiteScraper Create(string platform, string source, HttpClient http, IServiceProvider provider)
    {
        var scraping = provider.GetRequiredService<ScraperServices>();
        var employer = scraping.Settings.Value.Employers().Single(e => e.Settings.Source == source).Settings;
        return (platform, employer) switch
        {
            (Platforms.Workday, WorkdayTenant tenant) => new WorkdayScraper(http, scraping, tenant),
            (Platforms.OracleHcm, OracleHcmTenant tenant) => new OracleHcmScraper(http, scraping, tenant),
            (Platforms.Greenhouse, JobBoard board) => new GreenhouseScraper(http, scraping, board),
            (Platforms.Lever, JobBoard board) => new LeverScraper(http, scraping, board),
            (Platforms.Ashby, JobBoard board) => new AshbyScraper(http, scraping, board),
            _ => throw new InvalidOperationException($"No scraper for {platform} source \"{source}\"."),
        };
    }

    /// <summary>A scraper on its own HttpClient, named after its source: its own handler, pipeline and concurrency limit.</summary>
    private static void AddScraper(this IServiceCollection services, string source, Func<HttpClient, IServiceProvider, ICareerSiteScraper> create)
    {
        services.AddHttpClient(source, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-IN,en;q=0.9");
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline and CareerSiteHttp time requests out
            })
            .AddResilienceHandler("career-site", (pipeline, context) =>
                AddCareerSitePolicies(pipeline, context.ServiceProvider.GetRequiredService<IOptions<ScraperSettings>>().Value.Http));
        services.AddTransient<ICareerSiteScraper>(provider =>
            create(provider.GetRequiredService<IHttpClientFactory>().CreateClient(source), provider));
    }

    /// <summary>
    /// From the outside in: a deadline for the whole request, retries with exponential backoff and jitter on
    /// 5xx, 408, 429, timeouts and dropped connections (honouring Retry-After), a limit on requests in flight to
    /// the site (each attempt takes a slot, so waiting to retry does not hold one), and a timeout per attempt.
    /// </summary>
    private static void AddCareerSitePolicies(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ScraperHttpSettings http)
    {
        pipeline.AddTimeout(http.TotalRequestTimeout);
        if (http.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = http.MaxRetries,
                Delay = http.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }
        pipeline.AddConcurrencyLimiter(Math.Max(1, http.MaxConcurrentRequests), QueuedRequestsPerSite);
        pipeline.AddTimeout(http.AttemptTimeout);
    }

    /// <summary>
    /// Reads the filters by hand: the configuration binder would append configured words to the default lists,
    /// and a list given in configuration is meant to replace them.
    /// </summary>
    internal static PostingFilterOptions ReadFilterOptions(IConfigurationSection section)
    {
        var defaults = new PostingFilterOptions();
        return new PostingFilterOptions
        {
            RejectedTitleWords = section.GetSection(nameof(defaults.RejectedTitleWords)).Get<string[]>() ?? defaults.RejectedTitleWords,
            AcceptedCountries = section.GetSection(nameof(defaults.AcceptedCountries)).Get<string[]>() ?? defaults.AcceptedCountries,
            KeepRemote = section.GetValue(nameof(defaults.KeepRemote), defaults.KeepRemote),
            KeepUnknownLocation = section.GetValue(nameof(defaults.KeepUnknownLocation), defaults.KeepUnknownLocation),
        };
    }
}
