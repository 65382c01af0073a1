namespace OttobonJobs.Api.Adapters.Scrapers.Employers;

/// <summary>The platforms a career site runs on, as the API and the Ingestion page name them.</summary>
public static class Platforms
{
    public const string Avature = "avature";
    public const string Workday = "workday";
    public const string OracleHcm = "oracle-hcm";
    public const string Greenhouse = "greenhouse";
    public const string Lever = "lever";
    public const string Ashby = "ashby";
    public const string SuccessFactors = "successfactors";

    public static readonly IReadOnlyList<string> All = [Avature, Workday, OracleHcm, Greenhouse, Lever, Ashby, SuccessFactors];
}

/// <summary>
/// One employer on a shared platform: its own source (lock, caps, politeness delay, HttpClient and resilience pipeline).
/// <see cref="CareerSiteSettings.BaseUrl"/> is the tenant's host, or the platform's API host for job boards.
/// </summary>
public class EmployerSettings : CareerSiteSettings
{
    /// <summary>The source's name in URLs, logs and locks: a lower-case slug, unique across all platforms ("pwc").</summary>
    public string Source { get; set; } = "";

    /// <summary>The company recorded on its jobs ("PwC"); with the external id it derives the job's id, so keep it stable.</summary>
    public string Company { get; set; } = "";

    /// <summary>The country of a posting that names none (e.g. "India").</summary>
    public string? DefaultCountry { get; set; }

    /// <summary>False leaves the employer out (the way to drop a default one).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>A Workday tenant: <c>POST {BaseUrl}/wday/cxs/{Tenant}/{Site}/jobs</c> for every one of its career sites.</summary>
public class WorkdayTenant : EmployerSettings
{
    public string Tenant { get; set; } = "";

    /// <summary>Its career sites ("Global_Experienced_Careers"), all read in one run; a job on several counts once.</summary>
    public List<string> Sites { get; set; } = [];
}

/// <summary>An Oracle HCM Candidate Experience tenant and the site numbers it publishes under ("CX_1").</summary>
public class OracleHcmTenant : EmployerSettings
{
    public List<string> SiteNumbers { get; set; } = [];
}

/// <summary>An employer's public job board on Greenhouse, Lever or Ashby: the board token ("postman").</summary>
public class JobBoard : EmployerSettings
{
    public string Board { get; set; } = "";
}

public class WorkdaySettings
{
    public List<WorkdayTenant> Tenants { get; set; } = [];
}

public class OracleHcmSettings
{
    public List<OracleHcmTenant> Tenants { get; set; } = [];
}

public class JobBoardSettings
{
    public List<JobBoard> Boards { get; set; } = [];
}

/// <summary>A configured employer as the registration and the Ingestion page see it.</summary>
public sealed record ConfiguredEmployer(string Platform, string Key, EmployerSettings Settings);
