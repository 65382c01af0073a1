namespace OttobonJobs.Domain.Email;

/// <summary>
/// One rendered email, ready for the port: the address, a single-line subject, both bodies and extra headers
/// (e.g. <c>List-Unsubscribe</c>). Rendered by the templates, which escape everything the user typed.
/// </summary>
public record EmailMessage(string To, string Subject, string HtmlBody, string TextBody, IReadOnlyDictionary<string, string> Headers);

/// <summary>The email port. Adapter: SMTP through MailKit (or a sender that drops mail when no server is configured).</summary>
public interface IEmailSender
{
    /// <exception cref="TransientEmailException">Try again later: connection refused, timeout, a 4xx answer.</exception>
    /// <exception cref="UndeliverableEmailException">The server refused the recipient for good (a 5xx answer to RCPT TO).</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>The mail server could not take the message now; the same message may go through later.</summary>
public class TransientEmailException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The mail server said the address does not (or no longer does) receive mail.</summary>
public class UndeliverableEmailException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The kinds of email the product sends.</summary>
public static class EmailKinds
{
    public const string Verification = "verification";
    public const string PasswordReset = "password_reset";
    public const string InstantAlert = "instant_alert";
    public const string DailyDigest = "daily_digest";
}
