using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// A technical interview question about one skill, with what a strong answer covers. Skills interviewers probe the
/// same way everywhere get a hand-written question; the rest get one written for their category.
/// </summary>
internal static class SkillQuestions
{
    public static PrepQuestion For(string skill, JobProfile job) =>
        BySkill.TryGetValue(skill, out var write) ? write(job)
        : SkillTaxonomy.CategoryOf(skill) is { } category ? ForCategory(skill, category, job)
        : new($"Where have you used {skill}, and how would you apply it as {Wording.Article(job.RoleName)} {job.RoleName}?",
            $"Pick one concrete piece of work with {skill}: the goal, what you did yourself, the result, and what you would do better. Then link it to a task from this posting.");

    private static PrepQuestion ForCategory(string skill, SkillCategory category, JobProfile job)
    {
        var s = Wording.InSentence(skill);
        var newcomer = job.Seniority == Seniority.Internship ? "an intern" : "a first-year associate";
        return category switch
        {
            SkillCategory.Programming => new(
                $"What have you built with {s}, and what would you do differently now?",
                $"Choose one project where {s} did real work: the problem, your design, one tricky bug and how you found it, and how you tested it. Show you know {s}'s idioms and pitfalls, not only its syntax."),
            SkillCategory.Framework => new(
                $"How is a typical {s} application structured, and what have you built with it?",
                $"Name {s}'s main building blocks and how a request or screen flows through them, then walk through one feature you built: data access, error handling, configuration and tests."),
            SkillCategory.Data => new(
                $"How have you used {s} to get from raw data to a decision someone acted on?",
                $"Describe the data, how you cleaned and validated it, what you did in {s}, the result, and how you checked the numbers were right; finish with one limitation of your approach."),
            SkillCategory.Cloud => new(
                $"Which {s} services would you use to deploy and run a small application, and why?",
                $"Cover compute, storage, a managed database, identity and access (least privilege), networking and monitoring on {s}; justify each choice by cost, scale and security."),
            SkillCategory.DevOps => new(
                $"Where does {s} fit in the path from a commit to production, and how have you used it?",
                $"Sketch the pipeline (build, test, package, deploy, monitor), place {s} in it, and describe a failure you diagnosed or a manual step you automated."),
            SkillCategory.Engineering => new(
                $"Explain {s} in your own words and show where you applied it.",
                $"Give a one-line definition, a concrete example from your code, and one trade-off or common mistake with {s}."),
            SkillCategory.Accounting => new(
                $"How would you handle {s} for a company, step by step, and how would you know the numbers are right?",
                $"Lay out the steps, the documents and systems you'd use (Tally, SAP, Excel), the checks that prove completeness and accuracy, and a typical error in {s} and how you'd catch it; cite Ind AS or IFRS where it applies."),
            SkillCategory.Audit => new(
                $"How would you approach {s} on an engagement, and what evidence would you collect?",
                $"State the objective and the risk it addresses, the procedures and sample you'd use, the evidence and working papers you'd prepare under the Standards on Auditing, and when you'd escalate to your senior."),
            SkillCategory.Tax => new(
                $"Explain the key rules of {s} you'd apply as {newcomer}.",
                $"Name the law and main sections, walk through a small computation or return, give the due dates and penalties, and say how you keep up with CBDT/CBIC notifications on {s}."),
            SkillCategory.Risk => new(
                $"How would you assess {s} for a client, and how would you report what you found?",
                $"Explain the framework you'd use, how you'd gather information (walkthroughs, documents, data), how you'd rate findings by likelihood and impact, and how you'd write a finding with root cause and a practical recommendation."),
            SkillCategory.Consulting => new(
                $"How have you applied {s}, and how would you use it on a client engagement?",
                $"Use a STAR example where {s} mattered, show the structure you followed, and explain how you'd adapt it to a client with tight timelines and incomplete data."),
            SkillCategory.Cybersecurity => new(
                $"Explain {s} and how you would apply it in a real environment.",
                $"Define it, name the tools or standards involved, walk through a realistic scenario step by step, and finish with how you'd document and report the outcome."),
            SkillCategory.Tool => new(
                $"How have you used {s}, and what would you use it for in this role?",
                $"Describe a specific task you did in {s}, the features you relied on, and the time saved or accuracy gained; offer to demonstrate it."),
            _ => new(
                $"Give an example of how you have shown {s}.",
                $"Use a STAR story (situation, task, action, result) where {s} changed the outcome."),
        };
    }

    private static PrepQuestion Database(JobProfile job) => new(
        $"How would you design the tables and indexes for {DatabaseExample(job)}, and how would you find and fix a slow query?",
        "Normalise to third normal form and say where you'd denormalise, choose keys and constraints, index the columns you filter and join on, then use EXPLAIN (ANALYZE) to read the plan and fix the query or index.");

    private static string DatabaseExample(JobProfile job) => job.Family switch
    {
        RoleFamily.AuditAssurance or RoleFamily.FinanceAccounting or RoleFamily.Tax => "invoices, vendors and payments",
        RoleFamily.Cybersecurity => "users, devices and login events",
        _ => "users, orders and payments",
    };

    private static string SqlExample(JobProfile job) => job.Family switch
    {
        RoleFamily.AuditAssurance or RoleFamily.FinanceAccounting or RoleFamily.Tax => "the top 3 vendors by invoice value in each month",
        RoleFamily.Cybersecurity => "the top 3 users by failed logins in each hour",
        RoleFamily.DataAnalytics or RoleFamily.ConsultingAdvisory => "the top 3 products by revenue in each region",
        _ => "the top 3 customers by order value in each city",
    };

    private static readonly Dictionary<string, Func<JobProfile, PrepQuestion>> BySkill = new(StringComparer.OrdinalIgnoreCase)
    {
        // Software
        ["Node.js"] = _ => new(
            "How would you design a REST API in Node.js, and how do you keep it fast under load?",
            "Walk through routing (Express or Fastify), input validation, error-handling middleware and status codes, async/await, and why CPU-heavy work must not block the event loop; close with how you'd test it."),
        ["JavaScript"] = _ => new(
            "Explain closures, promises and the event loop in JavaScript with an example from your own code.",
            "Define each in a sentence, then show a small example (debouncing a search box, chaining fetch calls with async/await) and a bug you fixed that came from misunderstanding one of them."),
        ["TypeScript"] = _ => new(
            "How does TypeScript make a codebase safer than plain JavaScript, and where can its types still mislead you?",
            "Cover interfaces and types, generics, strict null checks and narrowing; then explain 'any', type assertions and unvalidated API responses, and how runtime validation closes that gap."),
        ["React"] = _ => new(
            "How do you structure state and data fetching in a React app, and how do you avoid unnecessary re-renders?",
            "Explain local versus lifted versus global state, useEffect dependencies and cleanup, a data-fetching hook or library, and memo/useMemo/useCallback with a case where you measured the improvement."),
        ["Angular"] = _ => new(
            "How is an Angular application organised, and how do components, services and RxJS work together?",
            "Cover modules or standalone components, dependency injection of services, observables with async pipe and unsubscribing, change detection, and a form with validation you built."),
        ["Python"] = _ => new(
            "Which Python features do you rely on to write clean, correct code, and how would you structure a small Python service or script?",
            "Mention comprehensions, generators, context managers, type hints and virtual environments; then describe module layout, error handling, logging and pytest tests using one of your projects."),
        ["Java"] = _ => new(
            "How would you design a small Java service using OOP principles, and how does the JVM manage its memory?",
            "Cover classes and interfaces, one SOLID principle with a concrete example, collections (HashMap versus TreeMap), exceptions, and garbage-collection basics; mention testing with JUnit."),
        ["C#"] = _ => new(
            "Which C# features help you write safe asynchronous server code, and what mistakes do you watch for?",
            "Talk about async/await and Task (and why blocking on .Result can deadlock), LINQ, nullable reference types, records and dependency injection, with an example from a project."),
        [".NET"] = _ => new(
            "How does a request flow through an ASP.NET Core application, and where do you put validation, logging and error handling?",
            "Describe the middleware pipeline, routing to controllers or minimal APIs, model binding and validation, DI lifetimes (singleton, scoped, transient) and a global exception handler that returns ProblemDetails."),
        ["ASP.NET Core"] = _ => new(
            "How would you build and secure a Web API endpoint in ASP.NET Core?",
            "Cover routing, model binding and validation, returning proper status codes, authentication with JWT and authorisation policies, Entity Framework for data access, and integration tests with WebApplicationFactory."),
        ["Spring Boot"] = _ => new(
            "How does Spring Boot wire a REST service together, from controller to database?",
            "Explain dependency injection and beans, @RestController/@Service/@Repository layering, Spring Data JPA, configuration profiles, @ControllerAdvice for errors, and testing with MockMvc or @SpringBootTest."),
        ["REST APIs"] = _ => new(
            "What makes a REST API well designed?",
            "Cover resource naming, HTTP methods and status codes, idempotency, pagination and filtering, versioning, validation errors, authentication (JWT or OAuth) and documenting it with OpenAPI."),
        ["Microservices"] = _ => new(
            "When would you split a system into microservices, and what new problems does that create?",
            "Contrast with a modular monolith; then cover service boundaries, data ownership, synchronous versus message-based communication, failures and retries, distributed tracing and deployment cost."),
        ["Data structures and algorithms"] = _ => new(
            "How would you find the first non-repeating character in a string, and what is the time and space complexity?",
            "Start with the brute-force O(n²) idea, improve to one pass counting with a hash map and a second pass to find the answer (O(n) time), discuss edge cases, then write clean code and test it aloud."),
        ["Object-oriented programming"] = _ => new(
            "Explain encapsulation, inheritance, polymorphism and abstraction using classes from a project you built.",
            "Use one real example per pillar, then show when you'd prefer composition over inheritance and how interfaces make code testable."),
        ["Git"] = _ => new(
            "How do you work with Git in a team: branches, pull requests and merge conflicts?",
            "Describe a branching flow, small focused commits with clear messages, reviewing and responding to PR comments, resolving a conflict step by step, and undoing a mistake safely (revert versus reset)."),
        ["Docker"] = _ => new(
            "What makes a good Dockerfile, and how are containers different from virtual machines?",
            "Cover base image choice, layer caching, multi-stage builds, not running as root, environment configuration and health checks; then explain shared kernel versus full guest OS."),
        ["CI/CD"] = _ => new(
            "Describe a CI/CD pipeline you would set up for this team's code.",
            "Walk through triggers, build, unit and integration tests, static analysis, packaging, deploying to staging then production, approvals, and how you'd roll back a bad release."),
        ["AWS"] = _ => new(
            "Which AWS services would you use to host a simple web application, and how would you secure it?",
            "Choose compute (EC2, ECS or Lambda), S3, RDS, IAM roles with least privilege, security groups in a VPC, and CloudWatch; justify each by cost and scale."),
        ["Azure"] = _ => new(
            "Which Azure services would you use to host a simple web application, and how would you secure it?",
            "Choose App Service or Functions, Azure SQL or Cosmos DB, Blob Storage, Entra ID with managed identities, Key Vault for secrets, and Application Insights; justify each by cost and scale."),
        ["GCP"] = _ => new(
            "Which Google Cloud services would you use to host a simple web application, and how would you secure it?",
            "Choose Cloud Run or GKE, Cloud SQL, Cloud Storage, IAM service accounts with least privilege, Secret Manager and Cloud Monitoring; justify each by cost and scale."),
        ["Unit testing"] = _ => new(
            "How do you decide what to unit test, and what makes a test good?",
            "Test behaviour, not implementation; cover edge cases and failure paths; keep tests fast and independent; use fakes at boundaries; show one test that caught a real bug."),

        ["PostgreSQL"] = Database, ["MySQL"] = Database, ["SQL Server"] = Database, ["Oracle Database"] = Database,
        ["MongoDB"] = job => new(
            "When would you choose MongoDB over a relational database, and how would you model the data for it?",
            "Compare documents and tables, embedding versus referencing, indexes and query patterns, transactions and consistency; use a collection design from your own project."),

        // Data
        ["SQL"] = job => new(
            $"How would you write a SQL query that returns {SqlExample(job)}, and how would you make it fast?",
            "Use GROUP BY with a window function (ROW_NUMBER or DENSE_RANK over PARTITION BY), explain your JOINs and NULL handling, then talk about indexes and reading the execution plan."),
        ["Excel"] = job => job.Family is RoleFamily.AuditAssurance or RoleFamily.FinanceAccounting or RoleFamily.Tax
            ? new("How would you use Excel to reconcile two ledgers of 10,000 rows and flag the mismatches?",
                "Explain cleaning the keys (TRIM, TEXT), XLOOKUP or INDEX-MATCH with IFERROR, SUMIFS and pivot tables to total by account, conditional formatting for exceptions, and documenting it so a reviewer can re-perform it.")
            : new("Which Excel functions and features would you use to turn raw data into a summary a manager can trust?",
                "Cover XLOOKUP or INDEX-MATCH, SUMIFS/COUNTIFS, pivot tables, data validation and a check total that ties back to the source; mention Power Query or macros if you've used them."),
        ["Power BI"] = _ => new(
            "How would you build a Power BI dashboard from raw data to a published report?",
            "Cover Power Query for cleaning, a star-schema model with relationships, two or three DAX measures (e.g. year-on-year growth with CALCULATE), visuals chosen for the audience, scheduled refresh and row-level security."),
        ["Tableau"] = _ => new(
            "How would you design a Tableau dashboard that answers one business question clearly?",
            "Start from the question and audience, connect and shape the data, use calculated fields and LOD expressions where needed, pick chart types deliberately, add filters and actions, and test it with a user."),
        ["pandas"] = _ => new(
            "Using pandas, how would you clean a messy dataset and produce a summary by category?",
            "Load with read_csv or read_excel, inspect dtypes and nulls, fix types, handle duplicates and missing values deliberately, use groupby/agg and merge, and validate totals against the source."),
        ["Data analysis"] = _ => new(
            "Walk us through an analysis you did from question to recommendation.",
            "State the business question, the data and its quality issues, the method, the finding in one sentence, the chart you used, and what someone did differently because of it."),
        ["Machine learning"] = _ => new(
            "How would you train and evaluate a model, and how do you know it is not overfitting?",
            "Cover a baseline, train/validation/test splits and cross-validation, metrics that fit the problem (precision and recall for imbalanced classes), feature leakage, and explaining the result to a non-technical stakeholder."),
        ["Statistics"] = _ => new(
            "How would you tell whether a change in a metric is real or just noise?",
            "Explain the hypothesis, sample size, a suitable test (t-test or chi-square), p-values and confidence intervals in plain words, and practical versus statistical significance."),

        // Audit and accounting
        ["Statutory audit"] = _ => new(
            "Walk us through the stages of a statutory audit and where a first-year associate adds the most value.",
            "Cover planning and risk assessment (materiality, understanding the entity), controls testing, substantive procedures (vouching, confirmations, analytical review), completion and reporting under the Companies Act and SAs; then give your own examples such as lead schedules, vouching samples and working papers."),
        ["Internal audit"] = _ => new(
            "How would you plan an internal audit of a process such as procure-to-pay?",
            "Understand the process through a walkthrough and process map, identify risks (duplicate payments, unapproved vendors), map controls, test them on samples, and write observations with root cause, impact and a practical recommendation."),
        ["Auditing"] = _ => new(
            "What are financial statement assertions, and how would you test one for revenue or receivables?",
            "List the assertions (existence, completeness, accuracy, cut-off, valuation, rights and obligations, presentation), then take one, e.g. existence of receivables, and explain confirmations and testing receipts after the year end."),
        ["Internal controls"] = _ => new(
            "What is the difference between a preventive and a detective control? Give one of each in a finance process and say how you'd test it.",
            "Example: maker-checker approval of vendor master changes (preventive) and a monthly review of exception reports (detective); test design and operating effectiveness by inquiry, inspection and re-performance on a sample sized to the control's frequency."),
        ["SOX"] = _ => new(
            "How does SOX 404 testing work, and how would you test a control like 'journal entries above a threshold are approved'?",
            "Explain scoping key controls, walkthroughs, testing design then operating effectiveness, selecting a sample from the full population of entries, checking approval happened before posting, and documenting and escalating a deficiency."),
        ["IFRS"] = _ => new(
            "Pick an IFRS standard you know well, such as IFRS 15 or IFRS 16, and explain how it changes the numbers.",
            "Walk through the five-step revenue model or the right-of-use asset and lease liability with a short numeric example, and name one area where Ind AS differs from IFRS."),
        ["Ind AS"] = _ => new(
            "Explain Ind AS 115 or Ind AS 116 with a small example, and one way Ind AS differs from the old Indian GAAP.",
            "Use simple numbers (a contract with two performance obligations, or a five-year lease), show the journal entries, and mention a carve-out or a change from Indian GAAP such as fair-value measurement."),
        ["US GAAP"] = _ => new(
            "How does US GAAP differ from IFRS in an area you know, such as inventory, revenue or leases?",
            "Pick one difference (LIFO allowed under US GAAP but not IFRS; impairment reversals; lease classification), explain its effect on the financial statements with numbers, and where you learnt it."),
        ["Reconciliation"] = _ => new(
            "How would you perform a bank reconciliation, and how do you chase differences that don't clear?",
            "Start from the book and bank balances, separate timing differences (uncleared cheques, deposits in transit) from charges and errors, age the reconciling items, follow up with evidence and propose adjusting entries; mention the tool you'd use."),
        ["Financial statements"] = _ => new(
            "How do the balance sheet, profit and loss statement and cash flow statement connect?",
            "Trace profit into retained earnings, non-cash items and working-capital changes into operating cash flow, and capex and borrowings into investing and financing; use one transaction, such as buying equipment on credit, to show all three move."),
        ["Financial reporting"] = _ => new(
            "What goes into preparing a month-end or year-end financial reporting pack, and how do you make sure it is right?",
            "Cover trial balance review, accruals and provisions, reconciliations, mapping to the reporting format, variance analysis against budget and last period, disclosures, and a reviewer's checklist."),
        ["Journal entries"] = _ => new(
            "Pass the journal entries for a prepaid expense, an accrued expense and monthly depreciation.",
            "Give each entry with debit and credit and amounts, then the adjusting entry at month end, and explain which accounting principle (accrual, matching) each one follows."),
        ["Accounts payable"] = _ => new(
            "How would you prevent duplicate or fraudulent vendor payments in an accounts payable process?",
            "Cover three-way matching (PO, GRN, invoice), controls over vendor master changes, duplicate-invoice checks, approval limits, payment-run review, and reconciling vendor statements."),
        ["Tally"] = _ => new(
            "How would you record a GST sales invoice in Tally and reconcile the ledgers at month end?",
            "Walk through ledger and stock item setup with GST details, the sales voucher, reports such as GSTR-1 and the day book, and a bank and debtor reconciliation before closing the month."),
        ["SAP FICO"] = _ => new(
            "Explain SAP FI's organisational structure and how a vendor invoice flows through it.",
            "Cover company code, chart of accounts, fiscal year variant and posting periods; then a vendor invoice (FB60 or MIRO), the payment run (F110), and clearing open items, with the GL entries each step makes."),
        ["FP&A"] = _ => new(
            "How would you build a monthly budget-versus-actual analysis, and explain a large variance?",
            "Describe the data sources, mapping actuals to budget lines, price and volume effects, separating timing from permanent differences, and a short commentary a CFO could act on."),

        // Tax
        ["GST"] = _ => new(
            "Explain input tax credit under GST and how you would reconcile GSTR-2B with the purchase register.",
            "Cover eligibility and blocked credits (Section 17(5)), matching by GSTIN and invoice number, reasons for mismatches (vendor not filed, timing, wrong GSTIN), and how the result flows into GSTR-3B."),
        ["Income tax"] = _ => new(
            "Walk us through computing the taxable income of a company under the Income-tax Act.",
            "Start from book profit, add disallowances (e.g. Section 40(a)(ia), 43B), adjust depreciation to the Act's rates, consider the Section 115BAA regime, then deduct TDS and advance tax to reach tax payable."),
        ["Direct tax"] = _ => new(
            "Walk us through the main direct-tax compliances for a company in a year.",
            "Cover advance tax instalments, TDS deduction and returns, tax audit under Section 44AB where applicable, the income tax return and its due dates, and responding to notices; give a small computation."),
        ["Corporate tax"] = _ => new(
            "How would you prepare a corporate tax computation from a company's financial statements?",
            "Start from profit before tax, add back and deduct items under the Act, adjust depreciation, apply the right regime and rate, account for MAT where relevant, and reconcile the tax expense with the books."),
        ["TDS"] = _ => new(
            "How would you work out TDS on a payment to a contractor and to a professional, and what happens if it is missed?",
            "Name the sections (194C, 194J) and rates, thresholds, PAN requirements, due dates for deposit and returns, and the consequences of default: interest, disallowance under Section 40(a)(ia) and penalties."),
        ["Transfer pricing"] = _ => new(
            "What is the arm's length principle, and which method would you use for a captive IT-services company?",
            "Explain the principle, the functional (FAR) analysis, why TNMM with operating margin on cost usually fits, the comparables search and filters, and the documentation required under Rule 10D."),
        ["Tax compliance"] = _ => new(
            "How would you organise a filing season so that nothing is filed late or wrong?",
            "Describe a tracker of clients and due dates, a document checklist, reconciling figures to AIS/26AS or GST returns before filing, maker-checker review, and a clear escalation when a client is late."),

        // Risk, consulting
        ["Risk assessment"] = _ => new(
            "How would you carry out a risk assessment of a client process, and how would you rate the risks?",
            "Understand the objectives, identify risks through walkthroughs and workshops, rate inherent risk by likelihood and impact, map existing controls, assess residual risk, and present a heat map with prioritised actions."),
        ["Due diligence"] = _ => new(
            "What would you look at first in a financial due diligence on a mid-sized company?",
            "Quality of earnings (normalised EBITDA), net working capital trends, net debt and debt-like items, revenue and customer concentration, related-party transactions, and how each finding affects the price or deal terms."),
        ["Business analysis"] = _ => new(
            "How do you turn a vague request from a business user into clear requirements?",
            "Describe stakeholder interviews, mapping the as-is process, writing user stories with acceptance criteria, prioritising (MoSCoW), getting sign-off, and handling changes once work has started."),
        ["Stakeholder management"] = _ => new(
            "How would you handle a client stakeholder who keeps changing priorities or is slow to give you data?",
            "Show you'd understand their constraints, agree priorities and dates in writing, escalate early through your manager with options rather than complaints, and keep a clear log of requests and decisions."),
        ["Process mapping"] = _ => new(
            "How would you map a process you have never seen before, and what would you look for in the map?",
            "Interview the people who run it, walk through a real transaction, draw swimlanes with inputs, outputs and systems, then mark handoffs, manual steps, delays and missing controls as improvement points."),
        ["Financial modelling"] = _ => new(
            "How would you build a three-statement financial model, and how do you check it is right?",
            "Start from assumptions on one sheet, build revenue and costs, link the P&L, balance sheet and cash flow, use a balancing check and sensitivity tables, and keep formulas consistent and free of hard-codes."),
        ["Valuation"] = _ => new(
            "Walk us through valuing a company with a DCF, and say which assumptions matter most.",
            "Project free cash flows, pick a discount rate (WACC), compute a terminal value (growth or exit multiple), discount to today, then show sensitivity to WACC and growth; cross-check with trading multiples."),

        // Cybersecurity
        ["SIEM"] = _ => new(
            "How does a SIEM detect a threat, and how would you triage an alert for many failed logins followed by a success?",
            "Cover log sources, parsing and correlation rules; then triage: check the source IP and location, the user's normal behaviour and related events, decide true or false positive, contain (reset credentials, block the IP) and document the escalation."),
        ["Vulnerability assessment"] = _ => new(
            "Walk us through a vulnerability assessment from scoping to report.",
            "Cover scope and written authorisation, discovery (Nmap), scanning (Nessus or Qualys), weeding out false positives, rating by CVSS and business context, remediation guidance, and re-testing the fixes."),
        ["Penetration testing"] = _ => new(
            "How would you test a web application for the OWASP Top 10?",
            "Describe reconnaissance, testing for injection, broken access control, authentication flaws and misconfiguration with Burp Suite, proving impact safely within scope, and writing findings with severity and fixes."),
        ["ISO 27001"] = _ => new(
            "What does an ISO 27001 ISMS require, and how would you audit one Annex A control?",
            "Summarise clauses 4–10 (context, leadership, risk assessment and treatment, Statement of Applicability, internal audit, management review), then audit a control such as access reviews: read the policy, sample users, check approvals and timely removal of leavers."),
        ["IAM"] = _ => new(
            "Explain authentication versus authorisation, and how you would run a user access review.",
            "Cover MFA, SSO (SAML or OIDC), role-based access and least privilege, the joiner-mover-leaver process, segregation of duties, and a periodic review that finds and removes orphaned or excessive access."),
        ["Security operations"] = _ => new(
            "What does a SOC analyst's shift look like, and how do you decide which alert to look at first?",
            "Describe the alert queue, severity and asset criticality, enrichment (threat intel, user and host context), playbooks, escalation to L2 and shift handover notes; give an example of a false positive you would close and why."),
        ["Network security"] = _ => new(
            "How would you secure a small company network?",
            "Segment the network, apply firewall rules that deny by default, secure remote access with VPN and MFA, patch and harden devices, monitor logs, and explain defence in depth."),
        ["Incident response"] = _ => new(
            "Walk us through the phases of incident response using a ransomware example.",
            "Preparation, detection and analysis, containment (isolate hosts), eradication, recovery from clean backups, and lessons learned; mention evidence preservation and who must be informed."),
    };
}
