namespace OttobonJobs.Api.Adapters.Scrapers.Employers;

/// <summary>
/// The employers configured out of the box, as configuration keys beneath whatever the app is given: a setting
/// overrides one field of a default (<c>Ottobon:Scrapers:Workday:Tenants:0:Sites:1</c>), a new index adds an
/// employer (<c>…:Tenants:1:Source</c>), <c>…:Enabled = false</c> drops one. Board tokens and site numbers are
/// our best knowledge of the real ones (see the README): defaults to edit, not facts.
/// </summary>
public static class DefaultEmployers
{
    public const string GreenhouseApi = "https://boards-api.greenhouse.io";
    public const string LeverApi = "https://api.lever.co";
    public const string AshbyApi = "https://api.ashbyhq.com";

    public static readonly IReadOnlyList<WorkdayTenant> Workday =
    [
        new() { Source = "pwc", Company = "PwC", BaseUrl = "https://pwc.wd3.myworkdayjobs.com", Tenant = "pwc",
            Sites = ["Global_Experienced_Careers"], DefaultCountry = "India" },
    ];

    public static readonly IReadOnlyList<OracleHcmTenant> OracleHcm =
    [
        // CX_1 is KPMG India's main site; CX_2 is where we believe its KDNI (KPMG Delivery Network India) postings are.
        new() { Source = "kpmg", Company = "KPMG", BaseUrl = "https://ejgk.fa.em2.oraclecloud.com",
            SiteNumbers = ["CX_1", "CX_2"], DefaultCountry = "India" },
    ];

    public static readonly IReadOnlyList<JobBoard> Greenhouse =
    [
        new() { Source = "postman", Company = "Postman", Board = "postman", DefaultCountry = "India" },
        new() { Source = "phonepe", Company = "PhonePe", Board = "phonepe", DefaultCountry = "India" },
    ];

    public static readonly IReadOnlyList<JobBoard> Lever =
    [
        new() { Source = "cred", Company = "CRED", Board = "cred", DefaultCountry = "India" },
        new() { Source = "meesho", Company = "Meesho", Board = "meesho", DefaultCountry = "India" },
    ];

    public static readonly IReadOnlyList<JobBoard> Ashby =
    [
        new() { Source = "atlan", Company = "Atlan", Board = "atlan", DefaultCountry = "India" },
        new() { Source = "sarvam", Company = "Sarvam AI", Board = "sarvam", DefaultCountry = "India" },
    ];

    /// <summary>The defaults as configuration keys under <c>Ottobon:Scrapers</c>.</summary>
    public static Dictionary<string, string?> AsConfiguration()
    {
        var keys = new Dictionary<string, string?>();
        void Add(string prefix, IReadOnlyList<EmployerSettings> employers)
        {
            for (var i = 0; i < employers.Count; i++)
            {
                var at = $"{ScraperSettings.Section}:{prefix}:{i}";
                var employer = employers[i];
                keys[$"{at}:{nameof(EmployerSettings.Source)}"] = employer.Source;
                keys[$"{at}:{nameof(EmployerSettings.Company)}"] = employer.Company;
                keys[$"{at}:{nameof(EmployerSettings.DefaultCountry)}"] = employer.DefaultCountry;
                if (employer.BaseUrl.Length > 0) keys[$"{at}:{nameof(EmployerSettings.BaseUrl)}"] = employer.BaseUrl;
                switch (employer)
                {
                    case WorkdayTenant tenant:
                        keys[$"{at}:{nameof(WorkdayTenant.Tenant)}"] = tenant.Tenant;
                        for (var s = 0; s < tenant.Sites.Count; s++) keys[$"{at}:{nameof(WorkdayTenant.Sites)}:{s}"] = tenant.Sites[s];
                        break;
                    case OracleHcmTenant oracle:
                        for (var s = 0; s < oracle.SiteNumbers.Count; s++) keys[$"{at}:{nameof(OracleHcmTenant.SiteNumbers)}:{s}"] = oracle.SiteNumbers[s];
                        break;
                    case JobBoard board:
                        keys[$"{at}:{nameof(JobBoard.Board)}"] = board.Board;
                        break;
                }
            }
        }
        Add("Workday:Tenants", Workday);
        Add("OracleHcm:Tenants", OracleHcm);
        Add("Greenhouse:Boards", Greenhouse);
        Add("Lever:Boards", Lever);
        Add("Ashby:Boards", Ashby);
        return keys;
    }

    /// <summary>The platform's API host, for a board configured without a BaseUrl.</summary>
    public static string ApiHostOf(string platform) => platform switch
    {
        Platforms.Greenhouse => GreenhouseApi,
        Platforms.Lever => LeverApi,
        Platforms.Ashby => AshbyApi,
        _ => "",
    };
}
