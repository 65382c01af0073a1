using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Adapters.Scrapers.Kpmg;

/// <summary>
/// KPMG India's careers site is Oracle HCM Cloud's Candidate Experience, which reads two REST resources:
/// a requisition search (paged by offset in the "finder" parameter) and a requisition's details by id.
/// </summary>
public sealed class KpmgScraper(HttpClient http, ScraperServices services) : CareerSiteScraper(http, services)
{
    public const string SearchPath = "/hcmRestApi/resources/latest/recruitingCEJobRequisitions";
    public const string DetailsPath = "/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails";
    private const string SiteNumber = "CX_1";
    private const int PageSize = 25;

    public override string SourceName => Sources.Kpmg;
    public override string CompanyName => "KPMG";

    protected override async Task<ListingPage> ReadListingPageAsync(Uri site, int offset, CancellationToken cancellationToken)
    {
        var url = new Uri(site,
            $"{SearchPath}?onlyData=true&expand=requisitionList&finder=findReqs;siteNumber={SiteNumber},limit={PageSize},offset={offset}");
        var search = await Http.GetJsonAsync<OracleRequisitionSearch>(url, cancellationToken);
        var result = search.Items?.FirstOrDefault();
        var requisitions = result?.RequisitionList
            ?? throw new PageUnreadableException($"{url.AbsolutePath} answered without items[0].requisitionList.");

        var entries = requisitions.Select(job => new ListingEntry(
            job.Id,
            job.Title,
            job.PrimaryLocation ?? (IsRemote(job.WorkplaceType) ? "Remote" : null),
            DateOf(job.PostedDate),
            job.Id)).ToList();

        var end = offset + requisitions.Count;
        return new ListingPage(entries, requisitions.Count > 0 && end < result.TotalJobsCount ? end : null);
    }

    protected override async Task<ScrapedPosting> ReadPostingAsync(Uri site, ListedPosting listed, CancellationToken cancellationToken)
    {
        var url = new Uri(site,
            $"{DetailsPath}?expand=all&onlyData=true&finder=ById;Id=\"{Uri.EscapeDataString(listed.DetailRef)}\",siteNumber={SiteNumber}");
        var details = await Http.GetJsonAsync<OracleRequisitionDetails>(url, cancellationToken);
        var detail = details.Items?.FirstOrDefault()
            ?? throw new PageUnreadableException($"{url.AbsolutePath} has no requisition {listed.ExternalId}.");

        var description = string.Join("\n", Section("About the role", detail.ExternalDescriptionStr)
            .Concat(Section("Responsibilities", detail.ExternalResponsibilitiesStr))
            .Concat(Section("Qualifications", detail.ExternalQualificationsStr)));

        return new ScrapedPosting(
            listed.ExternalId,
            listed.Title,
            listed.Location,
            RequireDescription(description, url.ToString()),
            new Uri(site, $"/hcmUI/CandidateExperience/en/sites/{SiteNumber}/job/{Uri.EscapeDataString(listed.ExternalId)}").ToString(),
            listed.PostedOn);
    }

    /// <summary>A heading and its HTML, or nothing when the part is empty.</summary>
    private static IEnumerable<string> Section(string heading, string? html) =>
        string.IsNullOrWhiteSpace(html) ? [] : [$"<h3>{heading}</h3>", html.Trim()];

    private static bool IsRemote(string? workplaceType) =>
        workplaceType?.Contains("remote", StringComparison.OrdinalIgnoreCase) == true;
}
