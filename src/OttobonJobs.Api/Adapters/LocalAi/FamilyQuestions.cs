using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>Questions every interview in a role family tends to include; used when a posting gives too little to go on.</summary>
internal static class FamilyQuestions
{
    public static IReadOnlyList<PrepQuestion> For(RoleFamily family) => family switch
    {
        RoleFamily.SoftwareEngineering =>
        [
            new("Explain, step by step, what happens when a user types a URL and presses Enter.",
                "DNS lookup, TCP and TLS handshakes, the HTTP request, server routing and a database call, the response, and browser rendering; go deeper on the part closest to this role."),
            new("How do you make sure the code you write is correct and easy to change?",
                "Unit and integration tests, code review, small focused commits, clear naming and logging; give an example where a test caught a bug before release."),
            new("Tell us about the hardest bug you have fixed.",
                "Describe the symptoms, how you narrowed it down (logs, debugger, bisecting), the root cause, the fix, and what you changed so it cannot recur."),
        ],
        RoleFamily.DataAnalytics =>
        [
            new("How do you check that a dataset is reliable before you analyse it?",
                "Check completeness, duplicates, outliers and types, reconcile totals to the source system, and write down assumptions; give an example where a check changed your conclusion."),
            new("How would you explain a surprising result from your analysis to a non-technical manager?",
                "Lead with the answer, show one clear chart, explain the 'so what', state your confidence and caveats, and propose the next step."),
            new("Which metric would you track to judge whether a process or product is working, and why?",
                "Tie the metric to the goal, say how you'd measure it reliably, name a counter-metric to avoid gaming it, and how often you'd review it."),
        ],
        RoleFamily.AuditAssurance =>
        [
            new("What is materiality, and how does it shape the audit work you do?",
                "Explain overall and performance materiality, common benchmarks (profit before tax, revenue, total assets), and how it drives sample sizes and which misstatements are reported; mention SA 320."),
            new("How would you vouch a sample of purchase invoices, and what would make you raise a query?",
                "Check each invoice against the PO and goods receipt, approval, GST details, period and account, and proof of payment; query missing documents, related parties, round amounts and entries after the year end."),
            new("What would you do if a client contact would not give you the documents you need before a deadline?",
                "Follow up early and politely, explain why you need them, offer alternatives, and tell your senior with a clear list and the impact; never conclude without evidence."),
        ],
        RoleFamily.Tax =>
        [
            new("Which recent change in Indian tax law caught your attention, and how does it affect clients?",
                "Pick one change (the default new tax regime, GST e-invoicing thresholds, TDS on e-commerce), explain who is affected and one compliance step a client must now take."),
            new("How would you draft a reply to a basic tax notice received by a client?",
                "Read the notice and section, note the deadline, gather records, reconcile the department's figures with the returns (AIS/26AS or GSTR), draft a factual reply with annexures, and get it reviewed before filing."),
            new("How do you keep up with tax updates?",
                "Name your sources (CBDT and CBIC notifications, ICAI publications, firm alerts) and one update you applied in practice."),
        ],
        RoleFamily.ConsultingAdvisory =>
        [
            new("A client's costs have risen 20% in a year. How would you structure the problem?",
                "Clarify the goal, break costs into fixed and variable and by category in an issue tree, ask for data, form hypotheses, size them, and recommend quick wins and longer-term fixes."),
            new("How would you prepare for your first meeting with a client team?",
                "Research the client and industry, read earlier work, agree objectives and agenda with your manager, prepare questions and a data request list, and send a short summary after the meeting."),
            new("Tell us about a time you persuaded someone who disagreed with you.",
                "Use STAR: their position, how you listened and found their concern, the evidence you brought, the outcome, and what you'd do differently."),
        ],
        RoleFamily.Cybersecurity =>
        [
            new("Explain the CIA triad and give a control for each part.",
                "Confidentiality (encryption, access control), integrity (hashing, change control), availability (backups, redundancy); link one to a real incident you have read about."),
            new("What would you do in the first hour after a user's mailbox is compromised through phishing?",
                "Contain (reset the password, revoke sessions, enforce MFA), scope (sign-in logs, forwarding rules, emails sent), remove malicious rules, notify as the policy requires, and record lessons learned."),
            new("What is the difference between a vulnerability, a threat and a risk?",
                "Define each with one example chain (an unpatched server, an attacker exploiting it, the likelihood and impact of a data breach) and show how controls reduce the risk."),
        ],
        RoleFamily.FinanceAccounting =>
        [
            new("Walk us through the month-end close and where errors usually creep in.",
                "Cut-off, accruals and prepayments, reconciliations, intercompany balances, journal entry review, and variance analysis against last month and budget; name one error you'd look for at each step."),
            new("How would you explain a large unexpected variance in an expense line to your manager?",
                "Drill down to the transactions, separate timing, price, volume and one-off items, confirm with the business owner, and write two or three lines with the cause and any correction needed."),
            new("How do you make sure the numbers you report are accurate?",
                "Reconcile to source, use control totals and tick-and-tie checks, keep a maker-checker review, and document assumptions so someone else can re-perform your work."),
        ],
        _ =>
        [
            new("Tell us about a time you organised something with many moving parts.",
                "Use STAR: the goal, how you planned and tracked the tasks, one problem you solved on the way, and the measurable result."),
            new("How do you prioritise when several people need something from you at once?",
                "Clarify deadlines and impact, agree priorities with your manager, communicate realistic timelines, and show a tool or habit you use to stay on top of it."),
            new("What would you want to have achieved after six months in this role?",
                "Name two or three concrete outcomes tied to the job's responsibilities, how you'd learn quickly, and how you'd measure your progress."),
        ],
    };
}
