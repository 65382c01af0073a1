using System.Text.RegularExpressions;
using OttobonJobs.Domain.Skills;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>The kind of work a job is; it picks the salary row, the default qualification and the fallback content.</summary>
internal enum RoleFamily
{
    SoftwareEngineering,
    DataAnalytics,
    AuditAssurance,
    Tax,
    ConsultingAdvisory,
    Cybersecurity,
    FinanceAccounting,
    Other,
}

internal static partial class RoleFamilies
{
    /// <summary>
    /// The title decides when it says clearly (checked in this order, so "Data Engineer" is data and "Tax Technology
    /// Analyst" is tax); otherwise the job's skills vote by category.
    /// </summary>
    public static RoleFamily Classify(string title, IReadOnlyList<string> skills)
    {
        foreach (var (family, pattern) in TitlePatterns)
            if (pattern.IsMatch(title)) return family;

        var votes = new Dictionary<RoleFamily, int>();
        for (var i = 0; i < skills.Count; i++)
        {
            if (SkillTaxonomy.CategoryOf(skills[i]) is not { } category || FamilyOf(category) is not { } family) continue;
            votes[family] = votes.GetValueOrDefault(family) + (skills.Count - i); // earlier (more relevant) skills weigh more
        }
        return votes.Count == 0 ? RoleFamily.Other : votes.MaxBy(v => v.Value).Key;
    }

    private static RoleFamily? FamilyOf(SkillCategory category) => category switch
    {
        SkillCategory.Programming or SkillCategory.Framework or SkillCategory.Engineering
            or SkillCategory.Cloud or SkillCategory.DevOps => RoleFamily.SoftwareEngineering,
        SkillCategory.Data => RoleFamily.DataAnalytics,
        SkillCategory.Audit => RoleFamily.AuditAssurance,
        SkillCategory.Tax => RoleFamily.Tax,
        SkillCategory.Accounting => RoleFamily.FinanceAccounting,
        SkillCategory.Risk or SkillCategory.Consulting => RoleFamily.ConsultingAdvisory,
        SkillCategory.Cybersecurity => RoleFamily.Cybersecurity,
        _ => null,
    };

    public static string Display(this RoleFamily family) => family switch
    {
        RoleFamily.SoftwareEngineering => "software engineering",
        RoleFamily.DataAnalytics => "data & analytics",
        RoleFamily.AuditAssurance => "audit & assurance",
        RoleFamily.Tax => "tax",
        RoleFamily.ConsultingAdvisory => "consulting & advisory",
        RoleFamily.Cybersecurity => "cybersecurity",
        RoleFamily.FinanceAccounting => "finance & accounting operations",
        _ => "business operations",
    };

    /// <summary>What a posting in this family usually asks for when it does not say.</summary>
    public static string DefaultQualification(this RoleFamily family) => family switch
    {
        RoleFamily.SoftwareEngineering => "Typically a B.Tech/B.E., BCA or MCA in Computer Science, IT or a related field",
        RoleFamily.DataAnalytics => "Typically a bachelor's degree in Engineering, Statistics, Mathematics, Economics or a related field",
        RoleFamily.AuditAssurance => "Typically a B.Com or M.Com with CA Inter, CA or ACCA (pursuing or qualified)",
        RoleFamily.Tax => "Typically a B.Com, M.Com or LLB with CA Inter or CA (pursuing or qualified)",
        RoleFamily.ConsultingAdvisory => "Typically a bachelor's degree (B.Tech, B.Com, BBA) or an MBA",
        RoleFamily.Cybersecurity => "Typically a B.Tech/B.E. in Computer Science or IT; CEH or CompTIA Security+ a plus",
        RoleFamily.FinanceAccounting => "Typically a B.Com or M.Com; CA Inter, CMA or an MBA (Finance) an advantage",
        _ => "Typically any bachelor's degree",
    };

    /// <summary>Skills the family's interviews lean on, used only to fill questions and tips when a posting names too few.</summary>
    public static IReadOnlyList<string> CoreSkills(this RoleFamily family) => family switch
    {
        RoleFamily.SoftwareEngineering => ["Data structures and algorithms", "Object-oriented programming", "SQL"],
        RoleFamily.DataAnalytics => ["SQL", "Excel", "Statistics"],
        RoleFamily.AuditAssurance => ["Statutory audit", "Internal controls", "Excel"],
        RoleFamily.Tax => ["Income tax", "GST", "Tax compliance"],
        RoleFamily.ConsultingAdvisory => ["Business analysis", "Stakeholder management", "Excel"],
        RoleFamily.Cybersecurity => ["Network security", "Vulnerability assessment", "IAM"],
        RoleFamily.FinanceAccounting => ["Reconciliation", "Journal entries", "Excel"],
        _ => ["Excel", "PowerPoint", "MS Office"],
    };

    private static readonly (RoleFamily, Regex)[] TitlePatterns =
    [
        (RoleFamily.Cybersecurity, CyberTitle()),
        (RoleFamily.Tax, TaxTitle()),
        (RoleFamily.AuditAssurance, AuditTitle()),
        (RoleFamily.DataAnalytics, DataTitle()),
        (RoleFamily.SoftwareEngineering, SoftwareTitle()),
        (RoleFamily.ConsultingAdvisory, ConsultingTitle()),
        (RoleFamily.FinanceAccounting, FinanceTitle()),
        (RoleFamily.Other, OtherTitle()),
    ];

    [GeneratedRegex(@"\b(cyber|security|soc\s+analyst|vapt|penetration|pen\s*test|iam|identity\s+(and|&)\s+access|threat|siem)", RegexOptions.IgnoreCase)]
    private static partial Regex CyberTitle();

    [GeneratedRegex(@"\b(tax|gst|transfer\s+pricing|indirect|direct\s+taxes)", RegexOptions.IgnoreCase)]
    private static partial Regex TaxTitle();

    [GeneratedRegex(@"\b(audit|assurance|statutory|sox|article(ship)?\s+(assistant|trainee|clerk)|articled)", RegexOptions.IgnoreCase)]
    private static partial Regex AuditTitle();

    [GeneratedRegex(@"\b(data|analytics|business\s+intelligence|bi\s+(developer|analyst|engineer)|power\s*bi|tableau|machine\s+learning|ml\s+engineer|ai\s+engineer|ai/ml|mis\s+analyst)", RegexOptions.IgnoreCase)]
    private static partial Regex DataTitle();

    [GeneratedRegex(@"\b(software|developer|programmer|sde|swe|full[\s-]*stack|back[\s-]*end|front[\s-]*end|engineer(ing)?\s+trainee|devops|cloud\s+engineer|qa|test(ing)?\s+engineer|\.net|java|node|react|python|web|mobile|android|ios)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SoftwareTitle();

    [GeneratedRegex(@"\b(consult|advisory|adviser|advisor|business\s+analyst|strategy|deals|due\s+diligence|transaction|risk|valuation|forensic|m&a|esg|grc)", RegexOptions.IgnoreCase)]
    private static partial Regex ConsultingTitle();

    [GeneratedRegex(@"\b(account|finance|financial|fp&a|payable|receivable|r2r|record\s+to\s+report|book\s*keep|ledger|payroll|treasury|billing|controller)", RegexOptions.IgnoreCase)]
    private static partial Regex FinanceTitle();

    [GeneratedRegex(@"\b(hr|human\s+resources|recruit|talent|marketing|sales|operations|admin|assistant|coordinator|executive)", RegexOptions.IgnoreCase)]
    private static partial Regex OtherTitle();
}
