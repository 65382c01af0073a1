using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Api.Adapters.Scrapers.Employers;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>
/// The scrapers as the app registers them (<see cref="ScraperSetup.AddCareerSiteScrapers"/>), configured from an
/// in-memory configuration with short timeouts and retry delays so failure tests take milliseconds.
/// </summary>
internal static class ScraperTestServices
{
    public static Dictionary<string, string?> FastSettings() => new()
    {
        ["Ottobon:Scrapers:Http:TotalRequestTimeout"] = "00:00:05",
        ["Ottobon:Scrapers:Http:AttemptTimeout"] = "00:00:02",
        ["Ottobon:Scrapers:Http:MaxRetries"] = "2",
        ["Ottobon:Scrapers:Http:RetryDelay"] = "00:00:00.010",
        ["Ottobon:Scrapers:MaxResponseBytes"] = (256 * 1024).ToString(),
    };

    /// <summary>Live mode, every source pointed at <paramref name="site"/>; <paramref name="tweak"/> changes any setting.</summary>
    public static ServiceProvider Against(FakeCareerSite site, Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = FastSettings();
        settings["Ottobon:Scrapers:Mode"] = ScraperModes.Live;
        foreach (var key in BaseUrlKeys()) settings[key] = site.BaseUrl.ToString();
        tweak?.Invoke(settings);
        return Build(settings);
    }

    /// <summary>The BaseUrl setting of every source configured by default: Deloitte, EY and each default employer.</summary>
    public static IEnumerable<string> BaseUrlKeys() =>
        new[] { "Ottobon:Scrapers:Deloitte:BaseUrl", "Ottobon:Scrapers:Ey:BaseUrl" }.Concat(
            new ScraperSettings
            {
                Workday = new() { Tenants = [.. DefaultEmployers.Workday] },
                OracleHcm = new() { Tenants = [.. DefaultEmployers.OracleHcm] },
                Greenhouse = new() { Boards = [.. DefaultEmployers.Greenhouse] },
                Lever = new() { Boards = [.. DefaultEmployers.Lever] },
                Ashby = new() { Boards = [.. DefaultEmployers.Ashby] },
            }.AllEmployers().Select(e => $"Ottobon:Scrapers:{e.Key}:BaseUrl"));

    /// <summary>Leaves the default job boards out: for tests about the four big sites' runs, not about the boards.</summary>
    public static void WithoutJobBoards(Dictionary<string, string?> settings)
    {
        foreach (var (platform, count) in new[] { ("Greenhouse", DefaultEmployers.Greenhouse.Count), ("Lever", DefaultEmployers.Lever.Count), ("Ashby", DefaultEmployers.Ashby.Count) })
            for (var i = 0; i < count; i++) settings[$"Ottobon:Scrapers:{platform}:Boards:{i}:Enabled"] = "false";
    }

    /// <summary>Every source configured by default, in registration order.</summary>
    public static readonly string[] DefaultSources =
        ["deloitte", "pwc", "kpmg", "postman", "phonepe", "cred", "meesho", "atlan", "sarvam", "ey"];

    public static ServiceProvider Build(Dictionary<string, string?> settings, string environment = "Production")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCareerSiteScrapers(configuration, new HostingEnvironment { EnvironmentName = environment });
        return services.BuildServiceProvider();
    }
}
