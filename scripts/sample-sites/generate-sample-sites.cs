// Writes the sample career sites that sample mode serves (src/OttobonJobs.Api/Adapters/Scrapers/SampleSites/):
// listing and detail responses for Deloitte (Avature HTML), PwC (Workday JSON, Workday/{tenant}/{site}/), KPMG (Oracle HCM JSON, OracleHcm/{siteNumber}/) and
// EY (SuccessFactors HTML), in each site's own format. The postings are invented for Ottobon Jobs and are marked
// as sample data; the output is deterministic and committed, so run this only to change the samples:
//
//   dotnet run scripts/sample-sites/generate-sample-sites.cs
#:property PublishAot=false
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

const string SampleNote = "Sample data written for Ottobon Jobs; not real postings";
var root = args.Length > 0 ? args[0] : "src/OttobonJobs.Api/Adapters/Scrapers/SampleSites";
var json = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

WriteDeloitte(Catalogue.For("Deloitte", seed: 11, Catalogue.DeloitteCities));
WritePwc(Catalogue.For("PwC", seed: 23, Catalogue.PwcCities));
WriteKpmg(Catalogue.For("KPMG", seed: 37, Catalogue.KpmgCities));
WriteEy(Catalogue.For("EY", seed: 41, Catalogue.EyCities));
Console.WriteLine($"Sample sites written under {root}");

void Write(string path, string text)
{
    var full = Path.Combine(root, path);
    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    File.WriteAllText(full, text.ReplaceLineEndings("\n"));
}

string Html(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

string Json(JsonNode node) => node.ToJsonString(json) + "\n";

// ---------------------------------------------------------------- Deloitte: Avature, 10 cards a page
void WriteDeloitte(List<Posting> postings)
{
    const int perPage = 10;
    for (var offset = 0; offset < postings.Count; offset += perPage)
    {
        var page = postings.Skip(offset).Take(perPage).ToList();
        var cards = new StringBuilder();
        foreach (var p in page)
        {
            var location = p.Location is null ? "" : $"""

                          <div class="article__header__text__subtitle">
                            <span class="list-item-department">{Html(p.Family.Team)}</span>
                            <span class="list-item-location">{Html(p.Location)}</span>
                          </div>
            """;
            cards.Append($"""
                      <article class="article article--result">
                        <div class="article__header">
                          <div class="article__header__text">
                            <h3 class="article__header__text__title article__header__text__title--4">
                              <a class="link" href="https://apply.deloitte.com/en_US/careers/JobDetail/{p.Slug}/{p.Id}">{Html(p.Title)}</a>
                            </h3>{location}
                          </div>
                        </div>
                      </article>

            """);
        }
        var next = offset + perPage < postings.Count
            ? $"""<a class="paginationNextLink" href="https://apply.deloitte.com/en_US/careers/SearchJobs/?listFilterMode=1&amp;jobRecordsPerPage={perPage}&amp;jobOffset={offset + perPage}">Next &gt;&gt;</a>"""
            : "";
        Write($"Deloitte/search-offset-{offset}.html", $"""
            <!DOCTYPE html>
            <!-- {SampleNote}. Markup modelled on an Avature search results page. -->
            <html lang="en">
            <head><meta charset="utf-8"><title>Search Jobs | Deloitte Careers (sample)</title></head>
            <body class="page page--search-jobs">
              <main>
                <section class="section section--search-results">
                  <div class="section__header">
                    <h2 class="section__header__text__title">Job search results</h2>
                    <div class="list-controls__text__legend">{offset + 1}-{offset + page.Count} of {postings.Count} results</div>
                  </div>
                  <div class="section__content">
            {cards}      </div>
                  <div class="list-controls__pagination">{next}</div>
                </section>
              </main>
            </body>
            </html>

            """);
    }

    foreach (var p in postings)
    {
        Write($"Deloitte/jobs/{p.Id}.html", $"""
            <!DOCTYPE html>
            <!-- {SampleNote}. Markup modelled on an Avature job detail page. -->
            <html lang="en">
            <head><meta charset="utf-8"><title>{Html(p.Title)} | Deloitte Careers (sample)</title></head>
            <body class="page page--job-detail">
              <main>
                <article class="article article--details">
                  <header class="article__header"><h2 class="article__header__text__title">{Html(p.Title)}</h2></header>
                  <div class="article__content">
                    <div class="article__view__item view--text"><span class="field-label">Job ID</span><span class="field-value">{p.Id}</span></div>
                    <div class="article__view__item view--text"><span class="field-label">Location</span><span class="field-value">{Html(p.Location ?? "")}</span></div>
                    <div class="article__view__item view--rich-text"><span class="field-label">Job description</span><span class="field-value">{DeloitteDescription(p)}</span></div>
                    <div class="article__view__item view--rich-text"><span class="field-label">Qualifications</span><span class="field-value"><h4>What you bring</h4>{p.NeedsHtml}</span></div>
                    <div class="article__view__item view--rich-text"><span class="field-label">About the team</span><span class="field-value">{p.ClosingHtml}</span></div>
                  </div>
                  <a class="button button--primary" href="https://apply.deloitte.com/en_US/careers/ApplicationMethods?jobId={p.Id}">Apply now</a>
                </article>
              </main>
            </body>
            </html>

            """);
    }
}

// Deloitte's real descriptions come from a rich-text editor: most wrap everything in <font face="tahoma" size="2">
// with <b> headings and <br>s, some are pasted from Word (MsoNormal paragraphs, <o:p>, a conditional comment, list
// paragraphs with a Symbol-font "·" instead of <li>); the rest are clean HTML.
string DeloitteDescription(Posting p) => (p.Index % 3) switch
{
    0 => $"""<div><p><font face="tahoma" size="2"><b>Your work profile</b><br>{Html(p.Intro)}</font></p><font face="tahoma" size="2"><b>What you will do</b><br>{p.DutiesHtml}</font></div>""",
    1 => "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View><w:TrackMoves>false</w:TrackMoves></w:WordDocument></xml><![endif]-->"
        + $"""<p class=MsoNormal><span style='font-family:"Arial",sans-serif'>{Html(p.Intro)}<o:p></o:p></span></p>"""
        + """<p class=MsoNormal><b><span style='font-family:"Arial",sans-serif'>What you will do<o:p></o:p></span></b></p>"""
        + string.Concat(p.DutyLines.Select(duty =>
            $"""<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span><![endif]><span style='font-family:"Arial",sans-serif'>{Html(duty)}</span><o:p></o:p></p>"""))
        + "<p class=MsoNormal><o:p>&nbsp;</o:p></p>",
    _ => $"{p.OverviewHtml}\n<h4>What you will do</h4>{p.DutiesHtml}",
};

// ---------------------------------------------------------------- PwC: Workday cxs JSON, 20 a page
void WritePwc(List<Posting> postings)
{
    const int perPage = 20;
    for (var offset = 0; offset < postings.Count; offset += perPage)
    {
        var jobs = new JsonArray();
        foreach (var p in postings.Skip(offset).Take(perPage))
        {
            jobs.Add(new JsonObject
            {
                ["title"] = p.Title,
                ["externalPath"] = $"/job/{p.WorkdayPlace}/{p.Slug}_{p.Id}",
                ["locationsText"] = p.SeveralLocations ? "2 Locations" : p.Location,
                ["postedOn"] = p.PostedOnWorkday,
                ["bulletFields"] = new JsonArray(p.Id),
            });
        }
        Write($"Workday/pwc/Global_Experienced_Careers/jobs-offset-{offset}.json", Json(new JsonObject
        {
            ["_sample"] = SampleNote,
            // Workday gives the total on the first page only.
            ["total"] = offset == 0 ? postings.Count : 0,
            ["jobPostings"] = jobs,
            ["facets"] = new JsonArray(),
            ["userAuthenticated"] = false,
        }));
    }

    foreach (var p in postings)
    {
        var path = $"/job/{p.WorkdayPlace}/{p.Slug}_{p.Id}";
        Write($"Workday/pwc/Global_Experienced_Careers/job/{p.Slug}_{p.Id}.json", Json(new JsonObject
        {
            ["_sample"] = SampleNote,
            ["jobPostingInfo"] = new JsonObject
            {
                ["id"] = $"sample{p.Id.ToLowerInvariant()}",
                ["title"] = p.Title,
                ["jobDescription"] = $"{p.OverviewHtml}<h4>What you will do</h4>{p.DutiesHtml}<h4>What you bring</h4>{p.NeedsHtml}{p.ClosingHtml}",
                ["location"] = p.Location ?? p.City?.Name,
                ["additionalLocations"] = p.SeveralLocations ? new JsonArray("Kolkata") : null,
                ["postedOn"] = p.PostedOnWorkday,
                ["startDate"] = p.Posted.ToString("yyyy-MM-dd"),
                ["timeType"] = p.Level == Level.Intern ? "Part time" : "Full time",
                ["jobReqId"] = p.Id,
                ["jobPostingId"] = $"{p.Slug}_{p.Id}",
                ["jobPostingSiteId"] = "Global_Experienced_Careers",
                ["country"] = new JsonObject { ["descriptor"] = p.Country, ["id"] = "sample-country" },
                ["canApply"] = true,
                ["externalUrl"] = $"https://pwc.wd3.myworkdayjobs.com/Global_Experienced_Careers{path}",
            },
            ["hiringOrganization"] = new JsonObject { ["name"] = "PwC (sample)", ["url"] = "" },
        }));
    }
}

// ---------------------------------------------------------------- KPMG: Oracle HCM REST JSON, 25 a page
void WriteKpmg(List<Posting> postings)
{
    const int perPage = 25;
    for (var offset = 0; offset < postings.Count; offset += perPage)
    {
        var list = new JsonArray();
        foreach (var p in postings.Skip(offset).Take(perPage))
        {
            list.Add(new JsonObject
            {
                ["Id"] = p.Id,
                ["Title"] = p.Title,
                ["PostedDate"] = p.Posted.ToString("yyyy-MM-dd"),
                ["PrimaryLocation"] = p.Remote ? null : p.Location,
                ["PrimaryLocationCountry"] = p.CountryCode,
                ["WorkplaceType"] = p.Remote ? "Remote" : p.Index % 3 == 0 ? "Hybrid" : "On-site",
                ["ShortDescriptionStr"] = p.Intro,
            });
        }
        Write($"OracleHcm/CX_1/requisitions-offset-{offset}.json", Json(new JsonObject
        {
            ["_sample"] = SampleNote,
            ["items"] = new JsonArray(new JsonObject
            {
                ["SearchId"] = 1,
                ["Keyword"] = null,
                ["Limit"] = perPage,
                ["Offset"] = offset,
                ["SortBy"] = "POSTING_DATES_DESC",
                ["TotalJobsCount"] = postings.Count,
                ["requisitionList"] = list,
            }),
            ["count"] = 1,
            ["hasMore"] = false,
            ["limit"] = perPage,
            ["offset"] = 0,
        }));
    }

    foreach (var p in postings)
    {
        Write($"OracleHcm/CX_1/requisition/{p.Id}.json", Json(new JsonObject
        {
            ["_sample"] = SampleNote,
            ["items"] = new JsonArray(new JsonObject
            {
                ["Id"] = p.Id,
                ["Title"] = p.Title,
                ["PrimaryLocation"] = p.Location,
                ["ExternalPostedStartDate"] = $"{p.Posted:yyyy-MM-dd}T04:30:00+00:00",
                ["JobFamily"] = p.Family.Team,
                ["Organization"] = "KPMG (sample)",
                ["ExternalDescriptionStr"] = p.OverviewHtml,
                ["ExternalResponsibilitiesStr"] = p.DutiesHtml,
                ["ExternalQualificationsStr"] = p.NeedsHtml + p.ClosingHtml,
                // Some requisitions publish their pay in a flex field, as real Oracle HCM tenants do.
                ["requisitionFlexFields"] = p.Index % 4 == 1
                    ? new JsonArray(new JsonObject { ["Prompt"] = "Salary Range", ["Value"] = $"₹{3 + p.Index % 3},00,000 - ₹{6 + p.Index % 3},00,000 per annum" })
                    : new JsonArray(),
            }),
            ["count"] = 1,
            ["hasMore"] = false,
            ["limit"] = 25,
            ["offset"] = 0,
        }));
    }
}

// ---------------------------------------------------------------- EY: SuccessFactors HTML, 25 rows a page
void WriteEy(List<Posting> postings)
{
    const int perPage = 25;
    for (var offset = 0; offset < postings.Count + perPage; offset += perPage) // and an empty page past the end
    {
        var rows = new StringBuilder();
        var page = postings.Skip(offset).Take(perPage).ToList();
        foreach (var p in page)
        {
            var href = $"/ey/job/{p.EySlug}/{p.Id}/";
            // Real India search rows often carry no date at all: then only the job page has it.
            var date = p.Index % 3 == 0 ? p.Posted.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture) : null;
            var phoneDate = date is null ? "" : $"""<span class="jobDate visible-phone">{date}</span>""";
            var rowDate = date is null ? "" : $"""<span class="jobDate">{date}</span>""";
            var location = p.Location is null ? "" : $"""<span class="jobLocation">{Html(p.Location)}</span>""";
            rows.Append($"""
                      <tr class="data-row">
                        <td class="colTitle" headers="hdrTitle">
                          <span class="jobTitle hidden-phone"><a href="{href}" class="jobTitle-link">{Html(p.Title)}</a></span>
                          <div class="jobdetail-phone visible-phone">
                            <span class="jobTitle visible-phone"><a class="jobTitle-link" href="{href}">{Html(p.Title)}</a></span>
                            <span class="jobLocation visible-phone">{location}</span>
                            {phoneDate}
                          </div>
                        </td>
                        <td class="colLocation hidden-phone" headers="hdrLocation">{location}</td>
                        <td class="colDate hidden-phone" nowrap="nowrap" headers="hdrDate">{rowDate}</td>
                      </tr>

            """);
        }
        var summary = page.Count == 0
            ? "There are currently no open positions matching this search."
            : $"Results {offset + 1} – {offset + page.Count} of {postings.Count}";
        Write($"Ey/search-startrow-{offset}.html", $"""
            <!DOCTYPE html>
            <!-- {SampleNote}. Markup modelled on a SuccessFactors career site search page. -->
            <html lang="en-US">
            <head><meta charset="utf-8"><title>Search results | EY Careers (sample)</title></head>
            <body class="coreCSB search-page">
              <div class="searchResultsShell">
                <div class="paginationShell"><span class="paginationLabel">{summary}</span></div>
                <table id="searchresults" class="searchResults full table table-striped table-hover">
                  <thead><tr><th id="hdrTitle">Title</th><th id="hdrLocation">Location</th><th id="hdrDate">Date</th></tr></thead>
                  <tbody>
            {rows}        </tbody>
                </table>
              </div>
            </body>
            </html>

            """);
    }

    foreach (var p in postings)
    {
        Write($"Ey/job/{p.Id}.html", $"""
            <!DOCTYPE html>
            <!-- {SampleNote}. Markup modelled on a SuccessFactors career site job page. -->
            <html lang="en-US">
            <head><meta charset="utf-8"><title>{Html(p.Title)} | EY Careers (sample)</title></head>
            <body class="coreCSB job-page">
              <div class="jobDisplayShell" itemscope="itemscope" itemtype="http://schema.org/JobPosting">
                <h1 id="job-title" itemprop="title">{Html(p.Title)}</h1>
                <p id="job-location"><span itemprop="jobLocation" class="jobGeoLocation">{Html(p.Location ?? "")}</span></p>
                {EyJobDate(p)}
                <div class="job">
                  <span class="jobdescription" itemprop="description">{p.OverviewHtml}
            <h4>Your key responsibilities</h4>{p.DutiesHtml}
            <h4>Skills and attributes for success</h4>{p.NeedsHtml}{p.ClosingHtml}</span>
                </div>
                <a class="btn btn-primary btn-large btn-lg apply dialogApplyBtn" href="/talentcommunity/apply/{p.Id}/">Apply now</a>
              </div>
            </body>
            </html>

            """);
    }
}

// The job page names its date as microdata text, as a <meta> (ISO date) or only in a JSON-LD JobPosting.
string EyJobDate(Posting p) => (p.Index % 3) switch
{
    0 => $"""<p id="job-date"><span itemprop="datePosted">{p.Posted:ddd MMM dd yyyy}</span></p>""",
    1 => $"""<meta itemprop="datePosted" content="{p.Posted:yyyy-MM-dd}">""",
    _ => "<script type=\"application/ld+json\">" + new JsonObject
    {
        ["@context"] = "https://schema.org", ["@type"] = "JobPosting", ["title"] = p.Title,
        ["datePosted"] = $"{p.Posted:yyyy-MM-dd}T00:00:00.000Z",
        ["hiringOrganization"] = new JsonObject { ["@type"] = "Organization", ["name"] = "EY" },
    }.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "</script>",
};

enum Level { Intern, Graduate, Early }

enum Kind { EntryLevel, Senior, Abroad }

record City(string Name, string State, string StateCode, string Pin);

record Family(string Team, string Blurb, string[] Titles, string[] Duties, string[] Needs, string[] Skills, string Degree);

record Posting(int Index, string Company, string Id, string Title, Family Family, City? City, string? Abroad, Kind Kind,
    DateOnly Posted, string Intro, string OverviewHtml, string DutiesHtml, string NeedsHtml, string ClosingHtml)
{
    public bool NoLocation { get; init; }
    public string[] DutyLines { get; init; } = [];
    public bool SeveralLocations { get; init; }
    public bool Remote { get; init; }

    public Level Level => Title.Contains("Intern") ? Level.Intern
        : Title.Contains("Trainee") || Title.Contains("Graduate") ? Level.Graduate : Level.Early;

    public string Country => Abroad is null ? "India" : Abroad.Split(", ").Last();
    public string CountryCode => Abroad is null ? "IN" : "XX";

    /// <summary>The location as this company's site writes it; null when the listing shows none.</summary>
    public string? Location => NoLocation ? null
        : Abroad ?? Company switch
        {
            "PwC" => City!.Name,
            "EY" => $"{City!.Name}, {City.StateCode}, IN, {City.Pin}",
            _ => $"{City!.Name}, {City.State}, India",
        };

    public string Slug => Catalogue.Slug(Title);
    public string WorkdayPlace => Catalogue.Slug(Abroad?.Split(", ")[0] ?? City!.Name);
    public string EySlug => Catalogue.Slug($"{Abroad?.Split(", ")[0] ?? City!.Name} {Title} {City?.StateCode ?? ""} {City?.Pin ?? ""}");

    public string PostedOnWorkday => (new DateOnly(2026, 11, 28).DayNumber - Posted.DayNumber) switch
    {
        0 => "Posted Today",
        1 => "Posted Yesterday",
        > 30 => "Posted 30+ Days Ago",
        var days => $"Posted {days} Days Ago",
    };
}

static class Catalogue
{
    static readonly City Bengaluru = new("Bengaluru", "Karnataka", "KA", "560071");
    static readonly City Mumbai = new("Mumbai", "Maharashtra", "MH", "400051");
    static readonly City Gurugram = new("Gurugram", "Haryana", "HR", "122002");
    static readonly City Hyderabad = new("Hyderabad", "Telangana", "TS", "500081");
    static readonly City Pune = new("Pune", "Maharashtra", "MH", "411006");
    static readonly City Chennai = new("Chennai", "Tamil Nadu", "TN", "600113");
    static readonly City Kolkata = new("Kolkata", "West Bengal", "WB", "700091");
    static readonly City NewDelhi = new("New Delhi", "Delhi", "DL", "110001");
    static readonly City Noida = new("Noida", "Uttar Pradesh", "UP", "201301");
    static readonly City Kochi = new("Kochi", "Kerala", "KL", "682030");
    static readonly City Ahmedabad = new("Ahmedabad", "Gujarat", "GJ", "380015");
    static readonly City Jaipur = new("Jaipur", "Rajasthan", "RJ", "302017");
    static readonly City Thiruvananthapuram = new("Thiruvananthapuram", "Kerala", "KL", "695581");
    static readonly City Vadodara = new("Vadodara", "Gujarat", "GJ", "390007");
    static readonly City Coimbatore = new("Coimbatore", "Tamil Nadu", "TN", "641014");
    static readonly City Mysuru = new("Mysuru", "Karnataka", "KA", "570016");
    static readonly City Bhubaneswar = new("Bhubaneswar", "Odisha", "OD", "751024");
    static readonly City Indore = new("Indore", "Madhya Pradesh", "MP", "452010");

    public static readonly City[] DeloitteCities = [Hyderabad, Bengaluru, Mumbai, Pune, Gurugram, Chennai, Kolkata, NewDelhi, Ahmedabad, Kochi, Jaipur, Coimbatore, Vadodara];
    public static readonly City[] PwcCities = [Bengaluru, Kolkata, Mumbai, Hyderabad, Gurugram, Chennai, Pune, Ahmedabad, Bhubaneswar, NewDelhi];
    public static readonly City[] KpmgCities = [Bengaluru, Gurugram, Mumbai, Kochi, Pune, Hyderabad, Noida, Chennai, Kolkata, Ahmedabad, Vadodara, Indore];
    public static readonly City[] EyCities = [Bengaluru, Kolkata, Kochi, Thiruvananthapuram, Hyderabad, Chennai, Noida, Gurugram, Pune, Mumbai, Mysuru, Coimbatore];

    static readonly string[] Sectors =
    [
        "banking and capital markets", "insurance", "consumer and retail", "automotive", "energy and utilities",
        "healthcare and life sciences", "telecom and media", "public sector", "technology", "industrial manufacturing",
        "real estate and infrastructure", "asset management",
    ];

    static readonly string[] SeniorTitles =
    [
        "Senior Consultant – Risk Advisory", "Manager – Direct Tax", "Associate Director – Deals", "Team Lead – SAP Technology",
        "Sr. Data Engineer", "Principal Architect – Cloud", "Assistant Manager – Statutory Audit", "Director – Cyber Security",
        "Head of Learning & Development", "Senior Associate – Valuations",
    ];

    static readonly string[] AbroadPlaces =
    [
        "London, United Kingdom", "Singapore", "Dubai, United Arab Emirates", "Toronto, Ontario, Canada",
        "Sydney, New South Wales, Australia", "New York, NY, United States",
    ];

    static readonly string[] Learning =
    [
        "In your first year you will rotate across two or three engagements, so you see how different clients run their business and find the work you enjoy most.",
        "You will learn on the job from seniors who review your work line by line, and through a structured onboarding programme in your first month.",
        "Every new joiner is paired with a buddy and a counsellor who meet with you regularly to plan your learning and your next step.",
        "We expect curiosity more than experience: you will be trained on our methodology, our tools and the client's systems before you work on them.",
        "You will present your findings to seniors and, as you grow, directly to client teams, so clear writing and speaking matter as much as analysis.",
        "Expect a mix of desk work, client calls and, on some engagements, visits to client sites in and around the city.",
    ];

    static readonly string[] Closings =
    [
        "We offer hybrid working, medical insurance for you and your family, and paid study leave for professional exams.",
        "You will get access to our learning platform, sponsored certifications relevant to your track, and a transparent performance review twice a year.",
        "Our offices are close to metro and bus routes; late-evening work is the exception, and we provide transport when it happens.",
        "We are an equal opportunity employer and welcome applications from women returning to work, people with disabilities and LGBTQ+ candidates.",
        "Selected candidates take an online aptitude test, a technical interview and a conversation with a partner or director.",
        "Joining dates are flexible for final-semester students; we can wait for your results before you start.",
    ];

    static readonly Family[] Families =
    [
        new("Audit & Assurance",
            "The team audits the financial statements of listed companies and large private groups under Ind AS and IFRS.",
            ["Audit Associate", "Assurance Analyst", "Graduate Trainee – Audit & Assurance", "Audit Intern", "Article Assistant – Statutory Audit", "Associate – External Audit"],
            ["Vouch revenue, expense and payroll transactions against invoices, contracts and bank statements",
             "Prepare lead schedules and reconcile the trial balance to the financial statements",
             "Test the design and operating effectiveness of controls over purchases, sales and payroll",
             "Send and track bank, debtor and creditor confirmations and follow up on differences",
             "Document audit work in the firm's audit software so a reviewer can follow it without asking",
             "Attend physical inventory counts at client warehouses and reconcile the counts to the books",
             "Draft observations on control gaps for the audit manager's review",
             "Check related-party disclosures and statutory compliance under the Companies Act, 2013",
             "Analyse month-on-month movements in expenses and ask the client for explanations",
             "Help prepare audit committee presentations and the management letter"],
            ["A good grasp of accounting standards and double-entry bookkeeping", "Comfort with Excel: VLOOKUP/XLOOKUP, pivot tables and basic formulas",
             "Attention to detail and the patience to trace a number to its source", "Clear written English for working papers and emails",
             "Willingness to travel to client locations for a few days at a time", "An interest in how businesses actually make and spend money",
             "Respect for deadlines during the busy audit season (April to July)"],
            ["Tally or SAP FI exposure", "Data analytics tools such as IDEA or ACL", "Knowledge of Ind AS 115 and Ind AS 116"],
            "B.Com, BBA or M.Com; CA Inter (both groups) cleared, or a newly qualified CA"),
        new("Tax",
            "The team handles direct and indirect tax compliance and advice for Indian companies and multinationals with operations here.",
            ["Tax Analyst – Direct Tax", "Associate – Indirect Tax (GST)", "Tax Intern", "Graduate Trainee – Transfer Pricing", "Analyst – Global Mobility Tax", "Associate – Corporate Tax Compliance"],
            ["Prepare income tax computations and draft corporate tax returns for review",
             "Reconcile GST returns (GSTR-1, GSTR-3B) with the books and GSTR-2B, and explain differences",
             "Research sections of the Income-tax Act and recent rulings and summarise them in plain language",
             "Compile documentation for tax audits and transfer pricing studies",
             "Benchmark comparable companies using databases such as Prowess and Capitaline",
             "Track notices on the income tax and GST portals and draft first responses",
             "Compute TDS obligations and reconcile Form 26AS and AIS with the client's records",
             "Prepare tax equalisation and payroll tax workings for employees on international assignments",
             "Maintain trackers of deadlines for every client in your portfolio",
             "Join client calls to gather information and take clear notes"],
            ["A sound understanding of the Income-tax Act and the basics of GST", "Strong Excel skills and a careful eye for numbers",
             "The ability to read a statute or a ruling and explain what it means", "Good written English for memos and emails",
             "A methodical way of working with checklists and trackers", "Interest in tax policy and the Union Budget",
             "Comfort working to statutory deadlines"],
            ["CA Inter or CMA Inter", "Experience with GST or income tax portals", "Knowledge of transfer pricing regulations"],
            "B.Com, M.Com or LLB; CA Inter, CMA Inter or a newly qualified CA"),
        new("Consulting",
            "The team helps clients redesign processes, set up operating models and deliver large transformation programmes.",
            ["Business Analyst – Consulting", "Consultant – Strategy & Operations", "Analyst – Supply Chain Consulting", "Consulting Intern", "Associate – Customer Transformation", "Analyst – Human Capital"],
            ["Interview client staff and map current processes into clear flow diagrams",
             "Build Excel models to size costs, savings and the effect of different options",
             "Create PowerPoint slides that tell a clear story from data for senior reviewers",
             "Research markets, competitors and regulations and write concise summaries",
             "Track project plans, risks and actions in a programme management office",
             "Help run client workshops: preparing material, capturing decisions and following up",
             "Write user stories and acceptance criteria with business and technology teams",
             "Analyse survey and operational data to find where a process loses time or money",
             "Prepare weekly status reports for the engagement lead",
             "Support testing and training when a new process or system goes live"],
            ["Structured problem solving: breaking a question into parts you can answer", "Strong Excel and PowerPoint skills",
             "Confident communication with people more senior than you", "Curiosity about how organisations work",
             "Comfort with ambiguity and changing priorities", "The ability to work in a team across locations and time zones",
             "Willingness to travel for client work when needed"],
            ["Case competition or consulting club experience", "Basics of SQL or Power BI", "Knowledge of Lean or Six Sigma"],
            "A bachelor's degree in engineering, commerce or economics, or an MBA from the 2025 or 2026 batch"),
        new("Technology",
            "The team implements enterprise platforms and builds cloud applications for clients in India, the US and Europe.",
            ["Associate Software Engineer", "Analyst – SAP S/4HANA", "Cloud Engineer – Graduate Trainee", "Technology Consultant – Salesforce", "Analyst – ServiceNow Developer", "Associate – Oracle Fusion Finance"],
            ["Write, test and review code in Java, C# or Python under the guidance of a technical lead",
             "Configure modules of an enterprise platform to match the client's business processes",
             "Build and maintain REST APIs and integrations between systems",
             "Write unit tests and fix defects found in system and user acceptance testing",
             "Automate builds and deployments with CI/CD pipelines on Azure DevOps or GitHub Actions",
             "Document configurations and technical designs so the next person can pick them up",
             "Take part in stand-ups, sprint planning and retrospectives in an agile team",
             "Support data migration: mapping, cleansing and validating records",
             "Learn the client's business domain well enough to question a requirement",
             "Provide first-line support after go-live and hand over to the client's team"],
            ["Programming fundamentals in at least one language (Java, C#, Python or JavaScript)", "Knowledge of SQL and relational databases",
             "A basic understanding of cloud concepts (compute, storage, networking)", "Problem solving shown through projects, internships or coding contests",
             "Clear communication with non-technical colleagues", "Willingness to learn a new platform quickly",
             "Familiarity with Git"],
            ["A cloud fundamentals certification (AZ-900, AWS Cloud Practitioner)", "Exposure to SAP, Salesforce or ServiceNow", "Basics of Docker and Kubernetes"],
            "B.E./B.Tech in computer science, IT or electronics, MCA, or M.Sc. in computer science (2025 or 2026 batch)"),
        new("Cyber Security",
            "The team protects clients from cyber threats, running security operations and assessing applications and cloud estates.",
            ["Cyber Security Analyst – SOC", "Associate – Identity & Access Management", "Analyst – Vulnerability Assessment & Penetration Testing", "Cyber Risk Intern", "Consultant – Cloud Security", "Graduate Trainee – Cyber Defence"],
            ["Monitor alerts in a SIEM such as Microsoft Sentinel or Splunk and triage them",
             "Investigate suspicious activity and escalate incidents with a clear timeline",
             "Run vulnerability scans and help validate findings with the application team",
             "Support access reviews, joiner-mover-leaver processes and role design",
             "Review cloud configurations against CIS benchmarks and write remediation steps",
             "Help assess clients against ISO 27001, NIST CSF and RBI or SEBI cyber guidelines",
             "Write clear incident and assessment reports for technical and business readers",
             "Keep playbooks and runbooks up to date",
             "Track threat intelligence relevant to the client's sector",
             "Work in shifts for security operations engagements where the client needs 24x7 cover"],
            ["Networking fundamentals: TCP/IP, DNS, HTTP, firewalls", "Familiarity with Windows and Linux administration",
             "An understanding of common attacks and the OWASP Top 10", "An analytical mind and calm under pressure",
             "Good written English for reports", "Interest shown through CTFs, home labs or open-source work",
             "Willingness to work in rotational shifts when the engagement requires it"],
            ["CEH, CompTIA Security+ or eJPT", "Scripting in Python or PowerShell", "Exposure to Azure AD / Entra ID or Okta"],
            "B.E./B.Tech, B.Sc. or M.Sc. in computer science, IT or cyber security"),
        new("Data & Analytics",
            "The team turns client data into dashboards, forecasts and data platforms that decision makers actually use.",
            ["Data Analyst", "Associate – Data Engineering", "Analyst – Power BI & Visualisation", "Data Science Intern", "Graduate Trainee – AI & Analytics", "Analyst – Data Governance"],
            ["Write SQL to extract, join and clean data from client systems",
             "Build Power BI or Tableau dashboards and explain them to business users",
             "Develop data pipelines in Python, PySpark or Azure Data Factory",
             "Profile datasets and document data quality issues and their fixes",
             "Support machine learning work: feature preparation, model training and evaluation",
             "Maintain a data dictionary and lineage for the datasets you touch",
             "Automate recurring reports that used to be made by hand in Excel",
             "Validate numbers against source systems before anything is published",
             "Present findings in short, well-labelled charts",
             "Follow data privacy rules, including the Digital Personal Data Protection Act"],
            ["Strong SQL and working knowledge of Python", "Statistics basics: distributions, sampling, regression",
             "Experience with a BI tool from coursework, projects or internships", "The habit of checking your own numbers",
             "Clear explanations of analysis to non-specialists", "Curiosity about the business problem behind the data",
             "Comfort with large, messy datasets"],
            ["Azure, AWS or GCP data services", "Databricks or Snowflake", "A Kaggle or GitHub portfolio"],
            "B.E./B.Tech, B.Sc. or M.Sc. in statistics, mathematics, computer science or economics"),
        new("Risk Advisory",
            "The team helps clients manage risk: internal audit, controls testing, regulatory compliance and enterprise risk.",
            ["Analyst – Internal Audit", "Associate – Risk Advisory (SOX)", "Risk Consulting Intern", "Analyst – Regulatory Compliance (Banking)", "Associate – Enterprise Risk", "Graduate Trainee – Controls Assurance"],
            ["Walk through business processes with process owners and document the key risks and controls",
             "Test controls by sampling transactions and checking the evidence",
             "Draft internal audit observations with their root cause and an agreed action",
             "Help build risk and control matrices for finance, procurement and IT processes",
             "Compare a bank's policies with RBI circulars and note the gaps",
             "Follow up with management on open audit actions and report progress",
             "Support SOX and IFC testing for listed companies",
             "Analyse data to find exceptions such as duplicate payments or split purchase orders",
             "Prepare reports and dashboards for audit committees",
             "Keep working papers complete and review-ready"],
            ["An understanding of accounting and business processes", "Good Excel skills",
             "A questioning mindset and professional scepticism", "Clear, tactful communication with process owners",
             "Careful documentation habits", "Willingness to travel to client locations",
             "Interest in regulation and governance"],
            ["CA Inter, CIA or CISA (in progress is fine)", "Knowledge of COSO and the Companies (Auditor's Report) Order", "Experience with data analytics for audit"],
            "B.Com, BBA, M.Com, MBA (Finance) or CA Inter"),
        new("Deals & Financial Advisory",
            "The team advises on mergers, acquisitions, fundraising and restructuring, from due diligence to valuation.",
            ["Analyst – Valuations", "Associate – Financial Due Diligence", "Deals Intern", "Analyst – Transaction Services", "Graduate Trainee – Corporate Finance", "Associate – Restructuring"],
            ["Analyse a target company's historical financials: quality of earnings, working capital and net debt",
             "Build and update valuation models using DCF and comparable company methods",
             "Research industries and prepare company profiles and sector notes",
             "Pull and clean data from Capitaline, Prowess, Capital IQ or annual reports",
             "Draft sections of due diligence reports and information memoranda",
             "Maintain the data room index and the tracker of information requests",
             "Check calculations and cross-references in reports before they go out",
             "Support lenders' and investors' calls with quick, accurate analysis",
             "Prepare cash flow forecasts for businesses under financial stress",
             "Keep deal information strictly confidential"],
            ["Strong accounting and corporate finance fundamentals", "Advanced Excel and financial modelling",
             "Comfort with long hours close to deal deadlines", "Concise writing for reports", "A sharp eye for inconsistencies in numbers",
             "An interest in markets and business news", "The discretion deals require"],
            ["CFA Level I, CA Inter or a finance MBA", "Financial modelling coursework", "Knowledge of Indian insolvency (IBC) processes"],
            "CA, CA Inter, MBA (Finance), B.Com or economics graduates"),
        new("Forensic & Financial Crime",
            "The team investigates fraud and misconduct and helps banks and fintechs fight money laundering.",
            ["Forensic Analyst", "Associate – Forensic Technology & eDiscovery", "Analyst – Anti-Money Laundering", "Forensic Intern", "Associate – Fraud Investigations", "Analyst – KYC Operations"],
            ["Review transactions, emails and documents for signs of fraud or misconduct",
             "Run background checks and public-record research on companies and individuals",
             "Process and review electronic evidence on eDiscovery platforms",
             "Investigate transaction-monitoring alerts and write clear case narratives",
             "Perform KYC and enhanced due diligence reviews against the bank's policy",
             "Prepare timelines, charts and exhibits for investigation reports",
             "Follow evidence-handling procedures so findings hold up",
             "Analyse ledgers and vendor masters for red flags",
             "Support interviews by preparing questions and taking notes",
             "Keep case information confidential"],
            ["An analytical and sceptical mindset", "Good Excel skills; SQL is a plus",
             "Careful reading and clear written English", "Integrity and discretion",
             "An understanding of accounting or banking operations", "Comfort with repetitive review work done carefully",
             "Interest in financial crime and regulation"],
            ["CAMS or CFE (in progress is fine)", "Experience with Relativity or Nuix", "Knowledge of PMLA and RBI KYC directions"],
            "B.Com, BBA, LLB, B.Tech or a degree in criminology or forensic accounting"),
        new("ESG & Sustainability",
            "The team helps companies measure and reduce their environmental impact and report on ESG to regulators and investors.",
            ["Analyst – ESG & Sustainability", "Associate – Climate Risk", "Sustainability Intern", "Graduate Trainee – ESG Reporting (BRSR)", "Analyst – Carbon Accounting", "Associate – Sustainable Supply Chain"],
            ["Collect and check energy, emissions, water and waste data from client sites",
             "Calculate Scope 1, 2 and 3 emissions following the GHG Protocol",
             "Draft sections of Business Responsibility and Sustainability Reports (BRSR)",
             "Benchmark clients' ESG disclosures against peers and rating agency criteria",
             "Research regulations such as SEBI's BRSR Core and the EU CBAM",
             "Support climate scenario analysis and physical risk assessments",
             "Prepare supplier questionnaires and analyse their responses",
             "Build dashboards to track sustainability targets",
             "Help run stakeholder consultations and materiality assessments",
             "Keep clear records of data sources and assumptions"],
            ["Interest in climate change and sustainability, shown through study or projects", "Good Excel skills and comfort with data",
             "Clear writing for reports", "The ability to learn frameworks such as GRI and TCFD",
             "Attention to detail in calculations", "Teamwork across client sites and functions",
             "Curiosity about how industries operate"],
            ["Coursework in environmental science or sustainability", "GHG Protocol or GRI certification", "Experience with ESG data platforms"],
            "A degree in environmental science or engineering, commerce, economics or an MBA with a sustainability focus"),
    ];

    public static List<Posting> For(string company, int seed, City[] cities)
    {
        var random = new Random(seed);
        var postings = new List<Posting>();
        var usedTitles = new HashSet<string>();
        for (var i = 0; i < 36; i++)
        {
            // Every page gets a few postings the filters should skip: senior titles and places abroad.
            var kind = i % 9 == 4 ? Kind.Senior : i % 17 == 8 ? Kind.Abroad : Kind.EntryLevel;
            var family = Families[(i * 7 + seed) % Families.Length];
            var title = kind == Kind.Senior
                ? SeniorTitles[(i + seed) % SeniorTitles.Length]
                : Unused(family.Titles, usedTitles, random);
            var city = cities[random.Next(cities.Length)];
            var abroad = kind == Kind.Abroad ? AbroadPlaces[(i + seed) % AbroadPlaces.Length] : null;
            var posted = new DateOnly(2026, 11, 27).AddDays(-random.Next(0, 45));
            var sector = Sectors[random.Next(Sectors.Length)];
            var place = abroad?.Split(", ")[0] ?? city.Name;

            var intro = random.Next(4) switch
            {
                0 => $"{company}'s {family.Team} team in {place} is looking for {A(title)} to work with {sector} clients across India and overseas. {family.Blurb}",
                1 => $"Join {company} in {place} as {A(title)}. {family.Blurb} You will be part of a close-knit team serving {sector} clients, with a senior who reviews your work and a buddy for your first months.",
                2 => $"We are hiring {A(title)} for our {family.Team} practice in {place}. {family.Blurb} Most of our work this year is with {sector} clients, and new joiners are staffed on live engagements within a few weeks.",
                _ => $"As {A(title)} in {company}'s {place} office, you will start your career in {family.Team}. {family.Blurb} The engagements you join will mostly be for {sector} clients.",
            };
            var level = title.Contains("Intern") ? Level.Intern
                : title.Contains("Trainee") || title.Contains("Graduate") ? Level.Graduate : Level.Early;
            var experience = level switch
            {
                Level.Intern => "Currently in your final or pre-final year, available for an 8 to 12 week internship starting January 2027",
                Level.Graduate => "0 to 1 year of experience; 2025 and 2026 graduates are welcome",
                _ => $"0 to 2 years of experience, including internships or articleship, in {family.Team.ToLowerInvariant()} or a related area",
            };
            if (kind == Kind.Senior) experience = $"{5 + random.Next(6)} or more years of relevant experience, including leading teams";

            var duties = Pick(family.Duties, 5, random);
            var needs = new[] { family.Degree, experience }.Concat(Pick(family.Needs, 3, random)).ToList();
            var skills = Pick(family.Skills, 2, random);

            postings.Add(new Posting(
                i, company, IdFor(company, i, random), title, family, abroad is null ? city : null, abroad, kind, posted, intro,
                OverviewHtml: $"<p>{H(intro)}</p><p>{H(Learning[random.Next(Learning.Length)])}</p>",
                DutiesHtml: List(duties),
                NeedsHtml: List(needs) + $"<p><strong>Good to have:</strong> {H(string.Join("; ", skills))}.</p>",
                ClosingHtml: $"<p>{H(Closings[random.Next(Closings.Length)])} {H(Closings[(i + seed) % Closings.Length])}</p>")
            {
                // A few entry-level postings without a plain location, to show the unknown-location rule.
                NoLocation = i == 14 && company is "Deloitte" or "EY",
                DutyLines = duties,
                SeveralLocations = i == 10 && company == "PwC",
                Remote = i == 16 && company == "KPMG",
            });
        }
        return postings;
    }

    static string Unused(string[] titles, HashSet<string> used, Random random)
    {
        var fresh = titles.Where(t => !used.Contains(t)).ToArray();
        var title = fresh.Length > 0 ? fresh[random.Next(fresh.Length)] : titles[random.Next(titles.Length)];
        used.Add(title);
        return title;
    }

    static string[] Pick(string[] pool, int count, Random random) =>
        pool.OrderBy(_ => random.Next()).Take(count).ToArray();

    static string IdFor(string company, int i, Random random) => company switch
    {
        "Deloitte" => (204100 + i * 53 + random.Next(50)).ToString(),
        "PwC" => $"{561200 + i * 41 + random.Next(40)}WD",
        "KPMG" => (41300 + i * 17 + random.Next(16)).ToString(),
        _ => (1592076000L + i * 101 + random.Next(100)).ToString(),
    };

    static string A(string noun) => ("AEIOU".Contains(noun[0]) ? "an " : "a ") + noun;

    static string H(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    static string List(IEnumerable<string> items) => "<ul>" + string.Concat(items.Select(i => $"<li>{H(i)}</li>")) + "</ul>";

    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }
}
