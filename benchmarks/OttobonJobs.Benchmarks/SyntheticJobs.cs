using System.Globalization;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Benchmarks;

/// <summary>One seeded job: its stream id, the events of its life so far and the cluster its vector came from.</summary>
public record SyntheticJob(Guid Id, int Cluster, object[] Events);

/// <summary>
/// Plausible jobs for the seed: a cluster of the vector generator is a role family (function × industry), so a
/// job's title, skills and vector agree. Three in four are scraped from a Big-4 career site, one in four is posted
/// by a provider, like the real mix. Every job is enriched (5 questions, 5 tips, skills, salary), embedded and active.
/// </summary>
public sealed class SyntheticJobs
{
    public const string AiModel = "bench-synthetic-enricher/1";

    // The model name the API's local embedder records; the vectors themselves are synthetic (see ClusteredVectors).
    public const string EmbeddingModel = "all-MiniLM-L6-v2";

    private static readonly (string Title, string[] Skills)[] Functions =
    [
        ("Software Engineer", ["C#", ".NET", "SQL", "Git", "REST APIs", "Azure", "Unit testing", "Docker"]),
        ("Data Analyst", ["SQL", "Excel", "Power BI", "Python", "Statistics", "Tableau", "Data cleaning"]),
        ("Business Analyst", ["Requirements gathering", "Excel", "SQL", "JIRA", "Process mapping", "Stakeholder management"]),
        ("Audit Associate", ["Financial statements", "IFRS", "Excel", "Internal controls", "Sampling", "Documentation"]),
        ("Tax Analyst", ["GST", "Direct tax", "Excel", "Tally", "Tax research", "Compliance"]),
        ("Technology Consultant", ["SAP", "Problem solving", "PowerPoint", "SQL", "Client communication", "Agile"]),
        ("QA Engineer", ["Selenium", "Java", "Test cases", "API testing", "JIRA", "Regression testing"]),
        ("Cloud Engineer", ["AWS", "Azure", "Terraform", "Linux", "Networking", "Kubernetes", "CI/CD"]),
        ("Cybersecurity Analyst", ["SIEM", "Network security", "Incident response", "ISO 27001", "Vulnerability assessment", "Linux"]),
        ("Financial Analyst", ["Financial modelling", "Excel", "Valuation", "Accounting", "PowerPoint", "Forecasting"]),
    ];

    private static readonly string[] Industries = ["Banking", "Healthcare", "Retail", "Energy", "Public Sector"];
    private static readonly string[] BigFour = ["Deloitte", "PwC", "EY", "KPMG"];
    private static readonly string[] Providers = ["Acme Analytics", "Brightpath Labs", "Northwind Traders", "Zenith Fintech", "Lotus Health Tech"];
    private static readonly string[] Locations = ["Bengaluru", "Hyderabad", "Mumbai", "Pune", "Gurugram", "Chennai", "Kolkata", "Remote"];

    private readonly ClusteredVectors _vectors;
    private readonly Guid[] _providerUsers;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public SyntheticJobs(ClusteredVectors vectors, int seed)
    {
        _vectors = vectors;
        var random = new Random(seed);
        _providerUsers = Enumerable.Range(0, Providers.Length).Select(_ => NewGuid(random)).ToArray();
    }

    public static string TitleOf(int cluster)
    {
        var (function, _) = Functions[cluster % Functions.Length];
        return $"Graduate {function}, {Industries[cluster / Functions.Length % Industries.Length]}";
    }

    public SyntheticJob Create(int number, Random random)
    {
        var (cluster, vector) = _vectors.Next(random);
        var (function, functionSkills) = Functions[cluster % Functions.Length];
        var industry = Industries[cluster / Functions.Length % Industries.Length];
        var title = TitleOf(cluster);
        var location = Locations[random.Next(Locations.Length)];
        var skills = functionSkills.OrderBy(_ => random.Next()).Take(random.Next(4, functionSkills.Length + 1)).ToList();
        var created = _now - TimeSpan.FromMinutes(random.Next(60 * 24 * 60)); // within the last 60 days
        var description = Description(number, function, industry, location, skills, random);
        var hash = DescriptionFingerprint.Compute(description);

        object first;
        Guid id;
        string company;
        if (random.Next(4) == 0)
        {
            var provider = random.Next(Providers.Length);
            company = Providers[provider];
            id = NewGuid(random);
            first = new JobPosted(id, _providerUsers[provider], title, company, location, description, skills.Take(3).ToList(), hash, created);
        }
        else
        {
            company = BigFour[random.Next(BigFour.Length)];
            var externalId = $"BENCH-{number:D6}";
            id = JobIdentity.ForScrapedPosting(company, externalId);
            first = new JobScraped(id, $"{company.ToLowerInvariant()}-careers", company, externalId,
                $"https://careers.example.com/{company.ToLowerInvariant()}/{externalId}", title, location, description, hash,
                created.AddDays(-1), null, created);
        }

        var enrichment = Enrichment(function, industry, company, skills, location, random);
        var events = new[]
        {
            first,
            new JobEnriched(enrichment, AiModel, hash, created.AddSeconds(20)),
            new JobEmbedded(EmbeddingModel, ClusteredVectors.Dimensions, vector, hash, created.AddSeconds(21)),
            new JobActivated(created.AddSeconds(22)),
        };
        return new SyntheticJob(id, cluster, events);
    }

    private static string Description(int number, string function, string industry, string location, List<string> skills, Random random)
    {
        var teamSize = random.Next(4, 30);
        var intake = random.Next(2, 40);
        return $"""
            <p>We are hiring a graduate {function} (opening {number:D6}) to join a {teamSize}-person team serving {industry.ToLowerInvariant()} clients from {location}.
            You will learn on real engagements from day one, with a mentor and a structured first-year programme shared by this year's {intake} joiners.</p>
            <h3>What you will do</h3>
            <ul>
              <li>Work with senior colleagues on {industry.ToLowerInvariant()} projects, from understanding the problem to delivering the result.</li>
              <li>Use {skills[0]} and {skills[1]} every day, and grow into {skills[^1]}.</li>
              <li>Prepare clear documentation and present findings to the team and, in time, to clients.</li>
              <li>Take part in reviews, trainings and the graduate community.</li>
            </ul>
            <h3>What we look for</h3>
            <ul>
              <li>A bachelor's degree (2024 or 2025 batch) in a relevant discipline; 0–2 years of experience.</li>
              <li>Working knowledge of {string.Join(", ", skills)}.</li>
              <li>Curiosity, ownership and good written and spoken English.</li>
            </ul>
            <p>Hybrid working from {location}, health cover, learning budget and certification support.</p>
            """;
    }

    private static JobEnrichment Enrichment(string function, string industry, string company, List<string> skills, string location, Random random)
    {
        var questions = new List<PrepQuestion>
        {
            new($"Walk us through a project where you used {skills[0]}.", "Use STAR: situation, your task, what you did with the tool, and a measurable result."),
            new($"Why do you want to work as a {function} in {industry.ToLowerInvariant()}?", $"Connect a concrete interest in {industry.ToLowerInvariant()} to what {company} does there."),
            new($"How would you explain {skills[1]} to a non-technical client?", "Pick one everyday analogy, then one example from the job; keep it under a minute."),
            new("Tell us about a time you had to learn something quickly.", "Show your learning method: sources, practice, feedback, and how fast you became useful."),
            new("Describe a disagreement in a team and how it ended.", "Stay factual, show you listened, and end with what you would repeat or change."),
        };
        var tips = new List<string>
        {
            $"Lead with the {skills[0]} and {skills[1]} work you have done, with numbers where you can.",
            $"Add a short projects section showing {function.ToLowerInvariant()} work, even from college.",
            $"Mention any exposure to {industry.ToLowerInvariant()} (internships, coursework, case competitions).",
            "Keep it to one page and put your graduation year and degree at the top.",
            $"List certifications relevant to {skills[^1]} with the year you earned them.",
        };
        var min = 3.5m + random.Next(0, 8) * 0.5m;
        var max = min + 2m + random.Next(0, 6) * 0.5m;
        var salary = new SalaryRange("INR", min * 100_000, max * 100_000, "year",
            $"₹{min.ToString("0.#", CultureInfo.InvariantCulture)}L – ₹{max.ToString("0.#", CultureInfo.InvariantCulture)}L per year");
        return new JobEnrichment(questions, tips, skills, salary, "Entry level (0–2 years)",
            location == "Remote" ? "Bachelor's degree, any discipline" : $"Bachelor's degree relevant to {function.ToLowerInvariant()} roles");
    }

    public static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (little-endian layout of Guid)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
