using OttobonJobs.Domain.Skills;
using OttobonJobs.Domain.Tailoring;

namespace OttobonJobs.Domain.Tests.Tailoring;

internal static class TailoringSamples
{
    public const string Resume = """
        Ananya Iyer
        ananya.iyer@example.com | +91 98450 12345 | Bengaluru
        Education
        B.Tech in Computer Science, PES University, 2025, CGPA 8.4
        Experience
        Software Intern, Flipkart, Jan 2025 – Jun 2025
        - Wrote unit tests for the checkout service and fixed 14 bugs
        - Built REST APIs in Java and Spring Boot for the seller dashboard
        Projects
        - Expense tracker in Python with Pandas, charts for monthly spend
        - College fest website with React
        Skills
        Java, Spring Boot, Python, Pandas, React, Git
        """;

    public const string Description = """
        We are hiring a Backend Developer (Java) to build services for our payments platform.
        You will design REST APIs with Spring Boot, store data in PostgreSQL and deploy on AWS with Docker.
        Nice to have: Kafka and Kubernetes.
        """;

    public static readonly IReadOnlyList<string> JobSkills = ["Java", "Spring Boot", "SQL", "Docker", "AWS"];

    public static TailoringJob Job => new(Guid.NewGuid(), "Backend Developer", "Razorpay", Description, JobSkills);

    public static TailoringResume ResumeFacts => new(Resume, SkillTaxonomy.Extract(Resume), "abc123");
}
