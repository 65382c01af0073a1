using System.Net;
using System.Text;
using OttobonJobs.Domain.Email;

namespace OttobonJobs.Api.Email;

/// <summary>
/// The shared frame of every email: an HTML body (inline styles, as mail clients want) and a plain-text twin. Every
/// value that came from a user goes through <see cref="Html"/> in HTML, and through <see cref="Line"/> in subjects.
/// </summary>
public static class EmailLayout
{
    public static string Html(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>A single line: no CR, LF or other control characters (no header injection), at most <paramref name="max"/> characters.</summary>
    public static string Line(string? value, int max = 120)
    {
        var line = new string((value ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }

    public static EmailMessage Compose(
        string to, string subject, string htmlContent, string textContent, IReadOnlyDictionary<string, string>? headers = null) =>
        new(to, Line(subject, 200), $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{Html(Line(subject, 200))}</title></head>
            <body style="margin:0;padding:24px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
            <div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
            <p style="margin:0 0 16px;font-weight:bold;color:#1e3a8a">Ottobon Jobs</p>
            {htmlContent}
            </div></body></html>
            """, textContent + "\n\n-- \nOttobon Jobs\n", headers ?? new Dictionary<string, string>());

    public static string Button(string url, string label) =>
        $"""<p style="margin:24px 0"><a href="{Html(url)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">{Html(label)}</a></p>""";

    public static string Paragraph(string html) => $"""<p style="margin:0 0 12px;line-height:1.5">{html}</p>""";
}

public static class VerificationEmail
{
    public static EmailMessage Render(string to, string fullName, string link, TimeSpan lifetime) => EmailLayout.Compose(to,
        "Verify your email address for Ottobon Jobs",
        EmailLayout.Paragraph($"Hello {EmailLayout.Html(fullName)},")
        + EmailLayout.Paragraph("Please confirm that this is your email address, so we can send you job alerts and help you get back into your account.")
        + EmailLayout.Button(link, "Verify my email address")
        + EmailLayout.Paragraph($"The link works for {Describe(lifetime)}. If you did not sign up for Ottobon Jobs, ignore this email."),
        $"Hello {EmailLayout.Line(fullName)},\n\nPlease confirm that this is your email address:\n{link}\n\n"
        + $"The link works for {Describe(lifetime)}. If you did not sign up for Ottobon Jobs, ignore this email.");

    internal static string Describe(TimeSpan lifetime) =>
        lifetime.TotalDays >= 1 ? $"{lifetime.TotalDays:0.#} days" : lifetime.TotalHours >= 1 ? $"{lifetime.TotalHours:0.#} hours" : $"{lifetime.TotalMinutes:0} minutes";
}

public static class PasswordResetEmail
{
    public static EmailMessage Render(string to, string fullName, string link, TimeSpan lifetime) => EmailLayout.Compose(to,
        "Reset your Ottobon Jobs password",
        EmailLayout.Paragraph($"Hello {EmailLayout.Html(fullName)},")
        + EmailLayout.Paragraph("Someone (hopefully you) asked to reset the password of your Ottobon Jobs account.")
        + EmailLayout.Button(link, "Choose a new password")
        + EmailLayout.Paragraph($"The link works once, for {VerificationEmail.Describe(lifetime)}. Resetting signs you out everywhere. "
            + "If you did not ask for this, ignore this email: your password stays as it is."),
        $"Hello {EmailLayout.Line(fullName)},\n\nSomeone (hopefully you) asked to reset the password of your Ottobon Jobs account.\n"
        + $"Choose a new password here:\n{link}\n\nThe link works once, for {VerificationEmail.Describe(lifetime)}. Resetting signs you out everywhere.\n"
        + "If you did not ask for this, ignore this email: your password stays as it is.");
}

/// <summary>An instant alert or a daily digest: the new jobs of one saved search, with its one-click unsubscribe link.</summary>
public static class SearchAlertEmail
{
    public static EmailMessage Render(
        string to, string fullName, string searchName, bool isDigest, IReadOnlyList<(AlertedJob Job, string Url)> jobs,
        string unsubscribePage, string oneClickUnsubscribe)
    {
        var name = EmailLayout.Line(searchName, 80);
        var count = jobs.Count == 1 ? "1 new job" : $"{jobs.Count} new jobs";
        var subject = isDigest ? $"Your daily digest: {count} for \"{name}\"" : $"{count} for \"{name}\"";

        var html = new StringBuilder()
            .Append(EmailLayout.Paragraph($"Hello {EmailLayout.Html(fullName)},"))
            .Append(EmailLayout.Paragraph($"{count} matching your saved search <strong>{EmailLayout.Html(name)}</strong>:"))
            .Append("""<ul style="padding-left:20px;margin:0 0 16px">""");
        var text = new StringBuilder($"Hello {EmailLayout.Line(fullName)},\n\n{count} matching your saved search \"{name}\":\n\n");
        foreach (var (job, url) in jobs)
        {
            var where = string.Join(" · ", new[] { job.Company, job.Place }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => EmailLayout.Line(s)));
            html.Append($"""<li style="margin:0 0 10px"><a href="{EmailLayout.Html(url)}" style="color:#1d4ed8">{EmailLayout.Html(EmailLayout.Line(job.Title, 200))}</a><br><span style="color:#475569">{EmailLayout.Html(where)}</span></li>""");
            text.Append($"- {EmailLayout.Line(job.Title, 200)} ({where})\n  {url}\n");
        }
        html.Append("</ul>")
            .Append(EmailLayout.Paragraph(
                $"""<span style="color:#475569;font-size:13px">You get this email because alerts are on for this search. <a href="{EmailLayout.Html(unsubscribePage)}" style="color:#1d4ed8">Turn off alerts for “{EmailLayout.Html(name)}”</a>.</span>"""));
        text.Append($"\nYou get this email because alerts are on for this search. Turn them off: {unsubscribePage}");

        return EmailLayout.Compose(to, subject, html.ToString(), text.ToString(), new Dictionary<string, string>
        {
            // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to this URL, no page in between.
            ["List-Unsubscribe"] = $"<{oneClickUnsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        });
    }
}
