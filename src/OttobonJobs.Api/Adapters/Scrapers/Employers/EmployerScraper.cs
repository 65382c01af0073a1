using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Places;

namespace OttobonJobs.Api.Adapters.Scrapers.Employers;

/// <summary>
/// A scraper for one configured employer on a shared platform: its source name and company come from its settings.
/// An employer with several lists (Workday career sites, Oracle site numbers) reads them one after another in one
/// run: list i's offsets start at i × <see cref="ListStride"/>, so the run flow's single offset walks them all.
/// </summary>
public abstract class EmployerScraper<TSettings>(HttpClient http, ScraperServices services, TSettings employer)
    : CareerSiteScraper(http, services)
    where TSettings : EmployerSettings
{
    protected const int ListStride = 100_000;

    protected TSettings Employer { get; } = employer;

    public override string SourceName => Employer.Source;
    public override string CompanyName => Employer.Company;

    /// <summary>Which list an offset is in, and the offset within it.</summary>
    protected static (int List, int Offset) Split(int offset) => (offset / ListStride, offset % ListStride);

    /// <summary>A page of list <paramref name="list"/>: the next page of the same list, else the start of the next list.</summary>
    protected static ListingPage Page(List<ListingEntry> entries, int list, int lists, int? nextInList) =>
        nextInList is { } next ? new ListingPage(entries, list * ListStride + next)
        : list + 1 < lists ? new ListingPage(entries, (list + 1) * ListStride, NextStartsAnotherList: true)
        : new ListingPage(entries, null);

    /// <summary>
    /// The country the site names, spelled out by the place reader's gazetteer ("IN" and "IND" are India) so it reads
    /// unambiguously beside a location; else the employer's default.
    /// </summary>
    protected string? CountryOr(string? named) =>
        string.IsNullOrWhiteSpace(named) ? Employer.DefaultCountry : PlaceReader.Country(named)?.Name ?? named.Trim();

    /// <summary>The employer's list to read, refusing an offset past them (a bug, not a site problem).</summary>
    protected static T ListAt<T>(IReadOnlyList<T> lists, int list) =>
        list < lists.Count ? lists[list] : throw new PageUnreadableException($"no list {list} (only {lists.Count} configured).");
}
