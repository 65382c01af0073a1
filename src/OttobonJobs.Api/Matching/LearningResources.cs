using Marten;
using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Domain.Skills;
using Wolverine.Http;
using Wolverine.Marten;

namespace OttobonJobs.Api.Matching;

public record LearningLink(string Title, string Url, string Type);

/// <summary>The curated catalogue: one document per skill (id = the skill's canonical name, lower-case), editable by admins.</summary>
public record LearningResourceEntry(string Id, string Skill, IReadOnlyList<LearningLink> Resources);

public static class LearningCatalogue
{
    public static string IdFor(string skill) => (SkillTaxonomy.Canonicalise(skill) ?? skill.Trim()).ToLowerInvariant();

    /// <summary>For a skill nobody has curated yet, search links on free course sites are still better than nothing.</summary>
    public static IReadOnlyList<LearningLink> Fallback(string skill) =>
    [
        new($"{skill} courses on freeCodeCamp", $"https://www.freecodecamp.org/news/search/?query={Uri.EscapeDataString(skill)}", "search"),
        new($"{skill} courses on Coursera", $"https://www.coursera.org/search?query={Uri.EscapeDataString(skill)}", "search"),
    ];

    // A starting catalogue for common skills of entry-level roles; admins extend it through the API.
    public static readonly IReadOnlyList<(string Skill, LearningLink[] Links)> Seed =
    [
        ("Node.js", [new("Node.js — Learn", "https://nodejs.org/en/learn", "documentation"), new("The Odin Project: NodeJS", "https://www.theodinproject.com/paths/full-stack-javascript/courses/nodejs", "course")]),
        ("JavaScript", [new("MDN JavaScript Guide", "https://developer.mozilla.org/en-US/docs/Web/JavaScript/Guide", "documentation"), new("javascript.info", "https://javascript.info/", "tutorial")]),
        ("TypeScript", [new("TypeScript Handbook", "https://www.typescriptlang.org/docs/handbook/intro.html", "documentation")]),
        ("React", [new("React — Learn", "https://react.dev/learn", "documentation")]),
        ("Python", [new("The Python Tutorial", "https://docs.python.org/3/tutorial/", "documentation"), new("Python for Everybody", "https://www.py4e.com/", "course")]),
        ("Java", [new("Dev.java — Learn Java", "https://dev.java/learn/", "documentation")]),
        ("C#", [new("C# on Microsoft Learn", "https://learn.microsoft.com/dotnet/csharp/", "documentation")]),
        ("SQL", [new("SQLBolt interactive lessons", "https://sqlbolt.com/", "tutorial"), new("PostgreSQL Tutorial", "https://www.postgresql.org/docs/current/tutorial.html", "documentation")]),
        ("PostgreSQL", [new("PostgreSQL Tutorial", "https://www.postgresql.org/docs/current/tutorial.html", "documentation")]),
        ("REST APIs", [new("MDN: HTTP overview", "https://developer.mozilla.org/en-US/docs/Web/HTTP/Overview", "documentation"), new("Microsoft REST API guidelines", "https://github.com/microsoft/api-guidelines", "guide")]),
        ("Git", [new("Pro Git book", "https://git-scm.com/book/en/v2", "book")]),
        ("Docker", [new("Docker — Get started", "https://docs.docker.com/get-started/", "documentation")]),
        ("AWS", [new("AWS Skill Builder (free courses)", "https://skillbuilder.aws/", "course")]),
        ("Microsoft Azure", [new("Azure Fundamentals on Microsoft Learn", "https://learn.microsoft.com/training/azure/", "course")]),
        ("Microsoft Excel", [new("Excel training — Microsoft Support", "https://support.microsoft.com/excel", "tutorial")]),
        ("Power BI", [new("Power BI on Microsoft Learn", "https://learn.microsoft.com/training/powerplatform/power-bi", "course")]),
        ("Tableau", [new("Tableau free training videos", "https://www.tableau.com/learn/training", "course")]),
        ("Data Analysis", [new("Khan Academy: Statistics and probability", "https://www.khanacademy.org/math/statistics-probability", "course")]),
        ("GST", [new("GST portal — tutorials", "https://tutorial.gst.gov.in/userguide/", "documentation")]),
        ("Tally", [new("TallyHelp", "https://help.tallysolutions.com/", "documentation")]),
        ("Ind AS", [new("ICAI — Ind AS resources", "https://www.icai.org/post/ind-as", "documentation")]),
        ("IFRS", [new("IFRS Standards", "https://www.ifrs.org/issued-standards/list-of-standards/", "documentation")]),
        ("Auditing", [new("ICAI — Standards on Auditing", "https://www.icai.org/post/standards-on-auditing", "documentation")]),
        ("Financial Reporting", [new("Khan Academy: Accounting and financial statements", "https://www.khanacademy.org/economics-finance-domain/core-finance/accounting-and-financial-stateme", "course")]),
        ("Communication", [new("Coursera: Improving Communication Skills (Wharton)", "https://www.coursera.org/learn/wharton-communication-skills", "course")]),
        ("Cybersecurity", [new("Cisco Networking Academy: Introduction to Cybersecurity", "https://www.netacad.com/courses/introduction-to-cybersecurity", "course")]),
        ("Linux", [new("Linux Journey", "https://linuxjourney.com/", "tutorial")]),
        ("Machine Learning", [new("Google Machine Learning Crash Course", "https://developers.google.com/machine-learning/crash-course", "course")]),
        ("Agile", [new("Atlassian Agile Coach", "https://www.atlassian.com/agile", "guide")]),
    ];
}

/// <summary>Fills the catalogue on first start; later edits by admins are never overwritten.</summary>
public class LearningCatalogueSeeder(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<LearningResourceEntry>().AnyAsync(cancellationToken)) return;
        foreach (var (skill, links) in LearningCatalogue.Seed)
        {
            var canonical = SkillTaxonomy.Canonicalise(skill) ?? skill;
            session.Store(new LearningResourceEntry(LearningCatalogue.IdFor(skill), canonical, links));
        }
        await session.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public record PutLearningResources(string? Skill, IReadOnlyList<LearningLink>? Resources);

public static class LearningResourceEndpoints
{
    [WolverineGet("/api/admin/learning-resources", OperationId = "learningResources")]
    [RequireRole(Role.Admin)]
    public static async Task<IReadOnlyList<LearningResourceEntry>> Get(IQuerySession session, CancellationToken cancellationToken) =>
        (await session.Query<LearningResourceEntry>().ToListAsync(cancellationToken)).OrderBy(e => e.Skill, StringComparer.OrdinalIgnoreCase).ToList();
}

public static class PutLearningResourcesEndpoint
{
    public static ProblemDetails Validate(PutLearningResources command) =>
        string.IsNullOrWhiteSpace(command.Skill) || command.Skill.Length > 60 ? ApiProblems.Validation("skill is required (at most 60 characters).")
        : command.Resources is null || command.Resources.Count is 0 or > 20 ? ApiProblems.Validation("resources must list 1 to 20 links.")
        : command.Resources.Any(r => r is null || string.IsNullOrWhiteSpace(r.Title) || r.Title.Length > 200 || string.IsNullOrWhiteSpace(r.Type)
                                     || !Uri.TryCreate(r.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            ? ApiProblems.Validation("each resource needs a title, a type and an https url.")
        : WolverineContinue.NoProblems;

    /// <summary>Creates or replaces the links for one skill (stored by the transactional middleware); the entry is the response.</summary>
    [WolverinePut("/api/admin/learning-resources", OperationId = "putLearningResources")]
    [RequireRole(Role.Admin)]
    [ProducesResponseType<LearningResourceEntry>(StatusCodes.Status200OK)]
    public static (LearningResourceEntry, IMartenOp) Put(PutLearningResources command)
    {
        var skill = SkillTaxonomy.Canonicalise(command.Skill!) ?? command.Skill!.Trim();
        var entry = new LearningResourceEntry(LearningCatalogue.IdFor(skill), skill,
            command.Resources!.Select(r => r with { Title = r.Title.Trim(), Type = r.Type.Trim().ToLowerInvariant() }).ToList());
        return (entry, MartenOps.Store(entry));
    }
}
