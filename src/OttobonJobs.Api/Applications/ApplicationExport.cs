using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Adapters.Email;
using OttobonJobs.Api.Email;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using Wolverine.Http;

namespace OttobonJobs.Api.Applications;

/// <summary>The tracker as a CSV file (RFC 4180: comma-separated, quoted when needed), for a spreadsheet.</summary>
public static class ApplicationCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Header =
        ["Job", "Company", "Stage", "Provider stage", "Channel", "Applied on", "Interview rounds", "Fit score", "Job status", "Updated at", "Link"];

    /// <summary>The job's own apply link when it has one, else its page on Ottobon.</summary>
    public static string Write(IEnumerable<(ApplicationSummary Summary, string? ApplyUrl)> rows, Func<Guid, string> jobPage)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var (a, applyUrl) in rows)
            Line(csv, [
                a.JobTitle, a.Company, a.Stage, a.ProviderStage ?? "", a.Channel ?? "", a.AppliedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                a.InterviewRounds.ToString(CultureInfo.InvariantCulture), a.FitScore?.ToString(CultureInfo.InvariantCulture) ?? "", a.JobStatus,
                a.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), applyUrl ?? jobPage(a.JobId),
            ]);
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    /// <summary>
    /// A cell a spreadsheet would run as a formula (it starts with = + - @, or a tab or carriage return) gets a leading
    /// apostrophe (OWASP's advice against CSV injection); a cell with a comma, quote or line break is quoted.
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}

public static class ExportApplicationsEndpoint
{
    /// <summary>The caller's tracker as a CSV download, in the list's order.</summary>
    [WolverineGet("/api/applications/export.csv", OperationId = "exportApplications")]
    [RequireRole(Role.Seeker)]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, "text/csv")]
    [ProducesProblems(StatusCodes.Status401Unauthorized)]
    public static async Task<IResult> Get(
        ClaimsPrincipal user, ApplicationReads reads, IOptions<EmailSettings> email, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rows = await reads.ListRowsAsync(user.UserId(), null, cancellationToken);
        var csv = ApplicationCsv.Write(rows, jobId => EmailLinkUrls.Absolute(email.Value, $"/jobs/{jobId}"));
        var name = $"ottobon-applications-{clock.GetUtcNow():yyyy-MM-dd}.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv), ApplicationCsv.ContentType, name);
    }
}
