using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.Extensions.Options;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Domain.Places;

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
/// The run every career site shares: page through the listing, drop malformed entries and those the title and
/// location filters skip, read the other postings' details a few at a time, and judge each again on what its detail
/// page says (a listing that names no place, "39 Locations" or an empty card, is decided there), until MaxJobsPerRun
/// postings are kept. A listing page that cannot be read fails the source (<see cref="SourceUnavailableException"/>);
/// a detail that cannot be read becomes an error entry and the rest carry on. Every skipped posting records why.
/// Adapters only say how to read one page and one posting.
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
        var run = new RunState();
        var complete = await ReadListingAsync(site, run, cancellationToken);

        _log.LogInformation("{Company}: {Read} postings read, {Skipped} skipped by the filters, {Errors} errors, listing {Complete} ({Site})",
            CompanyName, run.Kept.Count, run.Skipped.Count, run.Errors.Count, complete ? "read to its end" : "not read to its end", site);
        return new ScrapeResult(run.Kept, run.Skipped, run.Errors, complete);
    }

    /// <summary>What the run has so far: kept postings, skipped ones with why, and errors, all in listing order.</summary>
    private sealed class RunState
    {
        public List<ScrapedPosting> Kept { get; } = [];
        public List<SkippedPosting> Skipped { get; } = [];
        public List<string> Errors { get; } = [];
        public HashSet<string> Seen { get; } = [];
    }

    /// <summary>Pages through the listing, reading each page's candidates' details; true when the listing was read to its end.</summary>
    private async Task<bool> ReadListingAsync(Uri site, RunState run, CancellationToken cancellationToken)
    {
        var source = _services.Settings.Value.For(SourceName);
        int? offset = 0;

        for (var pageNumber = 1; offset is { } current; pageNumber++)
        {
            if (pageNumber > MaxListingPages) return false;
            if (pageNumber > 1 && source.PageDelayMilliseconds > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(source.PageDelayMilliseconds), Clock, cancellationToken);
            }

            var page = await ReadListingPageOrFailAsync(site, current, cancellationToken);
            if (page.Entries.Count == 0 && page.NextOffset is not null)
            {
                throw new SourceUnavailableException(
                    $"{CompanyName}: the job listing page at offset {current} says more pages follow but lists no postings: a page cut short, not the end.");
            }
            var candidates = new List<ListedPosting>();
            var fresh = 0;
            foreach (var entry in page.Entries)
            {
                if (Validate(entry, run.Errors) is not { } listed) continue;
                if (!run.Seen.Add(listed.ExternalId)) continue; // sites repeat a posting across pages or within a page
                fresh++;

                // A listing that names no place is not judged on it: the detail page says where the posting is.
                var where = Located(listed.Location, listed.Country);
                var reason = _services.Filter.TitleReason(listed.Title)
                    ?? (_services.Filter.NeedsDetail(where) ? null : _services.Filter.ReasonToSkip(listed.Title, where));
                if (reason is not null) Skip(run, listed.ExternalId, listed.Title, listed.Location, reason);
                else candidates.Add(listed);
            }

            // Details are read in turns of what is still wanted, so MaxJobsPerRun counts postings kept after the detail check.
            for (var next = 0; next < candidates.Count;)
            {
                var wanted = source.MaxJobsPerRun - run.Kept.Count;
                var turn = candidates.Skip(next).Take(wanted).ToList();
                next += turn.Count;
                await ReadPostingsAsync(site, turn, run, cancellationToken);
                if (run.Kept.Count >= source.MaxJobsPerRun)
                    return next >= candidates.Count && (fresh == 0 || page.NextOffset is null);
            }

            // A page with nothing new ends the listing too, for sites that answer past the end with the last page.
            offset = fresh == 0 && !page.NextStartsAnotherList ? null : page.NextOffset;
        }
        return true;
    }

    private void Skip(RunState run, string externalId, string title, string? location, string reason)
    {
        run.Skipped.Add(new SkippedPosting(externalId, title, location, reason));
        _log.LogDebug("{Company}: skipped {Title} ({Reason})", CompanyName, title, reason);
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

    /// <summary>
    /// Reads the details of <paramref name="listed"/> a few at a time, then judges each again on what its detail page
    /// says: its location when it gives one (or the listing named none), its title when it differs from the listing's.
    /// </summary>
    private async Task ReadPostingsAsync(Uri site, List<ListedPosting> listed, RunState run, CancellationToken cancellationToken)
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

        for (var i = 0; i < listed.Count; i++)
        {
            if (failures[i] is { } failure) run.Errors.Add(failure);
            if (postings[i] is not { } posting) continue;
            if (ReasonToSkipAfterDetail(listed[i], posting) is { } reason) Skip(run, posting.ExternalId, posting.Title, posting.Location, reason);
            else run.Kept.Add(posting);
        }
    }

    private string? ReasonToSkipAfterDetail(ListedPosting listed, ScrapedPosting posting)
    {
        var filter = _services.Filter;
        var titleReason = posting.Title != listed.Title ? filter.TitleReason(posting.Title) : null;
        if (titleReason is not null) return titleReason;
        var judgeDetail = filter.NeedsDetail(Located(listed.Location, listed.Country))
            || !string.IsNullOrWhiteSpace(posting.Location) && posting.Location != listed.Location;
        return judgeDetail ? filter.LocationReason(PlaceReader.Read(Located(posting.Location, posting.Country)), PostingFilter.FromDetail) : null;
    }

    /// <summary>
    /// The location to judge: as written, or with the country the site names apart (or the employer's configured
    /// default) when the text itself places the posting in no country ("Koramangala", "Remote", "Multiple Locations").
    /// </summary>
    private static string? Located(string? location, string? country) =>
        string.IsNullOrWhiteSpace(country) || PlaceReader.Read(location).Places.Any(place => place.CountryCode is not null)
            ? location
            : string.IsNullOrWhiteSpace(location) ? country : $"{location}, {country}";

    /// <summary>
    /// A detail page without a description, or with only a few words of text in its markup, is a sign its layout
    /// changed or the page came half: better an error entry for that posting than an empty job made active.
    /// The text is measured as search and the AI will read it (<see cref="DescriptionHtml.ToPlainText"/>).
    /// </summary>
    protected string RequireDescription(string? html, string where)
    {
        if (string.IsNullOrWhiteSpace(html)) throw new PageUnreadableException($"{where} has no job description.");
        var minimum = _services.Settings.Value.MinDescriptionCharacters;
        var characters = DescriptionHtml.ToPlainText(html).Length;
        return characters >= minimum
            ? html.Trim()
            : throw new PageUnreadableException($"{where}: the description has only {characters} characters of text (at least {minimum} expected).");
    }

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
