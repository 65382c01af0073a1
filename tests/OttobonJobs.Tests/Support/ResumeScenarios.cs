using System.Net;
using System.Net.Http.Headers;
using Alba;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Support;

public static class ResumeScenarios
{
    public const string NodeDeveloperResume = """
        Priya Sharma
        Bengaluru, India | priya@example.com

        Summary
        Computer science graduate who builds backend services in Node.js and Express with PostgreSQL.

        Experience
        Backend intern, Acme Software (2024): built REST APIs in Node.js and Express, wrote SQL queries for
        PostgreSQL, added unit tests with Jest and deployed services to AWS. Reviewed pull requests on GitHub.

        Projects
        Campus events API: a Node.js and Express REST API with JWT authentication, PostgreSQL and Docker.

        Skills
        JavaScript, TypeScript, Node.js, Express, REST APIs, PostgreSQL, SQL, Git, Docker, AWS, unit testing

        Education
        B.Tech in Computer Science, 2024
        """;

    public const string AccountantResume = """
        Rahul Verma
        Mumbai, India | rahul@example.com

        Summary
        Commerce graduate and CA Inter with articleship in statutory audit and GST compliance.

        Experience
        Audit article assistant, Verma & Co Chartered Accountants (2022-2024): statutory audits under Ind AS,
        vouching and verification, bank reconciliations, preparing working papers, GST returns (GSTR-1, GSTR-3B)
        and input tax credit reconciliation in Tally and Microsoft Excel. Supported internal audit of inventory.

        Skills
        Auditing, Statutory audit, Ind AS, GST, Tally, Microsoft Excel, reconciliation, financial reporting, communication

        Education
        B.Com, 2022; CA Intermediate
        """;

    /// <summary>Uploads a resume as multipart/form-data and waits for its background embedding.</summary>
    public static async Task<IScenarioResult> UploadedResume(this IAlbaHost host, SignedIn seeker, byte[] content, string fileName,
        HttpStatusCode expected = HttpStatusCode.OK, string method = "POST")
    {
        IScenarioResult result = null!;
        await host.ExecuteAndWaitAsync(async () => result = await host.SendResume(seeker, content, fileName, expected, method));
        return result;
    }

    public static Task<IScenarioResult> SendResume(this IAlbaHost host, SignedIn? seeker, byte[] content, string fileName,
        HttpStatusCode expected, string method = "POST") =>
        host.Scenario(s =>
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", fileName);
            (method == "PUT" ? s.Put : s.Post).MultipartFormData(form).ToUrl("/api/users/resume");
            if (seeker is not null) s.As(seeker);
            s.StatusCodeShouldBe(expected);
        });
}
