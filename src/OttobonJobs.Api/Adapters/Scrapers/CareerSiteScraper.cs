using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.Extensions.Options;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers;

/// <summary>A posting as a listing page shows it; any field may be missing on a real site.</summary>
public sealed record ListingEntry(
    string? ExternalId, string? Title, string? Location, DateTimeOffset? PostedOn, string? DetailRef, string? Country = null);

/// <summary>A listing entry with what a posting needs; <see cref="DetailRef"/> is the adapter's way to its details.</summary>
public sealed record ListedPosting(
    string ExternalId, string Title, string? Location, DateTimeOffset? PostedOn, string DetailRef, string? Country = null);

/// <summary>
/// One listing page, and the offset of the next one (null when this was the last). <see cref="NextStartsAnotherList"/>
/// says the next offset begins another of the employer's lists (a second career site), which may open with postings
/// already seen: a page with nothing new then does not end the listing.
/// </summary>
public sealed record ListingPage(IReadOnlyList<ListingEntry> Entries, int? NextOffset, bool NextStartsAnotherList = false);

/// <summary>What every scraper needs besides its HttpClient, in one parameter.</summary>
public sealed record ScraperServices(
    IOptions<ScraperSettings> Settings,
    PostingFilter Filter,
    CareerSiteAddresses Addresses,
    TimeProvider Clock,
    ILoggerFactory Logs);

/// <summary>
/// The run every career site shares: page through the listing, drop malformed entries and those the filters
/// skip, stop at MaxJobsPerRun, then read the kept postings' details a few at a time. A listing page that
/// cannot be read fails the source (<see cref="SourceUnavailableException"/>); a detail that cannot be read
/// becomes an error entry and the rest carry on. Adapters only say how to read one page and one posting.
/// </summary>
public abstract partial class CareerSiteScraper : ICareerSiteScraper
{
    /// <summary>A guard against a site whose "next" never ends.</summary>
    private const int MaxListingPages = 200;

    private readonly ScraperServices _services;
    private readonly ILogger _log;

    protected CareerSiteScraper(HttpClient http, ScraperServices services)
    {
        _services = services;
        _log = services.Logs.CreateLogger(GetType());
        Http = new CareerSiteHttp(http, services.Settings.Value);
    }

    public abstract string SourceName { get; }
    public abstract string CompanyName { get; }
    public abstract string Platform { get; }

    protected CareerSiteHttp Http { get; }
    protected TimeProvider Clock => _services.Clock;

    /// <summary>Reads the listing page that starts at <paramref name="offset"/> (0 for the first).</summary>
    protected abstract Task<ListingPage> ReadListingPageAsync(Uri site, int offset, CancellationToken cancellationToken);

    /// <summary>Reads a posting's details; throws (typically <see cref="PageUnreadableException"/>) when it can't.</summary>
    protected abstract Task<ScrapedPosting> ReadPostingAsync(Uri site, ListedPosting listed, CancellationToken cancellationToken);

    public async Task<ScrapeResult> ScrapeAsync(CancellationToken cancellationToken)
    {
        var site = await _services.Addresses.BaseUrlAsync(SourceName, cancellationToken);
        var errors = new List<string>();
        var (kept, skipped) = await ReadListingAsync(site, errors, cancellationToken);
        var postings = await ReadPostingsAsync(site, kept, errors, cancellationToken);

        _log.LogInformation("{Company}: {Read} postings read, {Skipped} skipped by the filters, {Errors} errors ({Site})",
            CompanyName, postings.Count, skipped, errors.Count, site);
        return new ScrapeResult(postings, skipped, errors);
    }

    private async Task<(List<ListedPosting> Kept, int Skipped)> ReadListingAsync(
        Uri site, List<string> errors, CancellationToken cancellationToken)
    {
        var source = _services.Settings.Value.For(SourceName);
        var kept = new List<ListedPosting>();
        var seen = new HashSet<string>();
        var skipped = 0;
        int? offset = 0;

        for (var pageNumber = 1; offset is { } current && pageNumber <= MaxListingPages; pageNumber++)
        {
            if (pageNumber > 1 && source.PageDelayMilliseconds > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(source.PageDelayMilliseconds), Clock, cancellationToken);
            }

            var page = await ReadListingPageOrFailAsync(site, current, cancellationToken);
            var fresh = 0;
            foreach (var entry in page.Entries)
            {
                if (Validate(entry, errors) is not { } listed) continue;
                if (!seen.Add(listed.ExternalId)) continue; // sites repeat a posting across pages or within a page
                fresh++;

                if (_services.Filter.ReasonToSkip(listed.Title, listed.Location) is { } reason)
                {
                    skipped++;
                    _log.LogDebug("{Company}: skipped {Title} ({Reason})", CompanyName, listed.Title, reason);
                    continue;
                }
                kept.Add(listed);
                if (kept.Count >= source.MaxJobsPerRun) return (kept, skipped);
            }

            // A page with nothing new ends the listing too, for sites that answer past the end with the last page.
            offset = fresh == 0 && !page.NextStartsAnotherList ? null : page.NextOffset;
        }
        return (kept, skipped);
    }

    private async Task<ListingPage> ReadListingPageOrFailAsync(Uri site, int offset, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadListingPageAsync(site, offset, cancellationToken);
        }
        catch (PageUnreadableException e)
        {
            throw new SourceUnavailableException($"{CompanyName}: the job listing at offset {offset} could not be read: {e.Message}", e);
        }
    }

    private ListedPosting? Validate(ListingEntry entry, List<string> errors)
    {
        var missing = string.IsNullOrWhiteSpace(entry.ExternalId) ? "id"
            : string.IsNullOrWhiteSpace(entry.Title) ? "title"
            : string.IsNullOrWhiteSpace(entry.DetailRef) ? "link to its details"
            : null;
        if (missing is null)
        {
            return new ListedPosting(
                entry.ExternalId!.Trim(), Collapse(entry.Title)!, Collapse(entry.Location), entry.PostedOn, entry.DetailRef!.Trim(),
                Collapse(entry.Country));
        }

        var which = entry.Title ?? entry.ExternalId ?? entry.DetailRef ?? "(nothing readable)";
        errors.Add($"{CompanyName}: a listed posting has no {missing} ({which.Trim()}); skipped.");
        return null;
    }

    private async Task<List<ScrapedPosting>> ReadPostingsAsync(
        Uri site, List<ListedPosting> listed, List<string> errors, CancellationToken cancellationToken)
    {
        // Slots in listing order, so the result does not depend on which detail answered first.
        var postings = new ScrapedPosting?[listed.Count];
        var failures = new string?[listed.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, _services.Settings.Value.DetailParallelism),
            CancellationToken = cancellationToken,
        };

        await Parallel.ForEachAsync(Enumerable.Range(0, listed.Count), parallel, async (i, token) =>
        {
            try
            {
                postings[i] = await ReadPostingAsync(site, listed[i], token);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                failures[i] = $"{CompanyName}: posting {listed[i].ExternalId} ({listed[i].Title}) could not be read: {e.Message}";
                _log.LogWarning(e is PageUnreadableException ? null : e, "{Failure}", failures[i]);
            }
        });

        errors.AddRange(failures.OfType<string>());
        return postings.OfType<ScrapedPosting>().ToList();
    }

    /// <summary>A detail page without any description is a sign its layout changed: better an error than an empty job.</summary>
    protected static string RequireDescription(string? html, string where) =>
        string.IsNullOrWhiteSpace(html) ? throw new PageUnreadableException($"{where} has no job description.") : html.Trim();

    /// <summary>Runs of whitespace as one space, trimmed; null when nothing is left.</summary>
    protected static string? Collapse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A date as sites write them ("2025-09-14", "Sep 14, 2025", ISO with time), read as UTC; null if unreadable.</summary>
    protected static DateTimeOffset? DateOf(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    /// <summary>An element's text with its whitespace collapsed; null when there is none.</summary>
    protected static string? TextOf(IElement? element) => Collapse(element?.TextContent);

    /// <summary>The last non-empty segment of a URL path: "/ey/job/Pune-Analyst/1234/" → "1234".</summary>
    protected static string? LastSegment(string? path) =>
        path?.Split('?', '#')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();

    /// <summary>
    /// Resolves a link found on the site. One that leaves the site is refused: a page must not send the scraper elsewhere.
    /// </summary>
    protected static Uri OnSite(Uri site, string link)
    {
        var url = new Uri(site, link);
        return url.Scheme == site.Scheme && url.Authority == site.Authority
            ? url
            : throw new PageUnreadableException($"the link {link} leads off the site {site.Authority}.");
    }
}
