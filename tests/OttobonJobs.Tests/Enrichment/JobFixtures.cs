using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Tests.Enrichment;

/// <summary>Realistic postings of the kinds we ingest: Big-4 campus roles, a provider's tech job, one abroad, one nearly empty.</summary>
public static class JobFixtures
{
    public static readonly JobToEnrich NodeBackend = new(
        "Associate Software Engineer – Node.js Backend",
        "Deloitte",
        "Bengaluru, Karnataka, India",
        """
        About the team
        Our Engineering team builds the platforms that Deloitte audit and tax professionals use every day.

        Key Responsibilities:
        • Design and build REST APIs in Node.js and Express for our audit workflow portal
        • Write unit tests with Jest and take part in code reviews
        • Model data and write efficient queries in PostgreSQL
        • Containerise services with Docker and ship them through our CI/CD pipelines on AWS
        • Collaborate with product owners to clarify requirements and estimate work

        Requirements:
        - B.Tech/B.E. or MCA in Computer Science or a related field
        - 0-2 years of experience; freshers with strong projects are welcome
        - Good knowledge of JavaScript (ES6+) and TypeScript
        - Familiarity with Git and Agile ways of working
        - Strong communication and teamwork
        """,
        ["nodejs", "REST", "postgres"]);

    public static readonly JobToEnrich AuditAssociate = new(
        "Associate – Assurance (Statutory Audit)",
        "PwC",
        "Kolkata, West Bengal, India",
        """
        <p><strong>Your responsibilities</strong></p>
        <ul>
          <li>Assist in planning and executing statutory audits of listed and unlisted companies under the Companies Act, 2013</li>
          <li>Perform vouching, bank reconciliations and ledger scrutiny and document working papers</li>
          <li>Test internal controls over financial reporting (ICFR) and prepare lead schedules</li>
          <li>Review financial statements for compliance with Ind AS and IFRS</li>
          <li>Interact with client finance teams and follow up on open queries</li>
        </ul>
        <p><strong>What we are looking for</strong></p>
        <ul>
          <li>B.Com graduate with CA Inter (both groups cleared) or semi-qualified CA</li>
          <li>0–1 years of post-qualification experience; completed articleship preferred</li>
          <li>Advanced Excel (VLOOKUP, pivot tables) &amp; working knowledge of Tally</li>
          <li>Attention to detail and good written communication</li>
        </ul>
        """,
        ["Audit", "Excel"]);

    public static readonly JobToEnrich TaxIntern = new(
        "Tax Intern – Indirect Tax (GST)",
        "KPMG",
        "Gurugram",
        """
        This is a 6-month internship in our Indirect Tax practice, with a monthly stipend.

        What you'll do:
        - Prepare GST returns (GSTR-1, GSTR-3B) and reconcile input tax credit with GSTR-2B
        - Research GST rulings and draft short notes for the engagement team
        - Assist in replies to GST notices and departmental audits
        - Maintain client trackers in Excel

        Eligibility: B.Com / M.Com students or CA Inter candidates. Knowledge of GST law and MS Office.
        """,
        []);

    public static readonly JobToEnrich DataAnalyst = new(
        "Analyst – Data & Analytics",
        "EY",
        "Kochi, Kerala, India",
        """
        You will be responsible for turning client data into insight for EY's Assurance and Consulting teams.

        Responsibilities
        1. Extract and clean data from client systems using SQL and Python (pandas)
        2. Build Power BI dashboards and DAX measures for engagement teams
        3. Perform data analysis to identify trends, anomalies and exceptions
        4. Document data pipelines and automate recurring reports

        Qualifications
        Bachelor's degree in Statistics, Computer Science, Economics or a related field with 1+ years of experience in analytics.
        Strong SQL, Power BI and Excel skills; exposure to Azure is a plus.
        """,
        ["SQL", "Power BI", "Tableau"]);

    public static readonly JobToEnrich CyberAnalyst = new(
        "Cyber Security Analyst – SOC",
        "Deloitte",
        "Hyderabad",
        """
        Join Deloitte's Cyber Risk practice as a Security Operations analyst.

        Responsibilities:
        - Monitor and triage alerts in SIEM tools such as Splunk and Microsoft Sentinel
        - Perform vulnerability assessment of client infrastructure and track remediation
        - Support ISO 27001 and IAM reviews for client engagements
        - Investigate security incidents and write incident reports

        Requirements: B.Tech in Computer Science or IT, 0 to 2 years of experience, CEH or CompTIA Security+ preferred.
        Knowledge of network security, Linux and Python scripting.
        """,
        ["SIEM", "incident response"]);

    public static readonly JobToEnrich UsStaffAccountant = new(
        "Staff Accountant",
        "EY",
        "Chicago, IL, USA",
        """
        Responsibilities:
        - Prepare month-end journal entries and account reconciliations
        - Support the preparation of financial statements under US GAAP
        - Assist with accounts payable and fixed asset accounting

        Qualifications: Bachelor's degree in Accounting; 1-3 years of experience; CPA eligible preferred.
        """,
        []);

    public static readonly JobToEnrich NearlyEmpty = new("Associate", "KPMG", null, "Apply now.", []);

    public static IReadOnlyList<JobToEnrich> All =>
        [NodeBackend, AuditAssociate, TaxIntern, DataAnalyst, CyberAnalyst, UsStaffAccountant, NearlyEmpty];
}
