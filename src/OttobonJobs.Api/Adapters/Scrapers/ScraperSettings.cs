using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using OttobonJobs.Api.Adapters.Scrapers.Employers;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Adapters.Scrapers;

/// <summary>
/// Settings for the career-site scrapers, bound from <c>Ottobon:Scrapers</c>. The title and location filters
/// live beside them under <c>Ottobon:Scrapers:Filters</c> (see <see cref="ScraperSetup"/>).
/// </summary>
public partial class ScraperSettings : IValidatableObject
{
    public const string Section = "Ottobon:Scrapers";

    /// <summary>
    /// "sample" reads the bundled sample sites from an in-process server, so a run works offline; "live" reads the real
    /// career sites at each source's <see cref="CareerSiteSettings.BaseUrl"/>. Not set: see <see cref="ScraperModes.Resolve"/>
    /// (after start this holds the mode in use). Environment: OTTOBON_SCRAPER_MODE.
    /// </summary>
    [OneOf(ScraperModes.Sample, ScraperModes.Live)]
    public string? Mode { get; set; }

    public bool IsSampleMode => string.Equals(Mode, ScraperModes.Sample, StringComparison.OrdinalIgnoreCase);

    /// <summary>How many detail pages of one source are read at once.</summary>
    [Range(1, 32)]
    public int DetailParallelism { get; set; } = 4;

    /// <summary>A response larger than this is refused: a listing or detail page is never near it.</summary>
    [Range(typeof(long), "1024", "1073741824")]
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// A posting whose description has fewer characters of text than this (markup not counted) is an error entry of
    /// the run, not a job: a near-empty description means the page changed or came half.
    /// </summary>
    [Range(0, 10_000)]
    public int MinDescriptionCharacters { get; set; } = 80;

    /// <summary>Port of the sample server; 0 picks a free one. A fixed port keeps sample apply links working across restarts.</summary>
    [Range(0, 65535)]
    public int SamplePort { get; set; }

    public ScraperHttpSettings Http { get; set; } = new();

    public CareerSiteSettings Deloitte { get; set; } = new() { BaseUrl = "https://apply.deloitte.com" };
    public CareerSiteSettings Ey { get; set; } = new() { BaseUrl = "https://careers.ey.com" };

    // The employers on shared platforms, one source each (defaults: DefaultEmployers).
    public WorkdaySettings Workday { get; set; } = new();
    public OracleHcmSettings OracleHcm { get; set; } = new();
    public JobBoardSettings Greenhouse { get; set; } = new();
    public JobBoardSettings Lever { get; set; } = new();
    public JobBoardSettings Ashby { get; set; } = new();

    /// <summary>Every employer on a shared platform, enabled or not, with its configuration key below this section.</summary>
    public IEnumerable<ConfiguredEmployer> AllEmployers() =>
        Workday.Tenants.Select((t, i) => new ConfiguredEmployer(Platforms.Workday, $"Workday:Tenants:{i}", t))
            .Concat(OracleHcm.Tenants.Select((t, i) => new ConfiguredEmployer(Platforms.OracleHcm, $"OracleHcm:Tenants:{i}", t)))
            .Concat(Greenhouse.Boards.Select((b, i) => new ConfiguredEmployer(Platforms.Greenhouse, $"Greenhouse:Boards:{i}", b)))
            .Concat(Lever.Boards.Select((b, i) => new ConfiguredEmployer(Platforms.Lever, $"Lever:Boards:{i}", b)))
            .Concat(Ashby.Boards.Select((b, i) => new ConfiguredEmployer(Platforms.Ashby, $"Ashby:Boards:{i}", b)));

    public IEnumerable<ConfiguredEmployer> Employers() => AllEmployers().Where(e => e.Settings.Enabled);

    public CareerSiteSettings For(string source) => source switch
    {
        Sources.Deloitte => Deloitte,
        Sources.Ey => Ey,
        _ => Employers().FirstOrDefault(e => e.Settings.Source == source)?.Settings
            ?? throw new ArgumentException($"No scraper settings for source \"{source}\".", nameof(source)),
    };

    /// <summary>The settings as configured, over the default employers; job boards without a BaseUrl get their platform's API host.</summary>
    public static ScraperSettings Read(IConfiguration configuration) =>
        (configuration.GetSection(Section).Get<ScraperSettings>() ?? new ScraperSettings()).WithPlatformHosts();

    /// <summary>Fills in each job board's API host where none is configured.</summary>
    public ScraperSettings WithPlatformHosts()
    {
        foreach (var employer in AllEmployers())
        {
            if (employer.Settings is JobBoard board && string.IsNullOrWhiteSpace(board.BaseUrl))
                board.BaseUrl = DefaultEmployers.ApiHostOf(employer.Platform);
        }
        return this;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Http.AttemptTimeout > Http.TotalRequestTimeout)
            yield return new($"must not be longer than Http:TotalRequestTimeout ({Http.TotalRequestTimeout}), was {Http.AttemptTimeout}", ["Http:AttemptTimeout"]);

        foreach (var failure in ValidateEmployers()) yield return failure;
        if (IsSampleMode) yield break;

        foreach (var (name, site) in new[] { ("Deloitte", Deloitte), ("Ey", Ey) })
        {
            if (string.IsNullOrWhiteSpace(site.BaseUrl))
                yield return new("is required in live mode (the career site's scheme and host)", [$"{name}:BaseUrl"]);
        }
        foreach (var failure in Employers().SelectMany(RequiredInLiveMode)) yield return failure;
    }

    /// <summary>Names that stay valid in URLs and unique across platforms; caps in range. Checked in every mode.</summary>
    private IEnumerable<ValidationResult> ValidateEmployers()
    {
        var taken = new Dictionary<string, string> { [Sources.Deloitte] = "Deloitte", [Sources.Ey] = "Ey" };
        foreach (var (_, key, employer) in AllEmployers())
        {
            if (!Slug().IsMatch(employer.Source))
                yield return new($"must be a lower-case slug (letters, digits, '-'; it names the source in URLs), was \"{employer.Source}\"", [$"{key}:Source"]);
            else if (employer.Enabled && !taken.TryAdd(employer.Source, key))
                yield return new($"must be unique across all platforms, \"{employer.Source}\" is taken by {Section}:{taken[employer.Source]}", [$"{key}:Source"]);
            if (string.IsNullOrWhiteSpace(employer.Company))
                yield return new("is required (the company recorded on the jobs)", [$"{key}:Company"]);
            if (employer.MaxJobsPerRun is < 1 or > 10_000)
                yield return new($"must be between 1 and 10000, was {employer.MaxJobsPerRun}", [$"{key}:MaxJobsPerRun"]);
            if (employer.PageDelayMilliseconds is < 0 or > 60_000)
                yield return new($"must be between 0 and 60000, was {employer.PageDelayMilliseconds}", [$"{key}:PageDelayMilliseconds"]);
            if (!new HttpUrlAttribute().IsValid(employer.BaseUrl))
                yield return new($"must be an absolute http(s) URL, was \"{employer.BaseUrl}\"", [$"{key}:BaseUrl"]);
        }
    }

    private static IEnumerable<ValidationResult> RequiredInLiveMode(ConfiguredEmployer employer)
    {
        var key = employer.Key;
        if (string.IsNullOrWhiteSpace(employer.Settings.BaseUrl))
            yield return new("is required in live mode (the tenant's scheme and host)", [$"{key}:BaseUrl"]);
        switch (employer.Settings)
        {
            case WorkdayTenant tenant:
                if (string.IsNullOrWhiteSpace(tenant.Tenant)) yield return new("is required in live mode (the Workday tenant, as in /wday/cxs/{tenant}/)", [$"{key}:Tenant"]);
                if (tenant.Sites.Count == 0 || tenant.Sites.Any(string.IsNullOrWhiteSpace))
                    yield return new("must name at least one career site in live mode (as in /wday/cxs/{tenant}/{site}/)", [$"{key}:Sites"]);
                break;
            case OracleHcmTenant oracle:
                if (oracle.SiteNumbers.Count == 0 || oracle.SiteNumbers.Any(string.IsNullOrWhiteSpace))
                    yield return new("must name at least one site number in live mode (e.g. CX_1)", [$"{key}:SiteNumbers"]);
                break;
            case JobBoard board:
                if (string.IsNullOrWhiteSpace(board.Board)) yield return new("is required in live mode (the job board's token)", [$"{key}:Board"]);
                break;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}

public static class ScraperModes
{
    public const string Sample = "sample";
    public const string Live = "live";

    /// <summary>
    /// The mode asked for or, when none is, sample in Development (a first run works offline) and live in every other
    /// environment, so a deployment that forgets the setting never ingests invented jobs.
    /// </summary>
    public static string Resolve(string? configured, IHostEnvironment environment) =>
        !string.IsNullOrWhiteSpace(configured) ? configured.Trim().ToLowerInvariant()
        : environment.IsDevelopment() ? Sample
        : Live;
}

/// <summary>The sources' names, as <c>ICareerSiteScraper.SourceName</c> gives them.</summary>
public static class Sources
{
    public const string Deloitte = "deloitte";
    public const string Ey = "ey";

    // Two default employers of DefaultEmployers, named here because their job ids go back before configuration did.
    public const string Pwc = "pwc";
    public const string Kpmg = "kpmg";
}

public class CareerSiteSettings
{
    /// <summary>Scheme and host of the career site, e.g. "https://careers.ey.com". Unused in sample mode.</summary>
    [HttpUrl]
    public string BaseUrl { get; set; } = "";

    /// <summary>At most this many postings are kept (after the filters) in one run; the listing stops there.</summary>
    [Range(1, 10_000)]
    public int MaxJobsPerRun { get; set; } = 100;

    /// <summary>A pause between listing pages, to be gentle with the site.</summary>
    [Range(0, 60_000)]
    public int PageDelayMilliseconds { get; set; }
}

/// <summary>The resilience of every request a scraper makes (see <see cref="ScraperSetup"/>).</summary>
public class ScraperHttpSettings
{
    /// <summary>One request from start to its last byte, retries and their waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Reading a body, the longest wait for its next bytes: a site that sends its headers and then stalls fails this
    /// soon, not at <see cref="TotalRequestTimeout"/> (which still bounds the whole request). Not retried: a stalled
    /// body is the site's answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan IdleReadTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>One attempt, until the response headers arrive.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after a 5xx, 408, 429, a timeout or a dropped connection; 0 turns retrying off.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry; it doubles after each one, with jitter (and a Retry-After is honoured).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests in flight to one site at once; more wait their turn.</summary>
    [Range(1, 64)]
    public int MaxConcurrentRequests { get; set; } = 4;
}
