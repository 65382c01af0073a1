using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.Scrapers.Deloitte;
using OttobonJobs.Api.Adapters.Scrapers.Ey;
using OttobonJobs.Api.Adapters.Scrapers.Kpmg;
using OttobonJobs.Api.Adapters.Scrapers.Pwc;
using OttobonJobs.Api.Adapters.Scrapers.SampleSites;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Ingestion;
using Polly;

namespace OttobonJobs.Api.Adapters.Scrapers;

/// <summary>
/// Registers the four career-site scrapers as <see cref="ICareerSiteScraper"/>, each with its own HttpClient
/// (named after its source) behind a resilience pipeline, and, in sample mode, the sample server they read.
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
        services.AddValidatedSettings<ScraperSettings>(configuration, ScraperSettings.Section)
            .PostConfigure(settings => settings.Mode = mode);

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

        services.AddScraper<DeloitteScraper>(Sources.Deloitte);
        services.AddScraper<PwcScraper>(Sources.Pwc);
        services.AddScraper<KpmgScraper>(Sources.Kpmg);
        services.AddScraper<EyScraper>(Sources.Ey);
        return services;
    }

    private static void AddScraper<TScraper>(this IServiceCollection services, string source)
        where TScraper : class, ICareerSiteScraper
    {
        services.AddHttpClient<TScraper>(source, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-IN,en;q=0.9");
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline and CareerSiteHttp time requests out
            })
            .AddResilienceHandler("career-site", (pipeline, context) =>
                AddCareerSitePolicies(pipeline, context.ServiceProvider.GetRequiredService<IOptions<ScraperSettings>>().Value.Http));
        services.AddTransient<ICareerSiteScraper>(provider => provider.GetRequiredService<TScraper>());
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
