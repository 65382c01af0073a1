namespace OttobonJobs.Api.Adapters.Scrapers.Kpmg;

// The parts of Oracle HCM Cloud's recruiting REST resources that the KPMG scraper reads.

/// <summary>recruitingCEJobRequisitions with finder=findReqs: one search, in items[0].</summary>
public sealed record OracleRequisitionSearch(List<OracleSearchResult>? Items);

public sealed record OracleSearchResult(int TotalJobsCount, List<OracleRequisition>? RequisitionList);

/// <summary><see cref="PostedDate"/> is "2025-09-14"; <see cref="WorkplaceType"/> is "On-site", "Hybrid" or "Remote".</summary>
public sealed record OracleRequisition(string? Id, string? Title, string? PrimaryLocation, string? PostedDate, string? WorkplaceType);

/// <summary>recruitingCEJobRequisitionDetails with finder=ById: the requisition in items[0].</summary>
public sealed record OracleRequisitionDetails(List<OracleRequisitionDetail>? Items);

/// <summary>The three parts of the description, each HTML and each possibly empty.</summary>
public sealed record OracleRequisitionDetail(
    string? Id,
    string? Title,
    string? ExternalDescriptionStr,
    string? ExternalResponsibilitiesStr,
    string? ExternalQualificationsStr);
