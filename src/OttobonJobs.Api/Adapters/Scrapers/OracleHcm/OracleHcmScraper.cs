using OttobonJobs.Api.Adapters.Scrapers.Employers;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters.Scrapers.OracleHcm;

/// <summary>
/// An Oracle HCM Cloud tenant's Candidate Experience sites, read through two REST resources: a requisition search
/// per site number (paged by offset in the "finder" parameter, until TotalJobsCount) and a requisition's details by
/// id. Every configured site number is read in the same run; a requisition published under several is kept once.
/// A salary the employer put in the requisition's flex fields ("Salary Range", "CTC", "Stipend"…) is kept.
/// </summary>
public sealed class OracleHcmScraper(HttpClient http, ScraperServices services, OracleHcmTenant tenant)
    : EmployerScraper<OracleHcmTenant>(http, services, tenant)
{
    public const string SearchPath = "/hcmRestApi/resources/latest/recruitingCEJobRequisitions";
    public const string DetailsPath = "/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails";
    private const int PageSize = 25;

    private static readonly string[] SalaryPrompts = ["salary", "compensation", "ctc", "stipend", "pay"];

    public override string Platform => Platforms.OracleHcm;

    protected override async Task<ListingPage> ReadListingPageAsync(Uri site, int offset, CancellationToken cancellationToken)
    {
        var (list, at) = Split(offset);
        var siteNumber = ListAt(Employer.SiteNumbers, list);
        var url = new Uri(site,
            $"{SearchPath}?onlyData=true&expand=requisitionList.secondaryLocations,flexFieldsFacet.values" +
            $"&finder=findReqs;siteNumber={siteNumber},limit={PageSize},offset={at}");
        var search = await Http.GetJsonAsync<OracleRequisitionSearch>(url, cancellationToken);
        var result = search.Items?.FirstOrDefault();
        var requisitions = result?.RequisitionList
            ?? throw new PageUnreadableException($"{url.AbsolutePath} (site {siteNumber}) answered without items[0].requisitionList.");

        var entries = requisitions.Select(job => new ListingEntry(
            job.Id,
            job.Title,
            job.PrimaryLocation ?? (IsRemote(job.WorkplaceType) ? "Remote" : null),
            DateOf(job.PostedDate),
            job.Id is null ? null : $"{siteNumber}/{job.Id}",
            CountryOr(job.PrimaryLocationCountry))).ToList();

        var end = at + requisitions.Count;
        return Page(entries, list, Employer.SiteNumbers.Count, requisitions.Count > 0 && end < result.TotalJobsCount ? end : null);
    }

    protected override async Task<ScrapedPosting> ReadPostingAsync(Uri site, ListedPosting listed, CancellationToken cancellationToken)
    {
        var siteNumber = listed.DetailRef.Split('/', 2)[0];
        var url = new Uri(site,
            $"{DetailsPath}?expand=all&onlyData=true&finder=ById;Id=\"{Uri.EscapeDataString(listed.ExternalId)}\",siteNumber={siteNumber}");
        var details = await Http.GetJsonAsync<OracleRequisitionDetails>(url, cancellationToken);
        var detail = details.Items?.FirstOrDefault()
            ?? throw new PageUnreadableException($"{url.AbsolutePath} has no requisition {listed.ExternalId}.");

        var description = string.Join("\n", Section("About the role", detail.ExternalDescriptionStr)
            .Concat(Section("Responsibilities", detail.ExternalResponsibilitiesStr))
            .Concat(Section("Qualifications", detail.ExternalQualificationsStr)));

        return new ScrapedPosting(
            listed.ExternalId,
            listed.Title,
            listed.Location ?? Collapse(detail.PrimaryLocation),
            RequireDescription(description, url.ToString()),
            new Uri(site, $"/hcmUI/CandidateExperience/en/sites/{siteNumber}/job/{Uri.EscapeDataString(listed.ExternalId)}").ToString(),
            listed.PostedOn ?? DateOf(detail.ExternalPostedStartDate),
            SalaryOf(detail.RequisitionFlexFields),
            CountryOr(detail.PrimaryLocationCountry) ?? listed.Country);
    }

    /// <summary>The first flex field whose prompt names pay and whose value reads as a salary in rupees.</summary>
    private static SalaryRange? SalaryOf(List<OracleFlexField>? fields) =>
        (fields ?? [])
            .Where(f => f.Prompt is { } prompt && SalaryPrompts.Any(p => prompt.Contains(p, StringComparison.OrdinalIgnoreCase)))
            .Select(f => PublishedSalary.Parse(f.Value))
            .FirstOrDefault(salary => salary is not null);

    /// <summary>A heading and its HTML, or nothing when the part is empty.</summary>
    private static IEnumerable<string> Section(string heading, string? html) =>
        string.IsNullOrWhiteSpace(html) ? [] : [$"<h3>{heading}</h3>", html.Trim()];

    private static bool IsRemote(string? workplaceType) =>
        workplaceType?.Contains("remote", StringComparison.OrdinalIgnoreCase) == true;
}
