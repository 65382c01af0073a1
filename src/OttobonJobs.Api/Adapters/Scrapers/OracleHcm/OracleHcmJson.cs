namespace OttobonJobs.Api.Adapters.Scrapers.OracleHcm;

// The parts of Oracle HCM Cloud's recruiting REST resources that the Oracle HCM scraper reads.

/// <summary>recruitingCEJobRequisitions with finder=findReqs: one search, in items[0].</summary>
public sealed record OracleRequisitionSearch(List<OracleSearchResult>? Items);

public sealed record OracleSearchResult(int TotalJobsCount, List<OracleRequisition>? RequisitionList);

/// <summary>
/// <see cref="PostedDate"/> is "2025-09-14"; <see cref="PrimaryLocationCountry"/> an ISO code ("IN");
/// <see cref="WorkplaceType"/> "On-site", "Hybrid" or "Remote".
/// </summary>
public sealed record OracleRequisition(
    string? Id, string? Title, string? PrimaryLocation, string? PrimaryLocationCountry, string? PostedDate, string? WorkplaceType);

/// <summary>recruitingCEJobRequisitionDetails with finder=ById: the requisition in items[0].</summary>
public sealed record OracleRequisitionDetails(List<OracleRequisitionDetail>? Items);

/// <summary>The three parts of the description, each HTML and each possibly empty; flex fields as prompt and value.</summary>
public sealed record OracleRequisitionDetail(
    string? Id,
    string? Title,
    string? PrimaryLocation,
    string? PrimaryLocationCountry,
    string? ExternalPostedStartDate,
    string? ExternalDescriptionStr,
    string? ExternalResponsibilitiesStr,
    string? ExternalQualificationsStr,
    List<OracleFlexField>? RequisitionFlexFields);

/// <summary>A requisition flex field: {"Prompt": "Salary Range", "Value": "₹6,00,000 - ₹9,00,000"}.</summary>
public sealed record OracleFlexField(string? Prompt, string? Value);
