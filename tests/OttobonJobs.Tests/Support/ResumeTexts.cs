namespace OttobonJobs.Tests.Support;

/// <summary>
/// Realistic resume text for the files <see cref="ResumeFiles"/> builds. Lines containing " | " are table rows:
/// <see cref="ResumeFiles.Docx"/> turns them into a Word table, and the document adapter reads a table back in the
/// same shape, so a DOCX built from this text extracts to this text. In a PDF they are printed as they are, and
/// the PDF's text comes back with the same lines but without the blank ones (PDF text has positions, not paragraphs).
/// Lines are kept under 90 characters so the PDF builder does not wrap them.
/// </summary>
public static class ResumeTexts
{
    public const string Hindi = "हिन्दी";
    public const string Tamil = "தமிழ்";
    public const string Telugu = "తెలుగు";

    /// <summary>A B.Tech CS fresher: Node.js, React, SQL. ASCII unless <paramref name="nativeScripts"/> adds a languages line in Indian scripts.</summary>
    public static string ComputerScienceGraduate(
        string name = "Priya Sharma",
        string city = "Hyderabad, Telangana",
        string? email = null,
        bool nativeScripts = false) =>
        $"""
        {name}
        {city} - {email ?? EmailFor(name)} - +91 98765 43210

        Summary
        Computer Science graduate (B.Tech, 2024) building web apps with Node.js, React and SQL.

        Skills
        Area | Skills | Level
        Backend | Node.js, Express, REST APIs | Advanced
        Frontend | React, TypeScript, HTML, CSS | Advanced
        Data | SQL, PostgreSQL, MongoDB | Intermediate

        Experience
        Software Engineering Intern, Ottobon Labs
        {city}, Jan 2024 - Jun 2024
        - Built a job search API in Node.js and Express backed by PostgreSQL
        - Wrote React components for the applicant dashboard and tested them with Jest
        - Cut slow SQL queries from 2 s to 150 ms with indexes and query plans

        Projects
        Campus Placement Portal - React, Node.js, PostgreSQL, deployed on AWS
        Expense Splitter - React Native app with a REST backend

        Education
        B.Tech, Computer Science and Engineering, JNTU Hyderabad, 2024 - CGPA 8.4

        Languages
        {(nativeScripts ? $"English, {Telugu} (Telugu), {Hindi} (Hindi), {Tamil} (Tamil)" : "English, Telugu, Hindi")}
        """;

    /// <summary>A B.Com fresher: Tally, GST, Excel.</summary>
    public static string AccountingGraduate(
        string name = "Arjun Reddy",
        string city = "Vijayawada, Andhra Pradesh",
        string? email = null,
        bool nativeScripts = false) =>
        $"""
        {name}
        {city} - {email ?? EmailFor(name)} - +91 91234 56789

        Objective
        Commerce graduate seeking an accounts executive role in audit, tax or finance operations.

        Skills
        Area | Skills | Level
        Accounting | Tally ERP 9, TallyPrime, bookkeeping, bank reconciliation | Advanced
        Tax | GST returns (GSTR-1, GSTR-3B), TDS, income tax basics | Intermediate
        Tools | Microsoft Excel (VLOOKUP, pivot tables), Word, PowerPoint | Advanced

        Experience
        Articleship Trainee, Rao & Associates Chartered Accountants
        {city}, Jul 2023 - Jun 2024
        - Filed monthly GST returns for 25 small businesses
        - Prepared ledgers, vouchers and bank reconciliations in Tally
        - Assisted in statutory audits: vouching, ledger scrutiny and working papers

        Education
        B.Com (Computers), Andhra University, 2024 - 78%

        Languages
        {(nativeScripts ? $"English, {Telugu} (Telugu), {Hindi} (Hindi)" : "English, Telugu, Hindi")}
        """;

    /// <summary>"Priya Sharma" → "priya.sharma@example.com".</summary>
    public static string EmailFor(string name) =>
        string.Join('.', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "@example.com";

    /// <summary>
    /// A longer resume over five pages, each page's lines numbered in reading order
    /// ("Page 2 line 3: …"), so a test can check order within and across pages.
    /// </summary>
    public static string[] FivePages(string name = "Priya Sharma")
    {
        string[][] sections =
        [
            [name, "Hyderabad, Telangana - priya.sharma@example.com", "Summary", "Full-stack developer with Node.js, React and SQL"],
            ["Experience", "Software Engineering Intern, Ottobon Labs (2024)", "Built REST APIs in Node.js and Express", "Tuned PostgreSQL queries and indexes"],
            ["Projects", "Campus Placement Portal with React and PostgreSQL", "Expense Splitter in React Native", "Resume parser in TypeScript"],
            ["Education", "B.Tech Computer Science, JNTU Hyderabad, 2024", "Higher Secondary, Narayana Junior College, 2020", "CGPA 8.4"],
            ["Certifications", "AWS Certified Cloud Practitioner", "Meta Front-End Developer", "References available on request"],
        ];

        return sections
            .Select((lines, page) => string.Join("\n", lines.Select((line, i) => $"Page {page + 1} line {i + 1}: {line}")))
            .ToArray();
    }

    /// <summary>Names a browser might send with an upload, from careless to hostile.</summary>
    public static readonly IReadOnlyList<string> HostileFileNames =
    [
        "../../etc/passwd",
        "..\\..\\windows\\system32\\config\\sam",
        "C:\\Windows\\x.pdf",
        "/var/www/html/shell.php.pdf",
        "resume\n.pdf",
        "resume\r\nContent-Type: text/html.pdf",
        "re\0sume.pdf",
        "\u0007\u001b[31mred\u001b[0m.pdf",
        "<script>alert('x')</script>.pdf",
        "\"quoted\"; filename=evil.exe",
        "resume\u202Efdp.exe",
        "...",
        ".pdf",
        "   ",
        "",
        "CON",
        "cv.pdf.exe",
        "%2e%2e%2fpasswd.pdf",
        new string('a', 500) + ".pdf",
        string.Concat(Enumerable.Repeat("प्रिया ", 60)) + ".docx",
        "Z\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309.pdf",
        "😀😀😀.pdf",
    ];
}
