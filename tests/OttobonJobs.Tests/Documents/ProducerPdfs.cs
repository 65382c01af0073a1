using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using static OttobonJobs.Tests.Documents.ProducerPdfWriter;

namespace OttobonJobs.Tests.Documents;

/// <summary>A PDF drawn the way one producer draws text, and the text it shows (what a reader of the page sees).</summary>
internal sealed record ProducerPdf(string Producer, byte[] Content, string Text)
{
    public override string ToString() => Producer;
}

/// <summary>
/// Resumes drawn as the common producers draw them (see <see cref="ProducerPdfWriter"/>), each knowing its text so a
/// test can measure how many of its words come back. Nothing binary is committed; every file is built on demand.
/// </summary>
internal static class ProducerPdfs
{
    private const double Margin = 50;
    private const double Top = PageHeight - 50;
    private const double BodySize = 10;
    private const double LineHeight = 14;

    public const string WordName = "Word (real spaces, dates right-aligned on the title line)";
    public const string ChromiumName = "Chromium / Google Docs (real spaces, one run per style)";
    public const string LuaTexName = "LuaTeX / XeTeX, Awesome-CV (words placed by TJ offsets, no spaces)";
    public const string WpsName = "WPS Writer (one text matrix per glyph, no spaces)";
    public const string TwoColumnsName = "Two columns drawn row by row across both";
    public const string LigaturesName = "Ligature glyphs mapped to U+FB00-FB04";
    public const string IconsName = "Font Awesome icons in a LuaTeX header";
    public const string TableColumnsName = "Two columns on shared baselines, Helvetica with real glyph boxes (PdfDocumentBuilder)";

    public static readonly IReadOnlyList<string> Producers =
        [WordName, ChromiumName, LuaTexName, WpsName, TwoColumnsName, LigaturesName, IconsName, TableColumnsName];

    public static ProducerPdf Named(string producer) => producer switch
    {
        WordName => Word(),
        ChromiumName => Chromium(),
        LuaTexName => LuaTex(),
        WpsName => Wps(),
        TwoColumnsName => TwoColumns().Pdf,
        LigaturesName => Ligatures(),
        IconsName => Icons().Pdf,
        TableColumnsName => TableColumns().Pdf,
        _ => throw new ArgumentOutOfRangeException(nameof(producer), producer, "No such producer fixture."),
    };

    // --- The resumes ---------------------------------------------------------------------------------------------

    private static readonly string[] AwesomeCvBody =
    [
        "Summary",
        "Backend engineer with three years of Java, Spring Boot and PostgreSQL in fintech teams.",
        "Experience",
        "Software Engineer|Bengaluru, Karnataka",
        "Razorpay|Jul 2022 - Present",
        "Designed payment reconciliation services in Java 17 and Spring Boot handling 2M events a day",
        "Moved nightly batch jobs to Kafka streams, cutting settlement delays from six hours to forty minutes",
        "Mentored two interns on code review, unit testing with JUnit and observability with Grafana",
        "Associate Developer|Mysuru, Karnataka",
        "Infosys|Aug 2020 - Jun 2022",
        "Maintained REST APIs for a retail banking client and automated regression suites in Selenium",
        "Certifications",
        "Certificado Agile Scrum Master (PSM I), Certificado ITIL 4 Foundation, AWS Cloud Practitioner",
        "Education",
        "B.E. Computer Science, PES University, Bengaluru, 2020 - CGPA 8.1",
        "Skills",
        "Java, Spring Boot, Kafka, PostgreSQL, Redis, Docker, Kubernetes, Terraform, Git, Linux",
    ];

    private static readonly string[] WpsBody =
    [
        "Rahul Verma",
        "Noida, Uttar Pradesh - rahul.verma@example.com - +91 99100 23456",
        "Career Objective",
        "Commerce graduate looking for an accounts or finance operations role in a growing company.",
        "Work Experience",
        "Accounts Assistant, Sharma Traders Pvt Ltd, Noida, Jun 2023 - Present",
        "Posted purchase and sales vouchers in Tally Prime and reconciled three bank accounts monthly",
        "Prepared GSTR-1 and GSTR-3B returns and tracked input tax credit in Excel",
        "Handled vendor payments, petty cash and month-end closing checklists",
        "Education",
        "B.Com (Honours), Delhi University, 2023 - 72%",
        "Class XII, CBSE, Kendriya Vidyalaya Noida, 2020 - 85%",
        "Skills",
        "Tally Prime, GST, TDS, MS Excel (pivot tables, VLOOKUP), bank reconciliation, accounts payable",
        "Languages",
        "Hindi, English, Punjabi",
    ];

    private static readonly string[] WordBody =
    [
        "Priya Sharma",
        "Hyderabad, Telangana - priya.sharma@example.com - +91 98765 43210",
        "Summary",
        "Computer Science graduate building web apps with Node.js, React and SQL.",
        "Experience",
        "Software Engineering Intern, Ottobon Labs|Jan 2024 - Jun 2024",
        "Built a job search API in Node.js and Express backed by PostgreSQL",
        "Wrote React components for the applicant dashboard and tested them with Jest",
        "Teaching Assistant, JNTU Hyderabad|Jul 2023 - Dec 2023",
        "Ran weekly lab sessions on data structures in C and Python for 60 students",
        "Education",
        "B.Tech, Computer Science and Engineering, JNTU Hyderabad|2020 - 2024",
        "Skills",
        "Node.js, Express, React, TypeScript, PostgreSQL, MongoDB, Docker, Git",
    ];

    private static readonly string[] ChromiumBody =
    [
        "Meera Krishnan",
        "Chennai, Tamil Nadu | meera.k@example.com | linkedin.com/in/meerak",
        "Profile",
        "Data analyst with two years of SQL, Python and Power BI dashboards for retail and logistics.",
        "Experience",
        "Data Analyst, Freshworks, Chennai (Aug 2022 - Present)",
        "Skills: SQL, Python (pandas), Power BI, Excel, A/B testing, stakeholder reporting",
        "Built a churn dashboard used by 40 account managers; cut weekly reporting from a day to an hour",
        "Automated data quality checks on 12 Snowflake tables with dbt tests",
        "Education",
        "B.Sc. Statistics, Madras Christian College, 2022",
        "Tools: Snowflake, dbt, Airflow, Tableau, Jupyter",
    ];

    private static readonly string[] LigatureBody =
    [
        "Kavya Nair",
        "Kochi, Kerala - kavya.nair@example.com",
        "Profile",
        "Certified office administrator, efficient with Microsoft Office and offline filing workflows.",
        "Experience",
        "Office Executive, Aster Staffing Services, Kochi, 2022 - Present",
        "Streamlined the staff onboarding workflow and cut paperwork by half",
        "Handled difficult client calls and affiliated vendor contracts with flexible schedules",
        "Maintained financial files, official correspondence and the office supplies budget",
        "Skills",
        "Microsoft Office (Word, Excel, Outlook), filing, scheduling, data entry, first aid certified",
    ];

    // --- The producers --------------------------------------------------------------------------------------------

    /// <summary>Word: each line one string with its spaces; a job's dates right-aligned on the title line (the "|" in the text).</summary>
    public static ProducerPdf Word()
    {
        var writer = new ProducerPdfWriter();
        var body = writer.AddFont("BCDEEE+Calibri");
        var bold = writer.AddFont("BCDFEE+Calibri-Bold");
        var page = new StringBuilder();
        var y = Top;
        foreach (var line in WordBody)
        {
            var isHeading = line is "Summary" or "Experience" or "Education" or "Skills";
            var font = isHeading ? bold : body;
            var parts = line.Split('|');
            page.Append(WithSpaces(font, BodySize, Margin, y, parts[0]));
            if (parts.Length > 1)
                page.Append(WithSpaces(font, BodySize, PageWidth - Margin - TextWidth(font, parts[1], BodySize), y, parts[1]));
            y -= LineHeight;
        }
        writer.AddPage(page.ToString());
        return new ProducerPdf(WordName, writer.Build(), string.Join("\n", WordBody).Replace("|", " "));
    }

    /// <summary>Chromium (and Google Docs, which prints through it): a run per styled span, each placed with its own Td.</summary>
    public static ProducerPdf Chromium()
    {
        var writer = new ProducerPdfWriter();
        var body = writer.AddFont("AAAAAA+Arial-Regular");
        var bold = writer.AddFont("AAAAAB+Arial-BoldMT");
        var page = new StringBuilder();
        var y = Top;
        foreach (var line in ChromiumBody)
        {
            var label = line.IndexOf(": ", StringComparison.Ordinal);
            page.Append("BT\n");
            if (label > 0)
            {
                var head = line[..(label + 2)];
                page.Append($"/{bold.ResourceName} {Number(BodySize)} Tf {Number(Margin)} {Number(y)} Td {bold.Hex(Glyphs(head))} Tj\n");
                page.Append($"/{body.ResourceName} {Number(BodySize)} Tf {Number(TextWidth(bold, head, BodySize))} 0 Td {body.Hex(Glyphs(line[(label + 2)..]))} Tj\n");
            }
            else
            {
                page.Append($"/{body.ResourceName} {Number(BodySize)} Tf {Number(Margin)} {Number(y)} Td {body.Hex(Glyphs(line))} Tj\n");
            }
            page.Append("ET\n");
            y -= LineHeight;
        }
        writer.AddPage(page.ToString());
        return new ProducerPdf(ChromiumName, writer.Build(), string.Join("\n", ChromiumBody));
    }

    /// <summary>
    /// LuaTeX/XeTeX as Awesome-CV uses them: no space glyph anywhere. A line is one TJ array whose words are kerned and
    /// separated by negative offsets (a justified interword space, different on every line); the header's words are
    /// each placed by a Td of their own. Each job is a cventry: position and location on one line, employer and dates on
    /// the next, the location and dates right-aligned (after the "|" in the text).
    /// </summary>
    public static ProducerPdf LuaTex()
    {
        var writer = new ProducerPdfWriter();
        var body = writer.AddFont("QWERTY+SourceSansPro-Light");
        var heading = writer.AddFont("ASDFGH+Roboto-Bold");
        var page = new StringBuilder();
        const string name = "Ananya Iyer";
        const string position = "Software Engineer - Payments";
        page.Append(TexWordByWord(heading, 22, Margin, Top, name));
        page.Append(TexWordByWord(body, 9, Margin, Top - 18, position));
        var y = Top - 44;
        var lineNumber = 0;
        foreach (var line in AwesomeCvBody)
        {
            var isHeading = char.IsUpper(line[0]) && !line.Contains(' ') && line.Length < 16;
            var parts = line.Split('|');
            page.Append(isHeading ? TexWordByWord(heading, 12, Margin, y, line) : TexLine(body, BodySize, Margin, y, parts[0], lineNumber++));
            if (parts.Length > 1)
                page.Append(TexLine(body, BodySize, PageWidth - Margin - TexLineWidth(body, BodySize, parts[1], lineNumber), y, parts[1], lineNumber++));
            y -= isHeading ? 18 : LineHeight;
        }
        writer.AddPage(page.ToString());
        return new ProducerPdf(LuaTexName, writer.Build(), string.Join("\n", [name, position, .. AwesomeCvBody]).Replace("|", " "));
    }

    /// <summary>WPS Writer: every glyph placed by its own text matrix, spaces drawn as nothing but a wider step.</summary>
    public static ProducerPdf Wps()
    {
        var writer = new ProducerPdfWriter();
        var body = writer.AddFont("WPSFNT+SimSun-Calibri");
        var page = new StringBuilder("BT\n");
        var y = Top;
        var lineNumber = 0;
        foreach (var line in WpsBody)
        {
            page.Append(GlyphByGlyph(body, line == WpsBody[0] ? 16 : BodySize, Margin, y, line, lineNumber++));
            y -= line == WpsBody[0] ? 22 : LineHeight;
        }
        page.Append("ET\n");
        writer.AddPage(page.ToString());
        return new ProducerPdf(WpsName, writer.Build(), string.Join("\n", WpsBody));
    }

    /// <summary>Word-pasted ligatures: the font's glyphs for fi, fl, ff, ffi and ffl map to U+FB01, U+FB02, U+FB00, U+FB03 and U+FB04.</summary>
    public static ProducerPdf Ligatures()
    {
        var writer = new ProducerPdfWriter();
        var body = writer.AddFont("CALIBR+Calibri");
        var page = new StringBuilder();
        var y = Top;
        foreach (var line in LigatureBody)
        {
            page.Append($"BT /{body.ResourceName} {Number(BodySize)} Tf 1 0 0 1 {Number(Margin)} {Number(y)} Tm {body.Hex(Glyphs(line, ligatures: true))} Tj ET\n");
            y -= LineHeight;
        }
        writer.AddPage(page.ToString());
        return new ProducerPdf(LigaturesName, writer.Build(), string.Join("\n", LigatureBody));
    }

    /// <summary>
    /// A sidebar layout (contact, skills and languages on the left; summary, experience and education on the right)
    /// under a full-width name, drawn as a Word table draws it: row by row, so the content stream alternates between
    /// the columns. The columns' line pitches differ, so their lines never share a baseline.
    /// </summary>
    public static (ProducerPdf Pdf, string Left, string Right) TwoColumns()
    {
        string[] left =
        [
            "Contact",
            "Pune, Maharashtra",
            "sneha.patil@example.com",
            "+91 98220 11223",
            "Skills",
            "Python, Django, FastAPI",
            "PostgreSQL, Redis, Celery",
            "Docker, GitHub Actions",
            "AWS (EC2, S3, RDS)",
            "Languages",
            "Marathi, Hindi, English",
            "Interests",
            "Open source, chess, trekking",
        ];
        string[] right =
        [
            "Summary",
            "Backend developer who ships small, well-tested services in Python.",
            "Experience",
            "Junior Backend Developer, Persistent Systems, Pune",
            "Jun 2023 - Present",
            "Built Django REST endpoints for a hospital appointment system",
            "Added Celery workers for SMS reminders and cut no-shows by a fifth",
            "Wrote pytest suites that raised coverage from 40% to 85%",
            "Intern, Thoughtworks, Pune, Jan 2023 - May 2023",
            "Paired on a FastAPI service for inventory lookups",
            "Education",
            "B.Tech Information Technology, COEP Pune, 2023",
            "CGPA 8.6, final-year project on OCR of handwritten forms",
        ];
        const string name = "Sneha Patil";

        var writer = new ProducerPdfWriter();
        var body = writer.AddFont("ABCDEF+Cambria");
        var page = new StringBuilder();
        page.Append(WithSpaces(body, 20, Margin, Top, name));
        const double leftX = 40, rightX = 215;
        double leftY = Top - 40, rightY = Top - 40;
        for (var row = 0; row < Math.Max(left.Length, right.Length); row++)
        {
            if (row < left.Length)
            {
                page.Append(WithSpaces(body, 9, leftX, leftY, left[row]));
                leftY -= 13;
            }
            if (row < right.Length)
            {
                page.Append(WithSpaces(body, BodySize, rightX, rightY, right[row]));
                rightY -= 15.5;
            }
        }
        writer.AddPage(page.ToString());
        var leftText = string.Join("\n", left);
        var rightText = string.Join("\n", right);
        return (new ProducerPdf(TwoColumnsName, writer.Build(), string.Join("\n", name, leftText, rightText)), leftText, rightText);
    }

    /// <summary>
    /// Two columns laid out as a two-cell Word table: both columns in one size and one line pitch, so every line of the
    /// right column shares its baseline with a line of the left one; then jobs with right-aligned dates. Written by
    /// PdfDocumentBuilder in Helvetica, whose glyphs have real heights (the hand-written fonts' boxes are flat).
    /// </summary>
    public static (ProducerPdf Pdf, string Left, string Right) TableColumns()
    {
        string[] left = ["Contact", "Pune, Maharashtra", "sneha@example.com", "Skills", "Python, Django", "PostgreSQL, Redis", "Languages", "Marathi, Hindi"];
        string[] right =
        [
            "Experience", "Junior Backend Developer, Persistent", "Built Django REST endpoints for clinics", "Added Celery workers for reminders",
            "Education", "B.Tech IT, COEP Pune, 2023", "CGPA 8.6, OCR project", "Wrote pytest suites",
        ];
        string[][] jobs =
        [
            ["Software Engineer, Acme Corp", "Jan 2022 - Present"], ["Built billing services used by every customer"],
            ["Analyst, Beta Ltd", "2020 - 2021"], ["Reported weekly sales by region"],
        ];

        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageWidth, PageHeight);
        var y = Top;
        page.AddText("Sneha Patil", 18, new PdfPoint(Margin, y), font);
        y -= 30;
        for (var row = 0; row < left.Length; row++, y -= LineHeight)
        {
            page.AddText(left[row], BodySize, new PdfPoint(Margin, y), font);
            page.AddText(right[row], BodySize, new PdfPoint(230, y), font);
        }
        y -= 20;
        foreach (var job in jobs)
        {
            page.AddText(job[0], BodySize, new PdfPoint(Margin, y), font);
            if (job.Length > 1)
            {
                var width = page.MeasureText(job[1], BodySize, new PdfPoint(0, 0), font)[^1].EndBaseLine.X;
                page.AddText(job[1], BodySize, new PdfPoint(PageWidth - Margin - width, y), font);
            }
            y -= LineHeight;
        }
        var text = string.Join("\n", ["Sneha Patil", .. left, .. right, .. jobs.Select(job => string.Join(" ", job))]);
        return (new ProducerPdf(TableColumnsName, builder.Build(), text), string.Join("\n", left), string.Join("\n", right));
    }

    /// <summary>The icon glyphs of the header and what their fonts' ToUnicode maps claim they are.</summary>
    public static readonly IReadOnlyList<(string Font, string Leaks)> IconGlyphs =
    [
        ("FontAwesome6Free-Solid", "HOUSE-CHIMNEY"),
        ("FontAwesome6Free-Solid", "PHONE"),
        ("FontAwesome6Free-Solid", "\uF0E0"),
        ("fa-brands-400", "LINKEDIN"),
        ("fa-brands-400", "\uF09B"),
        ("MaterialIcons-Regular", "\U000F0001"),
    ];

    /// <summary>
    /// An Awesome-CV header set by LuaTeX: a Font Awesome icon before each contact detail, some icons mapped to
    /// private-use code points and some to their glyph names (HOUSE-CHIMNEY, PHONE, LINKEDIN), then a body in which
    /// the real word PHONE is a label in the text font and must survive.
    /// </summary>
    public static (ProducerPdf Pdf, string RealPhoneLine) Icons()
    {
        var writer = new ProducerPdfWriter();
        var body = writer.AddFont("QWERTY+SourceSansPro-Regular");
        var solid = writer.AddFont("ZXCVBN+FontAwesome6Free-Solid", symbolic: true);
        var brands = writer.AddFont("ZXCVBM+fa-brands-400", symbolic: true);
        var material = writer.AddFont("POIUYT+MaterialIcons-Regular", symbolic: true);
        var fonts = new Dictionary<string, PdfFontSpec>
        {
            ["FontAwesome6Free-Solid"] = solid,
            ["fa-brands-400"] = brands,
            ["MaterialIcons-Regular"] = material,
        };

        (int Icon, string Detail)[] header =
        [
            (0, "Koramangala, Bengaluru"),
            (1, "+91 98450 12345"),
            (2, "ananya.iyer@example.com"),
            (3, "linkedin.com/in/ananyaiyer"),
            (4, "github.com/ananyaiyer"),
            (5, "Open to relocation"),
        ];
        const string realPhoneLine = "PHONE interviews preferred after 6 pm IST";
        string[] rest =
        [
            "Availability",
            realPhoneLine,
            "Notice period of thirty days, immediate joining possible for the right role",
        ];

        var page = new StringBuilder(TexWordByWord(body, 22, Margin, Top, "Ananya Iyer"));
        var x = Margin;
        var y = Top - 24;
        foreach (var (icon, detail) in header)
        {
            if (x > 380)
            {
                x = Margin;
                y -= LineHeight;
            }
            var (fontName, leaks) = IconGlyphs[icon];
            var font = fonts[fontName];
            font.Code(leaks, width: 900);
            var iconWidth = font.WidthOf(leaks) * 9 / 1000.0;
            page.Append($"BT /{font.ResourceName} 9 Tf 1 0 0 1 {Number(x)} {Number(y)} Tm {font.Hex([leaks])} Tj ET\n");
            x += iconWidth + 4;
            page.Append(TexLine(body, 9, x, y, detail, icon));
            x += TextWidth(body, detail, 9) + 14;
        }
        y -= 30;
        var lineNumber = 0;
        foreach (var line in rest)
        {
            page.Append(TexLine(body, BodySize, Margin, y, line, lineNumber++));
            y -= LineHeight;
        }
        writer.AddPage(page.ToString());
        var text = string.Join("\n", ["Ananya Iyer", .. header.Select(h => h.Detail), .. rest]);
        return (new ProducerPdf(IconsName, writer.Build(), text), realPhoneLine);
    }

    /// <summary>A page of <paramref name="glyphs"/> letters placed one text matrix each, as a hostile or pathological file might: far more than any resume.</summary>
    public static byte[] PageOfGlyphs(int glyphs)
    {
        var writer = new ProducerPdfWriter();
        var body = writer.AddFont("WPSFNT+Calibri");
        var page = new StringBuilder("BT\n/F1 4 Tf\n");
        const string words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";
        var code = words.Select(c => body.Code(c.ToString())).ToArray();
        double x = 10, y = PageHeight - 10;
        for (var i = 0; i < glyphs; i++)
        {
            var c = words[i % words.Length];
            if (c != ' ') page.Append("1 0 0 1 ").Append(Number(x)).Append(' ').Append(Number(y)).Append(" Tm <").Append(code[i % words.Length].ToString("X2")).Append("> Tj\n");
            x += WidthOf(c) * 4 / 1000.0;
            if (x > PageWidth - 12)
            {
                x = 10;
                y -= 4.2;
                if (y < 10) y = PageHeight - 10.5;
            }
        }
        page.Append("ET\n");
        writer.AddPage(page.ToString());
        return writer.Build(compress: true);
    }

    // --- How each producer draws a line ---------------------------------------------------------------------------

    private static string WithSpaces(PdfFontSpec font, double size, double x, double y, string line) =>
        $"BT /{font.ResourceName} {Number(size)} Tf 1 0 0 1 {Number(x)} {Number(y)} Tm {font.Hex(Glyphs(line))} Tj ET\n";

    /// <summary>
    /// One TJ array: no space glyph; words separated by TeX's interword glue for Source Sans Pro (a 200/1000 em space,
    /// shrinking to 133 and stretching to 300 as lines are justified, so it differs from line to line) and kerned within
    /// (small offsets either way). Spaces this narrow are below PdfPig's own whitespace guesses (0.2-0.22 em).
    /// </summary>
    private static string TexLine(PdfFontSpec font, double size, double x, double y, string line, int lineNumber)
    {
        var space = 140 + lineNumber * 37 % 160;
        var array = new StringBuilder("[");
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var w = 0; w < words.Length; w++)
        {
            if (w > 0) array.Append(-space).Append(' ');
            var glyphs = Glyphs(words[w], ligatures: false);
            var run = new List<string>();
            for (var g = 0; g < glyphs.Count; g++)
            {
                run.Add(glyphs[g]);
                int[] kerns = [-15, 25, 40, -30, 10];
                if ((g + w + lineNumber) % 4 == 3 && g < glyphs.Count - 1)
                {
                    array.Append(font.Hex(run)).Append(' ').Append(kerns[(g + lineNumber) % kerns.Length]).Append(' ');
                    run.Clear();
                }
            }
            if (run.Count > 0) array.Append(font.Hex(run)).Append(' ');
        }
        array.Append("] TJ");
        return $"BT /{font.ResourceName} {Number(size)} Tf 1 0 0 1 {Number(x)} {Number(y)} Tm {array} ET\n";
    }

    /// <summary>How wide <see cref="TexLine"/> sets a line (its kerns ignored: they move glyphs by hundredths of an em).</summary>
    private static double TexLineWidth(PdfFontSpec font, double size, string line, int lineNumber)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (words.Sum(word => TextWidth(font, word, 1000)) + (words.Length - 1) * (140 + lineNumber * 37 % 160)) * size / 1000;
    }

    /// <summary>Each word shown by its own Tj, moved along by a Td (as TeX's header macros place them).</summary>
    private static string TexWordByWord(PdfFontSpec font, double size, double x, double y, string line)
    {
        var text = new StringBuilder($"BT /{font.ResourceName} {Number(size)} Tf {Number(x)} {Number(y)} Td");
        var previous = 0.0;
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (previous > 0) text.Append(' ').Append(Number(previous)).Append(" 0 Td");
            text.Append(' ').Append(font.Hex(Glyphs(word))).Append(" Tj");
            previous = TextWidth(font, word, size) + size * 0.2;
        }
        return text.Append(" ET\n").ToString();
    }

    /// <summary>
    /// Each glyph at its own Tm, positions rounded to 0.01 pt. The positions come from WPS's own layout metrics, about 5%
    /// narrower than the /Widths of the font it embeds, so neighbouring glyphs overlap slightly; a space is a step of
    /// Calibri's 226/1000 em with nothing drawn (widened on some lines to justify them), which measured from the declared
    /// widths leaves a gap of about 0.2 em: right at PdfPig's own whitespace guesses (0.2-0.22 em).
    /// </summary>
    private static string GlyphByGlyph(PdfFontSpec font, double size, double x, double y, string line, int lineNumber)
    {
        var text = new StringBuilder($"/{font.ResourceName} {Number(size)} Tf\n");
        var justification = lineNumber % 3 * 0.3;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                x += 226 * size / 1000 + justification;
                continue;
            }
            text.Append($"1 0 0 1 {Math.Round(x, 2).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {Number(y)} Tm {font.Hex([c.ToString()])} Tj\n");
            x += font.WidthOf(c.ToString()) * 0.95 * size / 1000;
        }
        return text.ToString();
    }

    private static double TextWidth(PdfFontSpec font, string text, double size) => Glyphs(text).Sum(glyph => font.WidthOf(glyph)) * size / 1000;

    private static readonly (string Letters, string Ligature)[] LigatureGlyphs =
        [("ffi", "\uFB03"), ("ffl", "\uFB04"), ("ff", "\uFB00"), ("fi", "\uFB01"), ("fl", "\uFB02")];

    /// <summary>The glyphs that draw a text: one per character, or a ligature glyph for fi, fl, ff, ffi and ffl.</summary>
    private static List<string> Glyphs(string text, bool ligatures = false)
    {
        var glyphs = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var ligature = ligatures ? LigatureGlyphs.FirstOrDefault(l => string.CompareOrdinal(text, i, l.Letters, 0, l.Letters.Length) == 0) : default;
            if (ligature.Letters is not null)
            {
                glyphs.Add(ligature.Ligature);
                i += ligature.Letters.Length;
            }
            else
            {
                glyphs.Add(text[i].ToString());
                i++;
            }
        }
        return glyphs;
    }
}
