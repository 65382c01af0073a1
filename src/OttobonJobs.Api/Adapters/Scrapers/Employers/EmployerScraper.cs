using System.Globalization;
using OttobonJobs.Domain.Ingestion;

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

    /// <summary>The country the site names (an ISO code such as "IN" spelled out), else the employer's default.</summary>
    protected string? CountryOr(string? named)
    {
        if (string.IsNullOrWhiteSpace(named)) return Employer.DefaultCountry;
        var country = named.Trim();
        if (country.Length != 2) return country;
        try { return new RegionInfo(country).EnglishName; }
        catch (ArgumentException) { return country; }
    }

    /// <summary>The employer's list to read, refusing an offset past them (a bug, not a site problem).</summary>
    protected static T ListAt<T>(IReadOnlyList<T> lists, int list) =>
        list < lists.Count ? lists[list] : throw new PageUnreadableException($"no list {list} (only {lists.Count} configured).");
}
